import pino, { type Logger } from 'pino';

/**
 * The one logger: structured JSON lines on stderr (stdout is kept for answers). Tokens, authorization
 * headers and the URL and body of a failed Discord call are redacted.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: 'quotedesk' },
      redact: {
        paths: ['token', '*.token', '*.*.token', 'config.discordToken', 'discordToken', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

export type { Logger };
