import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting Quotedesk reads from the environment (and `.env`); each is documented in `.env.example`. */
const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v), {
      message: 'does not look like a Discord bot token (three dot-separated parts); copy it again from the Developer Portal',
    }),
  CORPUS_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  CACHE_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : 'info'))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export interface Config {
  discordToken: string | undefined;
  corpusDir: string;
  cacheDir: string;
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
    corpusDir: resolve(overrides.corpusDir ?? c.CORPUS_DIR ?? 'corpus'),
    cacheDir: resolve(c.CACHE_DIR ?? '.cache'),
    logLevel: c.LOG_LEVEL,
  };
}

/** Loads `.env` (quietly: dotenv would otherwise print to stdout) and reads the configuration. */
export async function loadConfig(overrides: { corpusDir?: string | undefined } = {}): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return readConfig(process.env, overrides);
}
