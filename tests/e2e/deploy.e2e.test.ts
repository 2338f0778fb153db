import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.ts';
import { FakeDiscord } from '../support/fakeDiscord.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.deploy-test.a-revoked-token';

describe('npm run deploy', () => {
  const discord = new FakeDiscord();
  beforeAll(() => discord.start());
  afterAll(() => discord.stop());

  it('with a revoked token (Discord answers 401, a numeric code) says to check DISCORD_TOKEN, exit code 1', async () => {
    discord.answer = () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const r = await runCliAsync('deploy', [], { env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl } });
    expect(discord.calls.some((c) => c.path.startsWith('/applications/@me'))).toBe(true);
    expect(r.stderr.trim()).toBe(
      'error: 401 Unauthorized: check DISCORD_TOKEN (Discord refused the token: it was reset or revoked; copy the current one from the Developer Portal into .env)',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  }, 60_000);
});
