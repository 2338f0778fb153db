/**
 * A small fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js client: the REST API
 * (recording every call the bot makes) and a gateway WebSocket (hello, identify, ready, heartbeats, resume,
 * and dispatch of events the test sends).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/discord/logger.ts';
import { type WebSocket, WebSocketServer } from 'ws';
import { commands } from '../../commands/index.ts';
import { QuotedeskBot, type RateLimiter } from '../../src/discord/bot.ts';
import type { LiveCorpus } from '../../src/index/live.ts';
import { seedCorpus } from './helpers.ts';

export const APP_ID = '1100000000000000001';
export const BOT_ID = '1100000000000000001';

export interface RecordedCall {
  method: string;
  path: string;
  /** The JSON body; of a multipart body (a message with files), its `payload_json`. */
  body: unknown;
  headers: IncomingMessage['headers'];
  /** The files of a multipart body, as sent. */
  files: UploadedFile[];
}

export interface UploadedFile {
  /** The form field (`files[0]`) and the file's name. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** The parts of a multipart/form-data body: the JSON payload and the files. */
function multipart(raw: Buffer, contentType: string): { payload: unknown; files: UploadedFile[] } {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) return { payload: null, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  const files: UploadedFile[] = [];
  let payload: unknown = null;
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF, headers, a blank line, the bytes, CRLF before the next delimiter.
    const part = raw.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename === undefined) {
      if (field === 'payload_json') payload = JSON.parse(data.toString('utf8'));
    } else {
      files.push({ field, filename, contentType: /content-type:\s*(\S+)/i.exec(headers)?.[1] ?? '', data: Buffer.from(data) });
    }
    at = next;
  }
  return { payload, files };
}

let snowflake = 1_200_000_000_000_000_000n;
export const nextId = (): string => String(snowflake++);

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private seq = 0;
  identified = 0;
  resumed = 0;
  port = 0;
  /** An answer of the test's own for a REST call (an error, a revoked token); null: the fake's usual answer. */
  answer: ((call: RecordedCall) => { status: number; body: unknown } | null) | null = null;

  constructor() {
    this.http = createServer((req, res) => this.rest(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws) => this.gateway(ws));
  }

  /** The REST base URL to give the bot as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private rest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      let body: unknown = raw;
      let files: UploadedFile[] = [];
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('multipart/form-data')) ({ payload: body, files } = multipart(bytes, type));
      else {
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          // text: kept as it came
        }
      }
      const path = (req.url ?? '').replace(/^\/api\/v\d+/, '');
      this.calls.push({ method: req.method ?? '', path, body, headers: req.headers, files });
      const json = (status: number, data: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(data === undefined ? '' : JSON.stringify(data));
      };
      const own = this.answer?.(this.calls[this.calls.length - 1] as RecordedCall) ?? null;
      if (own) json(own.status, own.body);
      else if (req.method === 'GET' && path.startsWith('/gateway/bot')) {
        json(200, {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        });
      } else if (req.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback/.test(path)) {
        res.writeHead(204);
        res.end();
      } else if (req.method === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\//.test(path)) {
        res.writeHead(204);
        res.end();
      } else if (
        /^\/webhooks\/\d+\/[^/]+\/messages\//.test(path) ||
        (req.method === 'POST' && /^\/webhooks\/\d+\/[^/?]+(?:\?|$)/.test(path)) ||
        (req.method === 'POST' && /^\/channels\/\d+\/messages/.test(path))
      ) {
        const b = (body ?? {}) as Record<string, unknown>;
        json(
          200,
          message({
            channel_id: /channels\/(\d+)/.exec(path)?.[1] ?? '1',
            content: b.content ?? '',
            embeds: b.embeds ?? [],
            components: b.components ?? [],
          }),
        );
      } else if (req.method === 'GET' && path.startsWith('/applications/@me')) {
        json(200, { id: APP_ID, name: 'quotedesk', flags: 0 });
      } else {
        json(404, { message: 'Unknown route in the fake Discord', code: 0 });
      }
    });
  }

  private gateway(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    ws.on('message', (data) => {
      const p = JSON.parse(String(data)) as { op: number; d: unknown };
      if (p.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (p.op === 2) {
        this.identified += 1;
        this.dispatch('READY', {
          v: 10,
          user: { id: BOT_ID, username: 'quotedesk', discriminator: '0', global_name: null, avatar: null, bot: true },
          guilds: [],
          session_id: `session-${this.identified}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard: [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
      }
      if (p.op === 6) {
        this.resumed += 1;
        this.dispatch('RESUMED', null);
      }
    });
  }

  /** Sends a gateway event to the connected bot. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    this.socket?.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Drops the gateway connection, as a network failure would. */
  dropConnection(code = 4000): void {
    this.socket?.close(code, 'test drop');
  }

  /** Waits until a recorded call matches, or fails after `ms`. */
  async waitFor(match: (c: RecordedCall) => boolean, ms = 5000): Promise<RecordedCall> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const found = this.calls.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the bot made no matching call within ${ms} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
  }
}

