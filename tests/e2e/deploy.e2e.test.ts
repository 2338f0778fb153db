import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.ts';
import { FakeDiscord } from '../support/fakeDiscord.ts';
import { COMMAND_NAMES } from '../support/helpers.ts';

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

  it('sends every command, /compare with its topic and outlets options, and says what it adds (/verify, /compare, /corpus and the message command)', async () => {
    const commandsRoute = /^\/applications\/\d+\/commands/;
    // Discord holds the commands of before /compare; it echoes what is put.
    const before = ['search', 'who-said', 'when', 'timeline', 'quotes', 'speakers', 'sources', 'context', 'help'].map((name) => ({
      name,
      description: 'x',
    }));
    discord.answer = (call) =>
      !commandsRoute.test(call.path) ? null : call.method === 'GET' ? { status: 200, body: before } : { status: 200, body: call.body };
    const r = await runCliAsync('deploy', [], { env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const put = discord.calls.find((c) => c.method === 'PUT' && commandsRoute.test(c.path));
    const sent = put?.body as Array<{
      name: string;
      options: Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean }>;
    }>;
    // The slash commands, then the message command "Check in corpus" (type 3).
    expect(sent.map((c) => c.name)).toEqual([...COMMAND_NAMES, 'Check in corpus']);
    expect(sent.find((c) => c.name === 'compare')?.options).toMatchObject([
      { name: 'topic', type: 3, required: true, autocomplete: true },
      { name: 'outlets', type: 3, autocomplete: true },
      { name: 'hide', type: 5 },
    ]);
    expect(r.stdout).toContain(`Deployed ${COMMAND_NAMES.length + 1} commands`);
    expect(r.stdout).toContain('added: /verify /compare /corpus "Check in corpus"');
    // /corpus: servers only, Manage Server only.
    expect(sent.find((c) => c.name === 'corpus')).toMatchObject({
      default_member_permissions: '32',
      contexts: [0],
      integration_types: [0],
    });
  }, 60_000);
});
