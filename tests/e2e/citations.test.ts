import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, Result } from '../../src/answer/types.ts';
import type { LoadedCorpus } from '../../src/index/loadedCorpus.ts';
import { readGold } from '../eval/polnear.ts';
import { ask, DEVPAGES_DIR, indexedCorpus, seedCorpus } from '../support/helpers.ts';

/**
 * Every citation shows words that stand in the paragraph it cites: a grouped quote shows each outlet's own
 * wording, never another outlet's. Checked over every command of the regression script on the seeds, and over
 * commands made from the development pages' own words (tests/devpages).
 */

/** White space folded: the cleaned paragraph and the shown text are compared this way. */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text a citation points at: its body paragraph, or the caption (or other block) its offsets fall in. */
function citedText(corpus: LoadedCorpus, c: Citation): string | null {
  const article = corpus.articles.find((a) => a.id === c.article);
  if (!article) return null;
  if (c.paragraph !== null) return article.paragraphs[c.paragraph - 1]?.text ?? null;
  if (!c.caption) return null;
  const block = article.setAside.find((b) => b.start <= c.offsets[0] && c.offsets[1] <= b.end);
  return block?.text ?? null;
}

/** What a reader sees under a citation: its own words where it carries them, else the result's text. */
const shownUnder = (r: Result, c: Citation): string => c.text ?? r.text;

/** The pieces of a shown text that must each stand in the paragraph: a snippet's or a split quote's parts, cut at "…". */
const piecesOf = (shown: string): string[] =>
  shown
    .split(/\s*…\s*/)
    .map(norm)
    .filter((p) => p.length > 0);

/** The pieces of what a result shows under each citation that its cited paragraph does not have. */
function falseCitations(corpus: LoadedCorpus, answer: Answer): string[] {
  const out: string[] = [];
  for (const r of answer.results) {
    for (const c of r.citations) {
      // A whole-article citation (/sources) shows no words of a paragraph.
      if (c.paragraph === null && !c.caption) continue;
      const paragraph = norm(citedText(corpus, c) ?? '');
      for (const piece of piecesOf(shownUnder(r, c))) {
        if (!paragraph.includes(piece))
          out.push(`${answer.command} ${answer.query}: ${c.article} ¶${c.paragraph}: "${piece.slice(0, 80)}"`);
      }
    }
  }
  return out;
}

