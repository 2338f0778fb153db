import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.ts';

describe('configuration', () => {
  it('reads every key, with defaults, blank meaning unset', () => {
    const c = readConfig({ DISCORD_TOKEN: '', CORPUS_DIR: 'x', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(c).toMatchObject({
      discordToken: undefined,
      discordGuildId: undefined,
      discordApiUrl: 'http://127.0.0.1:9/api',
      logLevel: 'info',
      watchCorpus: true,
    });
    expect(c.corpusDir.endsWith('/x')).toBe(true);
  });

  it('names each bad key in its own line, and never shows the token', () => {
    const secret = 'not a token but secret';
    let message = '';
    try {
      readConfig({ DISCORD_TOKEN: secret, DISCORD_GUILD_ID: 'abc', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    const lines = message
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(':')[0]);
    expect(lines).toEqual(['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']);
    expect(message).not.toContain(secret);
  });

  it('turns watching the corpus folder off with WATCH_CORPUS=0, and refuses a value it cannot read', () => {
    expect(readConfig({ WATCH_CORPUS: '0' }).watchCorpus).toBe(false);
    expect(readConfig({ WATCH_CORPUS: 'off' }).watchCorpus).toBe(false);
    expect(readConfig({ WATCH_CORPUS: '1' }).watchCorpus).toBe(true);
    expect(() => readConfig({ WATCH_CORPUS: 'maybe' })).toThrow(/WATCH_CORPUS: must be 1 \(watch the corpus folder\) or 0/);
  });
});
