import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QuotedeskBot, RateLimiter } from '../../src/discord/bot.ts';
import { runLine } from '../../src/router/router.ts';
import { FakeDiscord, startBotAgainst, commandInteraction } from '../support/fakeDiscord.ts';
import { contextOf, seedCorpus } from '../support/helpers.ts';

const quiet = pino({ level: 'warn' }, new Writable({ write: (_c, _e, done) => done() }));

describe('the bot under load and through a dropped connection', () => {
  const discord = new FakeDiscord();
  let bot: QuotedeskBot;

  beforeAll(async () => {
    bot = await startBotAgainst(discord, { logger: quiet, token: 'MTEw.load-test.token', limiter: new RateLimiter(5, 10_000) });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.stop();
  });

  it('answers 200 interactions sent at once, each exactly once', async () => {
    const queries = ['regime change', 'kerry moscow', 'assad', 'ceasefire', 'lavrov'];
    const payloads = Array.from({ length: 200 }, (_, i) =>
      commandInteraction(
        i % 2 === 0 ? 'search' : 'who-said',
        [{ name: i % 2 === 0 ? 'query' : 'topic', value: queries[i % 5] as string }],
        {
          // 200 different people, so that the per-user limit lets every one through.
          user: {
            id: String(1_300_000_000_000_100_000n + BigInt(i)),
            username: `user${i}`,
            discriminator: '0',
            global_name: null,
            avatar: null,
          },
        },
      ),
    );
    for (const p of payloads) discord.dispatch('INTERACTION_CREATE', p);
    const deadline = Date.now() + 30_000;
    const edited = (token: string) => discord.calls.filter((c) => c.method === 'PATCH' && c.path.includes(`/${token}/messages/`)).length;
    while (Date.now() < deadline && payloads.some((p) => edited(p.token as string) === 0)) await new Promise((r) => setTimeout(r, 50));
    for (const p of payloads) {
      const callbacks = discord.calls.filter((c) => c.path.startsWith(`/interactions/${p.id}/`));
      expect(callbacks, `interaction ${p.id}`).toHaveLength(1);
      expect(edited(p.token as string)).toBe(1);
    }
  }, 40_000);

  it('tells one person who floods it to wait, without losing anyone else', async () => {
    const user = { id: '1300000000000000999', username: 'flood', discriminator: '0', global_name: null, avatar: null };
    const payloads = Array.from({ length: 8 }, () => commandInteraction('sources', [], { user }));
    for (const p of payloads) discord.dispatch('INTERACTION_CREATE', p);
    const calls = await Promise.all(payloads.map((p) => discord.waitFor((c) => c.path.startsWith(`/interactions/${p.id}/`))));
    const slowed = calls.filter((c) =>
      (c.body as { type: number; data?: { content?: string } }).data?.content?.includes('faster than I can answer'),
    );
    expect(slowed).toHaveLength(3);
  });

  it('reconnects when the gateway drops the connection, and keeps answering', async () => {
    const before = discord.identified + discord.resumed;
    discord.dropConnection(4000);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && discord.identified + discord.resumed === before) await new Promise((r) => setTimeout(r, 50));
    expect(discord.identified + discord.resumed).toBeGreaterThan(before);
    const p = commandInteraction('when', [{ name: 'event', value: 'kerry moscow' }]);
    discord.dispatch('INTERACTION_CREATE', p);
    await discord.waitFor((c) => c.method === 'PATCH' && c.path.includes(`/${p.token}/messages/`), 10_000);
  }, 30_000);
});

describe('memory over many queries', () => {
  it('stays flat over 10,000 queries in a row', () => {
    const ctx = contextOf(seedCorpus());
    const lines = [
      '/search kerry',
      '/who-said regime change',
      '/when kerry moscow',
      '/timeline',
      '/quotes lavrov',
      '/search "regime change" outlet:Daily Sabah',
      '/serch x',
      '/search kery',
    ];
    const fail = (e: unknown): never => {
      throw e;
    };
    for (let i = 0; i < 1000; i += 1) runLine(ctx, lines[i % lines.length] as string, fail);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const start = process.memoryUsage().heapUsed;
    for (let i = 0; i < 10_000; i += 1) runLine(ctx, lines[i % lines.length] as string, fail);
    gc?.();
    const growth = (process.memoryUsage().heapUsed - start) / 1048576;
    // Without a forced collection the heap may hold some garbage; a leak of even 1 KB a query would be 10 MB.
    expect(growth).toBeLessThan(gc ? 5 : 40);
  }, 60_000);
});
