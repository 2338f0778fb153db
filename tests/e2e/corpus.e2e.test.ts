import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QuotedeskBot, RateLimiter } from '../../src/discord/bot.ts';
import type { DiscordMessage } from '../../src/discord/render.ts';
import { MAX_FILE_BYTES } from '../../src/ingest/files.ts';
import { splitFrontMatter } from '../../src/ingest/frontMatter.ts';
import { LiveCorpus } from '../../src/index/live.ts';
import {
  APP_ID,
  FakeDiscord,
  capturingLogger,
  OTHER_USER,
  buttonInteraction,
  commandInteraction,
  nextId,
  startBotAgainst,
} from '../support/fakeDiscord.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake-token.for-the-corpus-test';
const MANAGE_GUILD = String(1 << 5);
const ARTICLE = 'Negotiators met in Zanzibar on Friday to resume the harbour talks.\n\n"We are closer than ever," the envoy said.\n';

/** An embed's text as a reader sees it: Markdown escapes dropped. */
const plain = (s: string | undefined): string => (s ?? '').replace(/\\(.)/g, '$1');

/** Every line the bot logs. */
const { logger, logged } = capturingLogger();

/** Where the attachments are served from: Discord's CDN, played by a server on 127.0.0.1 (requests counted). */
const files = new Map<string, Buffer>();
const fetched: string[] = [];
const cdn: Server = createServer((req, res) => {
  fetched.push(req.url ?? '');
  const body = files.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  // Sent in pieces without a length: the size is only known while reading, as from a server that does not say it.
  res.writeHead(200, { 'content-type': 'text/plain' });
  for (let at = 0; at < body.length; at += 65_536) res.write(body.subarray(at, at + 65_536));
  res.end();
});
let cdnUrl = '';

/** A `/corpus <sub>` interaction in a server, from a member with Manage Server unless `permissions` says otherwise. */
function corpusInteraction(
  sub: string,
  options: Array<{ name: string; value: string; type?: number }>,
  opts: { guild?: boolean; permissions?: string; attachment?: { name: string; size: number; path: string } } = {},
) {
  const payload = commandInteraction('corpus', [], { guild: opts.guild ?? true }) as Record<string, unknown> & {
    data: Record<string, unknown>;
    member?: Record<string, unknown>;
  };
  const subOptions = options.map((o) => ({ type: o.type ?? 3, ...o }));
  if (opts.attachment) {
    const id = nextId();
    subOptions.unshift({ type: 11, name: 'file', value: id });
    payload.data.resolved = {
      attachments: {
        [id]: {
          id,
          filename: opts.attachment.name,
          size: opts.attachment.size,
          url: `${cdnUrl}${opts.attachment.path}`,
          proxy_url: `${cdnUrl}${opts.attachment.path}`,
          content_type: 'text/plain',
        },
      },
    };
  }
  payload.data.options = [{ type: 1, name: sub, options: subOptions }];
  if (payload.member) payload.member.permissions = opts.permissions ?? MANAGE_GUILD;
  return payload;
}

/** An attachment served at a fresh path. */
function upload(name: string, bytes: Buffer | string, size?: number) {
  const path = `/attachments/${nextId()}/${encodeURIComponent(name)}`;
  const body = Buffer.from(bytes);
  files.set(path, body);
  return { name, size: size ?? body.length, path };
}

