import pino, { type DestinationStream, type Logger } from 'pino';
import { jsonSafe } from '../render/safeText.ts';

/**
 * The token of an interaction or webhook in a URL path (`/webhooks/<app id>/<token>/…`,
 * `/interactions/<id>/<token>/callback`): whoever holds it can answer as the bot for fifteen minutes.
 */
const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[^/\s"'?#\\]+/g;

/**
 * Every log line as written, made safe: interaction and webhook tokens redacted wherever they occur (an
 * error's `url`, `message` or `stack`, a nested cause, a message), and C1 and bidi controls escaped.
 */
const scrubLogLine = (line: string): string => jsonSafe(line.replace(TOKEN_IN_PATH, '$1[redacted]'));

/**
 * The one logger: structured JSON lines on stderr (stdout is kept for answers). Tokens and authorization
 * headers are redacted by key, and interaction tokens in any string of the line (see `scrubLogLine`).
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: 'quotedesk' },
      redact: {
        paths: ['token', '*.token', '*.*.token', 'config.discordToken', 'discordToken', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
      // Applied to the finished line, so that no path (a serializer, a nested error) can carry a token past it.
      hooks: { streamWrite: scrubLogLine },
    },
    destination,
  );
}

export type { Logger };
