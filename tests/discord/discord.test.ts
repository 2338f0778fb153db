import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { discordChoices as autocomplete } from '../../src/discord/autocomplete.ts';
import type { Answer, Citation, OutletCoverage, Result } from '../../src/answer/types.ts';
import { RateLimiter, lineOf, pageMessage } from '../../src/discord/bot.ts';
import { toDiscordCommand } from '../../src/discord/definitions.ts';
import { dmToCommandLine } from '../../src/discord/dm.ts';
import { LIMITS } from '../../src/discord/limits.ts';
import { decodePageState, encodePageState } from '../../src/discord/paging.ts';
import { cut, embedLength, escapeMarkdown, OUTLETS_PER_PAGE, RESULTS_PER_PAGE, renderDiscord } from '../../src/discord/render.ts';
import { discordCommands, planDeploy } from '../../src/discord/deploy.ts';
import { ask, COMMAND_NAMES, seedCorpus } from '../support/helpers.ts';

describe('command definitions for Discord', () => {
  // /corpus is Discord's own shape (subcommands, a permission, servers only): see its test below.
  const defs = [...commands.values()].filter((c) => c.definition.name !== 'corpus').map((c) => toDiscordCommand(c.definition));

  it('are valid slash commands, for server and user installs, in servers, bot DMs and group DMs', () => {
    for (const d of defs) {
      expect(d.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.options.length).toBeLessThanOrEqual(25);
      expect(d.integration_types).toEqual([0, 1]);
      expect(d.contexts).toEqual([0, 1, 2]);
      const required = d.options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of d.options) expect(o.description.length).toBeLessThanOrEqual(100);
    }
    expect(defs.map((d) => d.name)).toEqual(COMMAND_NAMES.filter((n) => n !== 'corpus'));
    expect(
      defs.find((d) => d.name === 'compare')?.options.map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false]),
    ).toEqual([
      ['topic', 3, true, true],
      ['outlets', 3, false, true],
      ['hide', 5, false, false],
    ]);
    expect(defs.find((d) => d.name === 'verify')?.options.map((o) => [o.name, o.required ?? false, o.autocomplete ?? false])).toEqual([
      ['quote', true, false],
      ['speaker', false, true],
      ['page', false, false],
      ['hide', false, false],
    ]);
    expect(defs.find((d) => d.name === 'who-said')?.options.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ['topic', true],
      ['speaker', true],
      ['outlet', true],
      ['page', false],
      ['hide', false],
    ]);
    const page = defs.find((d) => d.name === 'search')?.options.find((o) => o.name === 'page');
    expect(page).toMatchObject({ type: 4, min_value: 1 });
    expect(defs.find((d) => d.name === 'help')?.options.map((o) => o.name)).toEqual(['hide']);
    expect(defs.find((d) => d.name === 'context')?.options.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['article', 3, true],
      ['paragraph', 4, true],
      ['hide', 5, false],
    ]);
  });

  it('deploy the message command “Check in corpus” beside them: type 3, no description, server and user installs, every context', () => {
    const payload = discordCommands(commands);
    expect(payload.filter((c) => c.name !== 'corpus').slice(0, defs.length)).toEqual(defs);
    expect(payload[defs.length + 1]).toEqual({ type: 3, name: 'Check in corpus', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(payload).toHaveLength(defs.length + 2);
    // As Discord gives it back (an empty description, ids of its own), it is unchanged.
    const back = payload.map((c) => ({ ...c, id: '1', description: 'description' in c ? c.description : '' }));
    expect(planDeploy(back, payload).unchanged).toContain('Check in corpus');
    expect(planDeploy([], payload).added).toContain('Check in corpus');
  });

  it('deploy /corpus only to servers, only for Manage Server, with its three subcommands', () => {
    const payload = discordCommands(commands);
    const corpus = payload.find((c) => c.name === 'corpus') as Record<string, unknown> & { options: Array<Record<string, unknown>> };
    // Manage Server is permission bit 5 (0x20); type 0 is a server install and context 0 a server: never a DM.
    expect(corpus).toMatchObject({ type: 1, default_member_permissions: '32', integration_types: [0], contexts: [0] });
    expect((corpus.description as string).length).toBeLessThanOrEqual(100);
    const sub = (name: string) =>
      (corpus.options.find((o) => o.name === name)?.options as Array<Record<string, unknown>> | undefined)?.map((o) => [
        o.name,
        o.type,
        o.required ?? false,
        o.autocomplete ?? false,
      ]);
    expect(corpus.options.map((o) => [o.name, o.type])).toEqual([
      ['add', 1],
      ['remove', 1],
      ['status', 1],
    ]);
    expect(sub('add')).toEqual([
      ['file', 11, true, false],
      ['title', 3, false, false],
      ['outlet', 3, false, false],
      ['url', 3, false, false],
      ['published', 3, false, false],
      ['author', 3, false, false],
    ]);
    expect(sub('remove')).toEqual([['article', 3, true, true]]);
    for (const o of corpus.options) expect((o.description as string).length).toBeLessThanOrEqual(100);
    // Deploying again changes nothing; a permission Discord lost (or another option) is a change.
    expect(planDeploy(payload as never, payload).changed).toEqual([]);
    const lost = payload.map((c) => (c.name === 'corpus' ? { ...c, default_member_permissions: null } : c));
    expect(planDeploy(lost as never, payload).changed).toEqual(['corpus']);
    const renamed = payload.map((c) =>
      c.name === 'corpus' ? { ...c, options: corpus.options.map((o) => (o.name === 'remove' ? { ...o, options: [] } : o)) } : c,
    );
    expect(planDeploy(renamed as never, payload).changed).toEqual(['corpus']);
  });

  it('deploying says what it adds, changes and removes', () => {
    const plan = planDeploy(
      [
        { name: 'search', description: 'old text', options: [] },
        { name: 'gone', description: 'x' },
      ],
      defs,
    );
    expect(plan.changed).toEqual(['search']);
    expect(plan.removed).toEqual(['gone']);
    expect(plan.added).toContain('who-said');
  });
});