describe('/corpus in Discord, with the real discord.js client against a fake Discord', () => {
  const discord = new FakeDiscord();
  let bot: QuotedeskBot;
  let live: LiveCorpus;
  let dir: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'quotedesk-corpus-e2e-'));
    for (const name of ['003_85ee1c887779c124.txt', '004_58819347198058c8.txt']) copyFileSync(join(CORPUS_DIR, name), join(dir, name));
    live = await LiveCorpus.open(dir, { cacheDir: mkdtempSync(join(tmpdir(), 'quotedesk-corpus-e2e-cache-')), threads: 1 });
    bot = await startBotAgainst(discord, { logger, token: TOKEN, limiter: new RateLimiter(1000, 10_000), live, confirmMs: 1500 });
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.stop();
    await new Promise<void>((resolve) => cdn.close(() => resolve()));
  });

  const callbackOf = (payload: Record<string, unknown>) =>
    discord.waitFor((c) => c.path.startsWith(`/interactions/${payload.id}/${payload.token}/callback`));
  const editOf = (payload: Record<string, unknown>) =>
    discord.waitFor(
      (c) =>
        c.method === 'PATCH' && /\/messages\/(@|%40)original/.test(c.path) && c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}/`),
      15_000,
    );
  /** Sends `/corpus add` and returns the private answer it edits in. */
  async function add(payload: Record<string, unknown>) {
    discord.dispatch('INTERACTION_CREATE', payload);
    const callback = await callbackOf(payload);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const body = (await editOf(payload)).body as DiscordMessage & { allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    return plain(body.embeds[0]?.description);
  }
  /** Sends an interaction answered at once, and returns the callback's data. */
  async function immediate(payload: Record<string, unknown>) {
    discord.dispatch('INTERACTION_CREATE', payload);
    const callback = (await callbackOf(payload)).body as { type: number; data: Record<string, unknown> };
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    return callback;
  }

  it('adds an attachment with its metadata as front matter, answers what it found, and logs who did it', async () => {
    const file = upload('zanzibar notes.txt', ARTICLE);
    const description = await add(
      corpusInteraction(
        'add',
        [
          { name: 'title', value: 'Zanzibar talks resume' },
          { name: 'outlet', value: 'Example Wire' },
          { name: 'url', value: 'https://example.org/zanzibar' },
          { name: 'published', value: '2016-08-27' },
          { name: 'author', value: '@everyone' },
        ],
        { attachment: file },
      ),
    );
    expect(description).toMatch(/added zanzibar-talks-resume: 2 paragraphs, 1 quote found; answered from in \d+ ms/);
    const written = readFileSync(join(dir, 'zanzibar-talks-resume.txt'), 'utf8');
    expect(splitFrontMatter(written).frontMatter).toEqual({
      title: 'Zanzibar talks resume',
      outlet: 'Example Wire',
      url: 'https://example.org/zanzibar',
      published: '2016-08-27',
      author: '@everyone',
    });
    // Answered from at once: the live corpus has it.
    expect(live.current.articles.map((a) => a.id)).toContain('zanzibar-talks-resume');
    const line = logged.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'corpus changed' && l.action === 'add');
    expect(line).toMatchObject({
      userId: '1300000000000000001',
      userTag: 'researcher',
      guildId: '1500000000000000001',
      file: 'zanzibar-talks-resume.txt',
      article: 'zanzibar-talks-resume',
    });
  }, 30_000);

  it('refuses a duplicate, a file too large (before downloading it, or while), not text, a bad date or URL, another kind of file', async () => {
    const before = readdirSync(dir).sort();
    const refused = async (attachment: ReturnType<typeof upload>, options: Array<{ name: string; value: string }> = []) =>
      add(corpusInteraction('add', options, { attachment }));
    expect(await refused(upload('again.txt', ARTICLE.replace(/\n\n/, '\n \n')))).toBe(
      'again.txt was not added: the same text is already in the corpus, as zanzibar-talks-resume.txt',
    );
    const big = upload('big.txt', 'x', MAX_FILE_BYTES + 1);
    expect(await refused(big)).toBe('big.txt was not added: the file is too large (5.0 MB; the limit is 5 MB)');
    expect(fetched).not.toContain(big.path);
    // Said to be small, but more than the limit comes: refused while reading.
    expect(await refused(upload('lies.txt', Buffer.alloc(MAX_FILE_BYTES + 10, 0x61), 100))).toMatch(
      /^lies\.txt was not added: the file is too large \(5\.0 MB; the limit is 5 MB\)$/,
    );
    expect(await refused(upload('binary.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff])))).toBe(
      'binary.txt was not added: not a text file: binary file (it contains NUL bytes)',
    );
    expect(await refused(upload('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])))).toMatch(
      /^latin1\.txt was not added: not a text file: not UTF-8 text/,
    );
    expect(await refused(upload('a.txt', 'Fresh words.'), [{ name: 'published', value: '2016-02-30' }])).toBe(
      'a.txt was not added: published: 2016-02-30 is not a real date (that month has 29 days)',
    );
    expect(await refused(upload('a.txt', 'Fresh words.'), [{ name: 'url', value: 'javascript:alert(1)' }])).toBe(
      'a.txt was not added: url: "javascript:alert(1)" is not a web address; give one starting with https:// or http://',
    );
    expect(await refused(upload('report.pdf', 'Fresh words.'))).toBe(
      'report.pdf was not added: only .txt or .md files can be added; "report.pdf" is not one',
    );
    // Written, then refused by the ingest: the file is removed again, and the failure is not left in the status.
    expect(await refused(upload('clutter.txt', 'Share this:\n\nFacebook\n\nTwitter\n'))).toBe(
      'clutter.txt was not added: it could not be used as an article: no article text found (every block looked like page clutter)',
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(live.status().failed).toEqual([]);
  }, 60_000);

  it('removes an article after Confirm, only for the one who asked; Cancel and a timeout remove nothing', async () => {
    // Autocomplete offers article ids.
    const typing = corpusInteraction('remove', [{ name: 'article', value: 'zanz', focused: true } as never]);
    (typing as Record<string, unknown>).type = 4;
    discord.dispatch('INTERACTION_CREATE', typing);
    const choices = (await callbackOf(typing)).body as { type: number; data: { choices: Array<{ value: string }> } };
    expect(choices).toMatchObject({ type: 8 });
    expect(choices.data.choices.map((c) => c.value)).toEqual(['zanzibar-talks-resume']);

    const buttonsOf = async (article: string) => {
      const ask = corpusInteraction('remove', [{ name: 'article', value: article }]);
      const callback = await immediate(ask);
      expect(callback).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(callback.data.content).toContain(`Remove ${article}`);
      const row = (callback.data.components as Array<{ components: Array<{ label: string; custom_id: string }> }>)[0]!;
      expect(row.components.map((b) => b.label)).toEqual(['Confirm', 'Cancel']);
      return { ask, confirm: row.components[0]!.custom_id, cancel: row.components[1]!.custom_id };
    };

    // Cancel: the message says so, the file stays.
    const first = await buttonsOf('zanzibar-talks-resume');
    const cancel = buttonInteraction(first.cancel);
    const cancelled = await immediate(cancel);
    expect(cancelled).toMatchObject({ type: 7, data: { content: 'Cancelled: zanzibar-talks-resume was not removed.', components: [] } });
    expect(existsSync(join(dir, 'zanzibar-talks-resume.txt'))).toBe(true);

    // Someone else's press is refused; the asker's Confirm removes it.
    const second = await buttonsOf('zanzibar-talks-resume');
    const intruder = await immediate(buttonInteraction(second.confirm, OTHER_USER));
    expect(intruder).toMatchObject({ type: 4, data: { content: 'Only the member who asked can confirm this removal.', flags: 64 } });
    expect(existsSync(join(dir, 'zanzibar-talks-resume.txt'))).toBe(true);
    const confirm = buttonInteraction(second.confirm);
    discord.dispatch('INTERACTION_CREATE', confirm);
    expect((await callbackOf(confirm)).body).toMatchObject({ type: 6 });
    const done = (await editOf(confirm)).body as DiscordMessage;
    expect(plain(done.embeds[0]?.description)).toContain('removed zanzibar-talks-resume (zanzibar-talks-resume.txt); 2 articles left');
    expect(done.components).toEqual([]);
    expect(existsSync(join(dir, 'zanzibar-talks-resume.txt'))).toBe(false);
    expect(live.current.articles.map((a) => a.id)).not.toContain('zanzibar-talks-resume');
    const line = logged
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'corpus changed' && l.action === 'remove');
    expect(line).toMatchObject({ userId: '1300000000000000001', userTag: 'researcher', file: 'zanzibar-talks-resume.txt' });
    // The same button again: expired.
    const again = await immediate(buttonInteraction(second.confirm));
    expect(again.data.content).toBe('This confirmation has expired: run /corpus remove again.');

    // Nobody presses: the question is withdrawn and nothing is removed.
    const third = await buttonsOf('003_85ee1c887779c124');
    const timedOut = (await editOf(third.ask)).body as { content: string; components: unknown[] };
    expect(timedOut).toMatchObject({ content: 'Timed out: 003_85ee1c887779c124 was not removed.', components: [] });
    expect(existsSync(join(dir, '003_85ee1c887779c124.txt'))).toBe(true);

    const unknown = await immediate(corpusInteraction('remove', [{ name: 'article', value: 'nope' }]));
    expect(plain((unknown.data.embeds as Array<{ description: string }>)[0]?.description)).toBe(
      'there is no article "nope" in the corpus; pick one from the list',
    );
  }, 60_000);

  it('gives the status: articles, paragraphs, last update', async () => {
    const status = await immediate(corpusInteraction('status', []));
    expect(status).toMatchObject({ type: 4, data: { flags: 64 } });
    const description = plain((status.data.embeds as Array<{ description: string }>)[0]?.description);
    const { articles, paragraphs, lastUpdate } = live.status();
    expect(description).toContain(`${articles} articles, ${paragraphs} paragraphs; last update ${lastUpdate}`);
  });

  it('refuses in a DM, and to a member without Manage Server, with a clear message', async () => {
    const dm = await immediate(corpusInteraction('status', [], { guild: false }));
    expect(dm).toMatchObject({
      type: 4,
      data: {
        content: '/corpus works only in a server, for members with the Manage Server permission; not in direct messages.',
        flags: 64,
      },
    });
    const member = await immediate(corpusInteraction('add', [], { permissions: '0', attachment: upload('a.txt', 'Fresh words.') }));
    expect(member).toMatchObject({ data: { content: '/corpus is for members with the Manage Server permission.', flags: 64 } });
    expect(readdirSync(dir).filter((n) => n.startsWith('a'))).toEqual([]);
  });

  it('never logs the token', () => {
    expect(logged.join('\n')).not.toContain(TOKEN);
    expect(logged.join('\n')).not.toContain(TOKEN.split('.')[1]);
  });
});