const USER: { id: string; username: string; discriminator: string; global_name: string | null; avatar: null } = {
  id: '1300000000000000001',
  username: 'researcher',
  discriminator: '0',
  global_name: 'Researcher',
  avatar: null,
};
export const OTHER_USER = { ...USER, id: '1300000000000000002', username: 'someone-else' };

function message(over: Record<string, unknown>): Record<string, unknown> {
  return {
    id: nextId(),
    type: 0,
    content: '',
    author: { id: BOT_ID, username: 'quotedesk', discriminator: '0', global_name: null, avatar: null, bot: true },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    ...over,
  };
}

/** A slash command interaction, in a server (with guild) or a DM (without). */
export function commandInteraction(
  name: string,
  options: Array<{ name: string; value: string | boolean | number; type?: number; focused?: boolean }>,
  opts: { type?: 2 | 4; guild?: boolean; user?: typeof USER } = {},
): Record<string, unknown> {
  const user = opts.user ?? USER;
  const guild = opts.guild ?? true;
  return {
    id: nextId(),
    application_id: APP_ID,
    type: opts.type ?? 2,
    token: `token-${nextId()}`,
    version: 1,
    data: {
      id: nextId(),
      name,
      type: 1,
      options: options.map((o) => ({ type: o.type ?? (typeof o.value === 'boolean' ? 5 : typeof o.value === 'number' ? 4 : 3), ...o })),
    },
    channel_id: '1400000000000000001',
    channel: { id: '1400000000000000001', type: guild ? 0 : 1 },
    ...(guild
      ? {
          guild_id: '1500000000000000001',
          member: { user, roles: [], permissions: '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        }
      : { user }),
    app_permissions: '0',
    locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: { '0': '1500000000000000001' },
    context: guild ? 0 : 1,
  };
}

/** A button press on a message the bot sent in answer to `owner`'s command (the message says who ran it). */
export function buttonInteraction(customId: string, user = USER, owner: typeof USER | null = USER): Record<string, unknown> {
  return {
    id: nextId(),
    application_id: APP_ID,
    type: 3,
    token: `token-${nextId()}`,
    version: 1,
    data: { custom_id: customId, component_type: 2 },
    message: message({
      channel_id: '1400000000000000001',
      ...(owner ? { interaction_metadata: { id: nextId(), type: 2, user: owner, authorizing_integration_owners: {} } } : {}),
    }),
    channel_id: '1400000000000000001',
    channel: { id: '1400000000000000001', type: 1 },
    user,
    app_permissions: '0',
    locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: { '1': user.id },
    context: 1,
  };
}

/**
 * A message context-menu command (type 2 interaction, command type 3) used on a message someone else wrote, in a
 * server (with guild) or a DM (without): Discord sends the message itself in `resolved`.
 */
export function messageCommandInteraction(
  name: string,
  content: string,
  opts: { guild?: boolean; user?: typeof USER } = {},
): Record<string, unknown> {
  const base = commandInteraction(name, [], opts);
  const target = message({ channel_id: '1400000000000000001', author: { ...OTHER_USER, bot: false }, content });
  return {
    ...base,
    data: { id: nextId(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id as string]: target } } },
  };
}

/** A message a user writes to the bot in a DM. */
export function directMessage(content: string, user = USER): Record<string, unknown> {
  return message({ channel_id: '1600000000000000001', channel_type: 1, author: { ...user, bot: false }, content });
}

/**
 * Starts the fake Discord and the real bot against it, and waits until it is ready: on the seed corpus, or on a
 * live corpus (which `/corpus` changes) when one is given.
 */
export async function startBotAgainst(
  discord: FakeDiscord,
  options: { logger: Logger; token: string; limiter: RateLimiter; live?: LiveCorpus; confirmMs?: number },
): Promise<QuotedeskBot> {
  await discord.start();
  const ctx = { corpus: options.live?.current ?? seedCorpus(), commands };
  options.live?.serve(ctx);
  const bot = new QuotedeskBot({ ctx, apiUrl: discord.apiUrl, ...options });
  await bot.start();
  await new Promise<void>((resolve) => (bot.client.isReady() ? resolve() : bot.client.once('clientReady', () => resolve())));
  return bot;
}

/** The logger `npm start` uses, writing into `logged` (each line as written), so that tests can read what the bot logs. */
export function capturingLogger(): { logger: Logger; logged: string[] } {
  const logged: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('debug', sink), logged };
}