const names = (name: string) => commands.get(name)?.definition.options.map((o) => o.name);

describe('page buttons', () => {
  it('carry the command and its values, compressed when long, and survive a round trip', () => {
    const short = { command: 'search', values: { query: 'kerry to:2015 lavrov' }, page: 2 };
    expect(decodePageState(encodePageState(short, names) as string, names)).toEqual(short);
    const real = {
      command: 'who-said',
      values: { topic: 'ceasefire negotiations in aleppo', speaker: 'Sergey Lavrov', outlet: 'Al-Alam News Network' },
      page: 1,
    };
    const id = encodePageState(real, names) as string;
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodePageState(id, names)).toEqual(real);
    const repetitive = { command: 'search', values: { query: 'regime change '.repeat(8).trim(), outlet: 'Daily Sabah' }, page: 3 };
    expect(encodePageState(repetitive, names)).toMatch(/^qd2\|3\|z/);
    expect(decodePageState(encodePageState(repetitive, names) as string, names)).toEqual(repetitive);
    // Too long even compressed: no button rather than a broken one.
    expect(
      encodePageState(
        { command: 'search', values: { query: Array.from({ length: 40 }, (_, i) => `w${i * 7919}`).join(' ') }, page: 1 },
        names,
      ),
    ).toBeNull();
  });

  it('read anything else as no state', () => {
    for (const bad of [
      '',
      'qd2|x|psearch',
      'qd2|1|znot-deflate',
      'qd2|1|pnosuchcommand',
      'qd2|1|phelp\u241fextra',
      'qd1|1|1|p/search kerry',
      'other',
    ]) {
      expect(decodePageState(bad, names)).toBeNull();
    }
  });
});

describe('direct messages', () => {
  it('go to the command they read as', () => {
    expect(dmToCommandLine('who said regime change?')).toBe('/who-said regime change');
    expect(dmToCommandLine('When did Kerry meet Putin?')).toBe('/when Kerry meet Putin');
    expect(dmToCommandLine('Did Lavrov really say “we are not seeking regime change”?')).toBe(
      '/verify “we are not seeking regime change” speaker:Lavrov',
    );
    expect(dmToCommandLine('check "we are not seeking regime change"')).toBe('/verify "we are not seeking regime change"');
    expect(dmToCommandLine('did Kerry say anything about Assad?')).toBe('/search did Kerry say anything about Assad');
    expect(dmToCommandLine('what did Lavrov say?')).toBe('/quotes Lavrov');
    expect(dmToCommandLine('How did the outlets cover Assad?')).toBe('/compare Assad');
    expect(dmToCommandLine('compare regime change')).toBe('/compare regime change');
    expect(dmToCommandLine('compared to what')).toBe('/search compared to what');
    expect(dmToCommandLine('/sources')).toBe('/sources');
    expect(dmToCommandLine('ceasefire in Aleppo')).toBe('/search ceasefire in Aleppo');
  });

  it('and slash options are logged as the line a user would type', () => {
    expect(lineOf('search', { query: '"regime change"', outlet: 'Daily Sabah' })).toBe('/search query:"regime change" outlet:Daily Sabah');
  });
});

