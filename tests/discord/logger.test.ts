import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/discord/logger.ts';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQ';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('the logger', () => {
  it("redacts an interaction token from a failed call's error (url, message, stack, a cause) and from messages", () => {
    const { lines, logger } = capture();
    const url = `https://discord.com/api/v10/webhooks/1100000000000000001/${TOKEN}/messages/@original`;
    const error = new DiscordAPIError({ message: 'Unknown Webhook', code: 10015 }, 10015, 404, 'PATCH', url, { body: {} });
    logger.error({ err: error, userId: '1' }, 'failed to answer an interaction');
    logger.error({ err: new Error(`request to ${url} failed`, { cause: error }) }, 'bug while answering');
    logger.warn(
      { reply: { url: `/interactions/1300/${TOKEN}/callback?with_response=false` } },
      `retrying /interactions/1300/${TOKEN}/callback`,
    );
    const text = lines.join('');
    expect(lines).toHaveLength(3);
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(lines[0] as string).err.url).toBe(
      'https://discord.com/api/v10/webhooks/1100000000000000001/[redacted]/messages/@original',
    );
    expect(JSON.parse(lines[1] as string).err.message).toContain('/webhooks/1100000000000000001/[redacted]/messages');
    expect(JSON.parse(lines[2] as string).msg).toBe('retrying /interactions/1300/[redacted]/callback');
  });

  it('escapes C1 and bidi controls that a query carries into the log', () => {
    const { lines, logger } = capture();
    logger.info({ query: 'kerry \x9b2J \u202eevil' }, 'command');
    expect(lines[0]).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(lines[0] as string).query).toBe('kerry \x9b2J \u202eevil');
  });
});
