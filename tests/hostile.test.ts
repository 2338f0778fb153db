import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { pageMessage } from '../src/discord/bot.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import { ask, seedCorpus } from './helpers.ts';

const names = (name: string) => commands.get(name)?.definition.options.map((o) => o.name);

/** Inputs a public server sends a bot. */
const HOSTILE = [
  '',
  ' ',
  '/',
  '//',
  `/search ${'a'.repeat(10_000)}`,
  `/search ${'kerry '.repeat(2_000)}`,
  '/search ?!.,;:()[]{}',
  '/search .* (a+)+$ \\d{1000} [^]',
  '/search + - * ~ ^ " AND OR NOT',
  '/search "',
  '/search """"',
  '/search 😀🇸🇾 💬',
  '/search שלום סוריה مرحبا',
  '/search \u202eevil\u202c text',
  '/search ka\u200bry\u200d',
  '/search @everyone @here',
  '/who-said <@&123> <@!456> <#789>',
  '/search [click](https://evil.example) ```js\nalert(1)\n```',
  '/search kerry outlet:',
  '/search kerry from:2015-02-30',
  '/search kerry from:99999',
  '/timeline from:abc',
  '/quotes ' + 'x'.repeat(600),
  '/when \u0000\u0001\u0002',
  '/sources extra words',
  '/who-said topic: speaker: outlet:',
  '/search query:kerry query:lavrov',
];

describe('hostile input', () => {
  // The corpus is loaded before the clock starts: the bound is on answering, not on start-up.
  beforeAll(() => {
    seedCorpus();
  });

  it.each(HOSTILE)('%j gets an answer or a clear message, quickly, and renders without pings or foreign links', (line) => {
    const t = performance.now();
    const answer = ask(line);
    expect(performance.now() - t).toBeLessThan(1000);
    if (answer.error) {
      expect(answer.error.kind).toBe('usage');
      expect(answer.error.message.length).toBeGreaterThan(5);
    }
    const text = renderTerminal(answer);
    expect(typeof text).toBe('string');
    const name = /^\/(\S+)/.exec(line)?.[1] ?? 'search';
    const message = pageMessage(answer, { command: name, values: {} }, 0, names);
    for (const e of message.embeds) {
      const visible = `${e.title ?? ''}${e.description ?? ''}`;
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
        if (a.error) expect(a.error.kind).toBe('usage');
        renderTerminal(a);
      }),
      { numRuns: 400 },
    );
  });
});