describe('autocomplete', () => {
  const corpus = seedCorpus();
  it('offers speakers by any alias, outlets and corpus words, at most 25, names within 100 characters', () => {
    expect(autocomplete(corpus, 'speaker', 'sergei')[0]).toEqual({
      name: 'Sergey Lavrov (Russian Foreign Minister)',
      value: 'Sergey Lavrov',
    });
    expect(autocomplete(corpus, 'outlet', 'sab')).toEqual([{ name: 'Daily Sabah', value: 'Daily Sabah' }]);
    expect(autocomplete(corpus, 'topic', 'reg').map((c) => c.value)).toContain('regime');
    for (const kind of ['speaker', 'outlet', 'topic'] as const) {
      for (const typed of ['', 'a', 'x'.repeat(200)]) {
        const choices = autocomplete(corpus, kind, typed);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

describe('the per-user rate limit', () => {
  it('allows a few commands in ten seconds, then asks to wait, then allows again', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 10_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('u'))).toEqual([true, true, true, false]);
    expect(limiter.allow('someone else')).toBe(true);
    now = 10_001;
    expect(limiter.allow('u')).toBe(true);
  });
});

const citation: fc.Arbitrary<Citation> = fc.record({
  article: fc.string(),
  outlet: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
  title: fc.option(fc.string({ maxLength: 500 }), { nil: null }),
  url: fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: null }),
  urlKnown: fc.boolean(),
  link: fc.option(fc.oneof(fc.webUrl({ withFragments: true }), fc.string()), { nil: null }),
  published: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  paragraph: fc.option(fc.nat(), { nil: null }),
  offsets: fc.tuple(fc.nat(), fc.nat()),
});
const anyText = fc.string({
  maxLength: 6000,
  unit: fc.oneof(
    fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '@', '\\', '\u200b', '‮', '\n', 'é', '😀'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
});
const result: fc.Arbitrary<Result> = fc.record(
  {
    text: anyText,
    highlights: fc.array(fc.tuple(fc.nat(200), fc.nat(400)), { maxLength: 20 }),
    speaker: fc.string({ maxLength: 400 }),
    quote: fc.string({ maxLength: 3000 }),
    date: fc.string({ maxLength: 60 }),
    derivation: fc.string({ maxLength: 1000 }),
    citations: fc.array(citation, { maxLength: 12 }),
    details: fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 300 }), fc.integer())),
  },
  { requiredKeys: ['text', 'citations'] },
);
const answer: fc.Arbitrary<Answer> = fc.record(
  {
    command: fc.string({ maxLength: 40 }),
    query: fc.string({ maxLength: 2000 }),
    results: fc.array(result, { maxLength: 14 }),
    total: fc.nat(),
    notes: fc.array(fc.string({ maxLength: 2000 }), { maxLength: 6 }),
    error: fc.record({ message: fc.string({ maxLength: 10_000 }), kind: fc.constantFrom('usage' as const, 'internal' as const) }),
  },
  { requiredKeys: ['command', 'query', 'results'] },
);

