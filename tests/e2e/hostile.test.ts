import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { pageMessage } from '../../src/discord/bot.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import { ask, indexedCorpus, seedCorpus, tempCorpus } from '../support/helpers.ts';

const names = (name: string) => commands.get(name)?.definition.options.map((o) => o.name);

/** Inputs a public server sends a bot, and whether each is answered or refused with a usage message. */
const HOSTILE: Array<[string, 'answered' | 'usage']> = [
  ['', 'usage'],
  [' ', 'usage'],
  ['/', 'usage'],
  ['//', 'usage'],
  [`/search ${'a'.repeat(10_000)}`, 'usage'],
  [`/search ${'kerry '.repeat(2_000)}`, 'usage'],
  ['/search ?!.,;:()[]{}', 'answered'],
  ['/search .* (a+)+$ \\d{1000} [^]', 'answered'],
  ['/search + - * ~ ^ " AND OR NOT', 'answered'],
  ['/search "', 'answered'],
  ['/search """"', 'answered'],
  ['/search 😀🇸🇾 💬', 'answered'],
  ['/search שלום סוריה مرحبا', 'answered'],
  ['/search \u202eevil\u202c text', 'answered'],
  ['/search ka\u200bry\u200d', 'answered'],
  ['/search @everyone @here', 'answered'],
  ['/who-said <@&123> <@!456> <#789>', 'answered'],
  ['/search [click](https://evil.example) ```js\nalert(1)\n```', 'answered'],
  ['/search kerry outlet:', 'usage'],
  ['/search kerry from:2015-02-30', 'usage'],
  ['/search kerry from:99999', 'usage'],
  ['/timeline from:abc', 'usage'],
  ['/quotes ' + 'x'.repeat(600), 'usage'],
  ['/when \u0000\u0001\u0002', 'answered'],
  ['/sources extra words', 'usage'],
  ['/who-said topic: speaker: outlet:', 'usage'],
  ['/search query:kerry query:lavrov', 'usage'],
  ['/compare @everyone <@&123> [x](https://evil.example)', 'answered'],
  ['/compare assad', 'answered'],
  ['/compare assad outlets:@everyone, <@&1>', 'usage'],
  ['/compare assad outlets:,,,', 'usage'],
];

describe('hostile input', () => {
  // The corpus is loaded once, for every input.
  beforeAll(() => {
    seedCorpus();
  });

  it.each(HOSTILE)('%j is %s, and renders without pings or foreign links', (line, outcome) => {
    const answer = ask(line);
    expect(answer.error?.kind ?? 'answered').toBe(outcome);
    // A refusal says what was wrong; an answer has no error message at all.
    expect((answer.error?.message ?? '').length > 5).toBe(outcome === 'usage');
    const text = renderTerminal(answer);
    expect(typeof text).toBe('string');
    const name = /^\/(\S+)/.exec(line)?.[1] ?? 'search';
    const message = pageMessage(answer, { command: name, values: {} }, 0, names);
    for (const e of message.embeds) {
      const visible = `${e.title ?? ''}${e.description ?? ''}${(e.fields ?? []).map((f) => f.name + f.value).join('')}`;
      // Every link goes to an article or outlet URL of the corpus.
      for (const m of visible.matchAll(/\]\((https?:[^)]+)\)/g))
        expect(m[1]).toMatch(
          /^https?:\/\/(?:en\.alalam\.ir|www\.globalresearch\.ca|presstv\.ir|www\.presstv\.ir|lidtime\.com|www\.dailysabah\.com)\//,
        );
      expect(visible.replace(/\]\([^)]*\)/g, ']')).not.toMatch(/(?<!\\)[@<]/);
    }
  });

  it('no command line of any characters throws (property-based)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.tuple(fc.constantFrom(...[...commands.keys()], 'nope', ''), fc.string({ maxLength: 200 })).map(([n, rest]) => `/${n} ${rest}`),
      fc
        .tuple(
          fc.constantFrom(...[...commands.keys()]),
          fc.array(
            fc.tuple(fc.constantFrom('query', 'topic', 'speaker', 'outlet', 'from', 'to', 'event', 'x'), fc.string({ maxLength: 40 })),
            { maxLength: 5 },
          ),
        )
        .map(([n, opts]) => `/${n} ${opts.map(([k, v]) => `${k}:${v}`).join(' ')}`),
    );
    fc.assert(
      fc.property(line, (l) => {
        const a = ask(l);
        expect(Array.isArray(a.results)).toBe(true);
        // Answered, or refused as a user's mistake: never a bug.
        expect(a.error?.kind ?? 'answered').toMatch(/^(answered|usage)$/);
        renderTerminal(a);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a title that carries markdown and a URL', () => {
  const corpus = indexedCorpus(
    tempCorpus({
      'evil.txt': [
        '---',
        'title: "Talks](https://evil.example/x) [click here"',
        'outlet: "Wire (https://evil.example/y)"',
        'url: https://example.org/talks',
        '---',
        'Kerry met Putin in Moscow to talk about Syria.',
        '',
      ].join('\n'),
    }),
  );

  it.each(['/search kerry putin', '/sources'])('%s: the only link in Discord is the article, and no label holds a URL', (line) => {
    const answer = ask(line, corpus);
    expect(answer.results).toHaveLength(1);
    const visible = pageMessage(answer, null, 0, names)
      .embeds.map((e) => e.description ?? '')
      .join('\n');
    // The article's link, opening at the cited words where a paragraph is cited (/search), never another URL.
    const links = [...visible.matchAll(/(?<!\\)\]\((\S+?)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(
      line === '/sources' ? /^https:\/\/example\.org\/talks$/ : /^https:\/\/example\.org\/talks#:~:text=Kerry%20met/,
    );
    expect(visible).toContain(
      `[Wire \\(https\\[:\\]//evil.example/y\\): Talks\\]\\(https\\[:\\]//evil.example/x\\) \\[click here](${links[0]})`,
    );
    expect(visible).not.toMatch(/https?:\/\/evil/);
  });

  it.each(['/search kerry putin', '/sources'])('%s at the terminal: the citation names the title, its URL defanged', (line) => {
    const text = renderTerminal(ask(line, corpus));
    expect(text).toContain('— Wire (https[:]//evil.example/y), “Talks](https[:]//evil.example/x) [click here”, date unknown');
    // The citation line labels the link below it: no URL in it. (A result's own text is the corpus's, shown as written.)
    const citationLine = text.split('\n').filter((l) => l.startsWith('   — '));
    expect(citationLine).toHaveLength(1);
    expect(citationLine[0]).not.toMatch(/https?:\/\//);
    expect(text).toContain('https://example.org/talks');
  });
});
