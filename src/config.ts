import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting Quotedesk reads from the environment (and `.env`); each is documented in `.env.example`. */
/** An optional text setting: blank means unset. */
const optionalText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined));

/** Every setting Quotedesk reads from the environment (and `.env`); each is documented in `.env.example`. */
const schema = z.object({
  DISCORD_TOKEN: optionalText().refine((v) => v === undefined || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v), {
    message: 'does not look like a Discord bot token (three dot-separated parts); copy it again from the Developer Portal',
  }),
  DISCORD_GUILD_ID: optionalText().refine((v) => v === undefined || /^\d{15,25}$/.test(v), {
    message: 'must be a server id (a number of 15 to 25 digits)',
  }),
  DISCORD_API_URL: optionalText()
    .transform((v) => v?.replace(/\/+$/, ''))
    // The token travels to it: plain http only to this machine.
    .refine(
      (v) =>
        v === undefined || /^https:\/\/\S+$/.test(v) || /^http:\/\/(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::\d+)?(?:\/\S*)?$/.test(v),
      {
        message: 'must be an https URL such as https://discord.com/api (plain http only to 127.0.0.1 or localhost)',
      },
    ),
  CORPUS_DIR: optionalText(),
  CACHE_DIR: optionalText(),
  WATCH_CORPUS: optionalText()
    .transform((v) => v ?? '1')
    .pipe(z.enum(['0', '1', 'false', 'true', 'no', 'yes', 'off', 'on'], { message: 'must be 1 (watch the corpus folder) or 0 (do not)' })),
  LOG_LEVEL: optionalText()
    .transform((v) => v ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export interface Config {
  discordToken: string | undefined;
  discordGuildId: string | undefined;
  /** REST base URL; discord.js's default (https://discord.com/api) when unset. */
  discordApiUrl: string | undefined;
  corpusDir: string;
  cacheDir: string;
  /** Whether a running bot or prompt watches its corpus folder and applies changes as they settle. */
  watchCorpus: boolean;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and checks the configuration. Each bad value gets its own line naming the key; the token's value is
 * never part of a message.
 */
export function readConfig(env: NodeJS.ProcessEnv, overrides: { corpusDir?: string | undefined } = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`configuration problem:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    discordToken: c.DISCORD_TOKEN,
    discordGuildId: c.DISCORD_GUILD_ID,
    discordApiUrl: c.DISCORD_API_URL,
    corpusDir: resolve(overrides.corpusDir ?? c.CORPUS_DIR ?? 'corpus'),
    cacheDir: resolve(c.CACHE_DIR ?? '.cache'),
    watchCorpus: ['1', 'true', 'yes', 'on'].includes(c.WATCH_CORPUS),
    logLevel: c.LOG_LEVEL,
  };
}

/** Loads `.env` (quietly: dotenv would otherwise print to stdout) and reads the configuration. */
export async function loadConfig(overrides: { corpusDir?: string | undefined } = {}): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return readConfig(process.env, overrides);
}
