import { describe, expect, it } from 'vitest';
import { isCutOffProse, isDoubledLine, isPlaceDateline, segment } from '../../src/ingest/clean.ts';
import { BOILERPLATE_RULES, CAPTION_RULES } from '../../src/ingest/clutterRules.ts';

/** The name of the first boilerplate or caption rule a line meets, or null. */
const ruleOf = (line: string): string | null => [...BOILERPLATE_RULES, ...CAPTION_RULES].find((r) => r.pattern.test(line))?.name ?? null;

const PROSE = 'The council voted on Monday to raise the budget for the city’s schools by four percent next year.';
const PROSE2 = 'Members of the public spoke for two hours before the vote, most of them in favour of the increase.';

/** The roles and rules of a page's blocks, as segment() gives them; lines apart by a blank line unless `joined`. */
const roles = (lines: string[], joined = false) =>
  segment(lines.join(joined ? '\n' : '\n\n'), 0, null).map((b) => [b.text.slice(0, 24), b.role, b.rule]);

describe('page furniture rules', () => {
  it('sets aside comment prompts and comment forms, not prose about comments', () => {
    for (const line of ['No comments', '12 Comments', 'Post a Comment', 'Kindly drop a comment below.', 'Leave a reply'])
      expect(ruleOf(line), line).toBe('comment prompt');
    expect(ruleOf('Your email address will not be published. Required fields are marked *')).toBe('comment prompt');
    expect(ruleOf('The mayor declined to comment on the vote.')).toBeNull();
  });

  it('sets aside calls to action and advertising lines', () => {
    expect(ruleOf('Click here for live election results')).toBe('call to action');
    expect(ruleOf('CLICK HERE TO GET THE EXAMPLE NEWS APP')).toBe('call to action');
    expect(ruleOf('Advertise on example.com to reach thousands of our daily users')).toBe('advertising notice');
    expect(ruleOf('Advert Enquiries - Reach out to us at desk@example.com')).toBe('advertising notice');
    expect(ruleOf('The company said it would advertise the jobs next month.')).toBeNull();
  });

  it('sets aside update and syndication notices and embedded posts', () => {
    expect(ruleOf('This is a developing story. Check back for updates.')).toBe('update notice');
    expect(ruleOf('Please note: This content carries a strict local market embargo.')).toBe('syndication notice');
    expect(ruleOf('We did it! pic.twitter.com/abc123 — Example Union (@ExampleU) May 15, 2023')).toBe('embedded post');
    expect(ruleOf('We did it! — Example Union (@ExampleU) May 15, 2023')).toBe('embedded post');
    expect(ruleOf('The arms embargo on the country was lifted in 2016, officials said.')).toBeNull();
  });

  it('sets aside related links, continue-reading links and a video player label', () => {
    expect(ruleOf('Related story:Council passes the budget')).toBe('read-more link');
    expect(ruleOf("'It still lives with me':Jurors share how the trial changed them")).toBe('related link');
    expect(ruleOf('Weiterlesen »')).toBe('continue-reading link');
    expect(ruleOf('Read more ›')).toBe('continue-reading link');
    expect(ruleOf('Up Next')).toBe('video player label');
    // A colon before a capital inside a sentence that ends is prose.
    expect(ruleOf('He said the plan was simple:Spend less. It was.')).toBeNull();
  });

  it('reads a gallery counter as a caption', () => {
    expect(ruleOf('1 of 3 | The mayor speaks to supporters on Tuesday night.')).toBe('gallery caption');
    expect(ruleOf('One of three candidates spoke on Tuesday.')).toBeNull();
  });
});

describe('page furniture by shape', () => {
  it('reads the same words twice over on one line as alt text and caption', () => {
    expect(isDoubledLine('Governor Jane Roe Governor Jane Roe')).toBe(true);
    expect(isDoubledLine('Governor Jane Roe met Governor Jane Roe')).toBe(false);
    expect(isDoubledLine(`${PROSE.repeat(30)} ${PROSE.repeat(30)}`)).toBe(false);
  });

  it('reads a place and outlet with no date as a dateline', () => {
    expect(isPlaceDateline('RICHMOND, Va. (WVIR) -')).toBe(true);
    expect(isPlaceDateline('CHICAGO (WLS) --')).toBe(true);
    expect(isPlaceDateline('CHICAGO (WLS) -- Mayor-elect Jane Roe was out Wednesday thanking voters.')).toBe(false);
  });

  it('reads a last line cut off mid-sentence as prose, a footer label not', () => {
    expect(isCutOffProse('The mayor also encouraged residents t')).toBe(true);
    expect(isCutOffProse('Verdict fac')).toBe(true);
    expect(isCutOffProse('Example TV News Roku')).toBe(false);
    expect(isCutOffProse('The mayor spoke.')).toBe(false);
  });
});