describe('rendering for Discord (property-based)', () => {
  it('keeps any answer, however long or odd its text, within every Discord limit, and never pings', () => {
    fc.assert(
      fc.property(
        answer,
        fc.nat(5),
        fc.dictionary(fc.constantFrom('query', 'outlet', 'speaker'), fc.string({ maxLength: 120 })),
        (a, page, values) => {
          const m = pageMessage(a, { command: 'search', values }, page, names);
          // Nothing the corpus says can mention anyone: every @ and < is escaped.
          for (const e of m.embeds)
            expect(`${e.title ?? ''}${e.description ?? ''}`.replace(/\]\([^)]*\)/g, ']')).not.toMatch(/(?<!\\)[@<]/);
          expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
          expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
          for (const e of m.embeds) {
            expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
            expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
            expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.embedFooter);
          }
          for (const row of m.components) for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('links only to http(s) URLs, and escapes the corpus text', () => {
    const a: Answer = {
      command: 'search',
      query: 'x',
      results: [
        {
          text: '@everyone look at **this** <@&123> [click](https://evil.example)',
          citations: [
            {
              article: 'a',
              outlet: 'O',
              title: 'T',
              url: 'javascript:alert(1)',
              urlKnown: true,
              link: 'javascript:alert(1)#:~:text=x',
              published: null,
              paragraph: 1,
              offsets: [0, 1],
            },
          ],
        },
      ],
    };
    const d = renderDiscord(a).embeds[0]?.description ?? '';
    expect(d).toContain('\\@everyone look at \\*\\*this\\*\\* \\<\\@&123\\> \\[click\\]\\(https\\://evil.example\\)');
    expect(d).not.toContain('](javascript');
  });

  it('cuts at a word with an ellipsis', () => {
    expect(cut('the quick brown fox', 12)).toBe('the quick…');
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
  });
});

const coverage: fc.Arbitrary<OutletCoverage> = fc.record({
  outlet: fc.string({ maxLength: 300 }),
  paragraphs: fc.nat(),
  articles: fc.nat(),
  best: fc.option(fc.record({ snippet: anyText, score: fc.double(), citation: fc.nat(14) }), { nil: null }),
  speakers: fc.array(fc.record({ speaker: fc.string({ maxLength: 300 }), quotes: fc.nat(), citation: fc.nat(14) }), { maxLength: 8 }),
  onlyHere: fc.array(fc.record({ speaker: fc.string({ maxLength: 300 }), quote: anyText, citation: fc.nat(14) }), { maxLength: 5 }),
  onlyHereTotal: fc.nat(),
  words: fc.array(
    fc.record({ word: fc.string({ maxLength: 200 }), z: fc.double(), count: fc.nat(), others: fc.nat(), citation: fc.nat(14) }),
    { maxLength: 8 },
  ),
});
const compareAnswer: fc.Arbitrary<Answer> = fc.record({
  command: fc.constant('compare'),
  query: fc.string({ maxLength: 500 }),
  results: fc.array(fc.record({ text: fc.string({ maxLength: 300 }), coverage, citations: fc.array(citation, { maxLength: 14 }) }), {
    maxLength: 30,
  }),
  notes: fc.array(fc.string({ maxLength: 2000 }), { maxLength: 6 }),
});

describe('/compare in Discord', () => {
  it('keeps any comparison within every Discord limit: one field per outlet, five a page, never a ping', () => {
    fc.assert(
      fc.property(compareAnswer, fc.nat(7), (a, page) => {
        const m = pageMessage(a, { command: 'compare', values: { topic: 'x' } }, page, names);
        expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
        for (const e of m.embeds) {
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(Math.min(LIMITS.embedFields, OUTLETS_PER_PAGE));
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
            expect(f.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
            expect(f.value.length).toBeGreaterThan(0);
            expect(`${f.name}${f.value}`.replace(/\]\([^)]*\)/g, ']')).not.toMatch(/(?<!\\)[@<]/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows each outlet of the seeds in its own field, its best paragraph and words linked at their cited words', () => {
    const a = ask('/compare Assad');
    const m = renderDiscord(a, 0);
    const e = m.embeds[0];
    expect(e?.title).toBe('/compare Assad');
    expect(e?.fields?.map((f) => f.name)).toEqual([
      '1. Al-Alam News Network — 3 ¶ on the topic',
      '2. Global Research — 7 ¶ on the topic',
      '3. Press TV — 7 ¶ on the topic',
      '4. LidTime — 5 ¶ on the topic',
      '5. Daily Sabah — 3 ¶ on the topic',
    ]);
    const press = e?.fields?.[2]?.value ?? '';
    expect(press).toContain('**Words:** [government](http://presstv.ir/Detail/2016/08/29/482209/US-eliminate-Assad-government#:~:text=');
    expect(press).toMatch(/^\*\*Best\*\* \[¶8\]\(http:\/\/presstv\.ir\/[^)]*#:~:text=/);
    expect(press).toContain('**Quotes:** Keith Preston ×6 (¶8)');
    expect(e?.description).toContain('distinctive words');
    expect(m.embeds.reduce((n, x) => n + embedLength(x), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('says in the description when fewer than two outlets are on the topic', () => {
    const e = renderDiscord(ask('/compare bandar')).embeds[0];
    expect(e?.fields).toEqual([]);
    expect(e?.description).toContain('only Global Research has paragraphs on "bandar"');
  });
});

describe('dated results in Discord', () => {
  it('show one date line each, with the derivation', () => {
    const a = ask('/timeline geneva');
    expect(a.results.length).toBeGreaterThan(1);
    const d = renderDiscord(a).embeds[0]?.description ?? '';
    const dateLines = d.split('\n').filter((l) => l.startsWith('🗓'));
    expect(dateLines).toHaveLength(Math.min(a.results.length, RESULTS_PER_PAGE));
    expect(dateLines[0]).toBe(`🗓 Fri 26 Aug 2016 — ${escapeMarkdown(a.results[0]?.derivation ?? '')}`);
  });
});