const LINES = readFileSync(join(import.meta.dirname, 'regression', 'seeds.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

/** Words of a title worth asking about: four letters or more, as a reader would type them. */
const titleWords = (title: string): string[] =>
  title
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length >= 4);

/**
 * The commands a researcher would type about the development pages, from their own words: /quotes and /who-said for
 * every speaker the annotator named, /who-said on each annotated quote's first words with its speaker, /search, /when,
 * /who-said and /compare for every pair of neighbouring title words, /timeline on each title's first word and bare, and the
 * listings.
 */
function devpagesLines(corpus: LoadedCorpus): string[] {
  const gold = readGold(DEVPAGES_DIR);
  const names = [...new Set(gold.flatMap((g) => (g.speakerName ? g.speakerName.split(/\s+and\s+/) : [])))];
  const surname = (n: string): string => n.split(/\s+/).at(-1) ?? n;
  // A topic from the quote's own words, asked of its speaker.
  const onTopic = gold.flatMap((g) => {
    const topic = titleWords(g.quote.text).slice(0, 2).join(' ');
    return g.speakerName && topic ? [`/who-said ${topic} speaker:${surname(g.speakerName)}`] : [];
  });
  const pairs = corpus.articles.flatMap((a) => {
    const ws = titleWords(a.meta.title ?? '');
    return ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
  });
  const firstWords = corpus.articles.map((a) => titleWords(a.meta.title ?? '')[0]).filter((w): w is string => w !== undefined);
  return [
    ...names.flatMap((n) => [`/quotes ${n}`, `/quotes ${surname(n)}`, `/who-said ${surname(n)}`]),
    ...onTopic,
    ...[...new Set(pairs)].flatMap((p) => [`/search ${p}`, `/when ${p}`, `/who-said ${p}`, `/compare ${p}`]),
    ...[...new Set(firstWords)].map((w) => `/timeline ${w}`),
    '/timeline',
    '/speakers',
    '/sources',
  ];
}

describe('citations in the cited paragraph’s own words', () => {
  it('the checker finds a citation whose text is not in its paragraph', () => {
    const corpus = seedCorpus();
    const answer = ask('/search regime change');
    const r = answer.results[0] as Result;
    expect(falseCitations(corpus, answer)).toEqual([]);
    const cited = r.citations[0] as Citation;
    const moved = { ...answer, results: [{ ...r, citations: [{ ...cited, paragraph: cited.paragraph === 1 ? 2 : 1 }] }] };
    expect(falseCitations(corpus, moved).length).toBeGreaterThan(0);
  });

  it('splits a snippet or a split quote at its ellipses', () => {
    expect(piecesOf('… we said … and then …')).toEqual(['we said', 'and then']);
  });

  it('every text shown under every citation, over every command of the regression script, stands in the cited paragraph', () => {
    const corpus = seedCorpus();
    expect(LINES.length).toBeGreaterThan(300);
    expect(LINES.filter((l) => l.startsWith('/compare')).length).toBeGreaterThanOrEqual(10);
    const bad = LINES.flatMap((line) => falseCitations(corpus, ask(line)));
    expect(bad).toEqual([]);
  }, 120_000);

  it('every text shown under every citation, over commands made from the development pages’ words, stands in the cited paragraph', () => {
    const corpus = indexedCorpus(join(DEVPAGES_DIR, 'corpus'));
    const lines = devpagesLines(corpus);
    expect(lines.length).toBeGreaterThan(300);
    const answers = lines.map((line) => ask(line, corpus));
    // The commands must reach the pages: most give results with citations.
    expect(answers.filter((a) => a.results.some((r) => r.citations.length > 0)).length).toBeGreaterThan(lines.length / 2);
    expect(answers.flatMap((a) => falseCitations(corpus, a))).toEqual([]);
  }, 120_000);
});

/** The words a link's text fragment opens at, decoded: the text whole, or its start and its end. */
const fragmentWords = (link: string): string[] | null => {
  const m = /:~:text=([^&]*)$/.exec(link);
  return m ? (m[1] as string).split(',').map(decodeURIComponent) : null;
};

describe('links that open the source at the quoted words', () => {
  it('every link with a text fragment, over every command of the regression script, opens at words of its cited paragraph', () => {
    const corpus = seedCorpus();
    let withFragment = 0;
    const bad: string[] = [];
    for (const line of LINES) {
      for (const c of ask(line).results.flatMap((r) => r.citations)) {
        const words = c.link === null ? null : fragmentWords(c.link);
        if (words === null) continue;
        withFragment += 1;
        expect(c.urlKnown).toBe(true);
        expect(c.link?.startsWith(`${c.url}#:~:text=`)).toBe(true);
        // The start is found first, the end after it, in the one block cited.
        const block = norm(citedText(corpus, c) ?? '').toLowerCase();
        const start = block.indexOf((words[0] as string).toLowerCase());
        const end = words.length === 2 ? block.indexOf((words[1] as string).toLowerCase(), start + 1) : start;
        if (start === -1 || end === -1) bad.push(`${line}: ${c.article} ¶${c.paragraph}: ${words.join(' , ')}`);
      }
    }
    expect(bad).toEqual([]);
    expect(withFragment).toBeGreaterThan(500);
  }, 120_000);

  it('never gives the outlet home page a fragment', () => {
    const home = ask('/search kerry').results.flatMap((r) => r.citations.filter((c) => !c.urlKnown));
    expect(home.length).toBeGreaterThan(0);
    for (const c of home) expect(c.link).toBe(c.url);
  });
});