describe('segmenting a page', () => {
  it('keeps the cut-off last line of an excerpt as body, only right after the body', () => {
    expect(roles([PROSE, PROSE2, 'The mayor also encouraged residents t']).at(-1)?.[1]).toBe('body');
    expect(roles([PROSE, PROSE2, 'Share this', 'The mayor also encouraged residents t']).at(-1)?.[1]).toBe('clutter');
    expect(roles([PROSE, PROSE2, 'Example TV News Roku']).at(-1)?.[1]).toBe('clutter');
  });

  it('sets aside a caption printed twice in one widget, whole or cut short with a gallery counter or kicker', () => {
    const caption = 'A storm surge caused the river to overflow its banks and flooded parts of the town on Friday.';
    const twice = roles([caption, 'Up Next', caption, PROSE, PROSE2], true);
    expect(twice.filter((r) => r[1] === 'body').map((r) => r[0])).toEqual([PROSE.slice(0, 24), PROSE2.slice(0, 24)]);
    const gallery = roles([caption.slice(0, 70), `1 of 3 | ${caption}`, PROSE], true);
    expect(gallery.map((r) => r[1])).toEqual(['caption', 'caption', 'body']);
    expect(roles([PROSE, `LIVE: ${PROSE.slice(0, 80)}`], true).map((r) => r[1])).toEqual(['caption', 'caption']);
    // Two paragraphs apart are two paragraphs, even the same words; so is a copy amid the body.
    expect(roles([caption, caption, PROSE]).map((r) => r[1])).toEqual(['body', 'body', 'body']);
    expect(roles([PROSE, caption, caption, PROSE2], true).map((r) => r[1])).toEqual(['body', 'body', 'body', 'body']);
  });

  it('keeps a paragraph that only opens like another one', () => {
    const quote = '“The council certainly wants to keep the schools open, because they see them as the heart of the town,”';
    const blocks = roles([`${quote} the mayor said.`, `${quote.slice(0, -2)}, and it is also a matter of jobs,” he added.`]);
    expect(blocks.map((r) => r[1])).toEqual(['body', 'body']);
  });

  it('sets aside the teaser before a continue-reading link and the caption after a video label', () => {
    const page = roles([PROSE, PROSE2, 'Council passes the budgetThe council voted on a new budget for the schools.', 'Read more »']);
    expect(page[2]?.[2]).toBe('teaser of another post');
    const video = roles([PROSE, 'WATCH: The mayor’s victory speech', 'The mayor thanked supporters after her rival conceded.', PROSE2]);
    expect(video[2]?.slice(1)).toEqual(['caption', 'caption of the video before']);
    expect(video[3]?.[1]).toBe('body');
  });

  it('sets aside a doubled line and a dateline without a date above the body', () => {
    const page = roles(['Governor Jane Roe Governor Jane Roe', 'RICHMOND, Va. (WVIR) -', PROSE, PROSE2]);
    expect(page.map((r) => r[1])).toEqual(['caption', 'dateline', 'body', 'body']);
  });
});

describe('the cheap tests asked before a rule', () => {
  const LINES = [
    'Click here for live election results',
    'CLICK HERE TO GET THE EXAMPLE NEWS APP',
    'Download the free Example News app',
    'get our app',
    'Get our brand new shiny app today',
    'Photo: Jane Doe',
    'File photo: the council chamber',
    'The mayor speaks (AP Photo/John Roe)',
    'Reuters Photo of the day',
    'VIDEO : the vote',
    // The Kelvin sign reads as a "k" where case is ignored in Unicode: the cheap test must read it so too.
    'Clic\u212a here to read on',
    PROSE,
    PROSE2,
  ];

  it('passes every line its rule matches, so that it never changes what the rules set aside', () => {
    const rules = [...BOILERPLATE_RULES, ...CAPTION_RULES].filter((r) => r.mustHave !== undefined);
    expect(rules.map((r) => r.name).sort()).toEqual(['call to action', 'photo credit']);
    let matched = 0;
    for (const r of rules)
      for (const line of LINES) {
        if (!r.pattern.test(line)) continue;
        matched += 1;
        expect(r.mustHave?.test(line), `${r.name}: ${line}`).toBe(true);
      }
    expect(matched).toBeGreaterThanOrEqual(9);
  });

  it('leaves prose to the patterns it would not match', () => {
    expect(CAPTION_RULES.find((r) => r.name === 'photo credit')?.mustHave?.test(PROSE)).toBe(false);
    expect(BOILERPLATE_RULES.find((r) => r.name === 'call to action')?.mustHave?.test(PROSE2)).toBe(false);
  });

  it('sets a line aside in segment() as its rule does', () => {
    const blocks = segment([PROSE, 'Download the free Example News app', PROSE2].join('\n\n'), 0, null);
    expect(blocks.map((b) => b.rule)).toEqual(['', 'call to action', '']);
  });
});
