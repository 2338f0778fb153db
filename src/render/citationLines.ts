import { publishedDay } from '../answer/citation.ts';
import type { Citation } from '../answer/types.ts';
import { defangUrls } from './safeText.ts';

export interface TerminalStyle {
  /** Wrap highlighted words: ANSI bold on a colour terminal, **…** otherwise. */
  strong: (s: string) => string;
  dim: (s: string) => string;
}

/** "Daily Sabah, “US says not after…”, 2015-12-17, ¶2" and the link on the next line. */
export function citationLines(c: Citation): string[] {
  // The outlet and title label the link on the next line: a URL in them is shown defanged, never as a link.
  const parts = [defangUrls(c.outlet ?? 'unknown outlet')];
  if (c.title) parts.push(`“${defangUrls(c.title)}”`);
  parts.push(publishedDay(c.published) ?? 'date unknown');
  if (c.paragraph !== null) parts.push(`¶${c.paragraph}`);
  if (c.caption) parts.push('photo caption');
  // The link opens the page at the cited words where it can (a text fragment); the plain URL is in the JSON.
  const link =
    c.url === null ? 'no link known' : c.urlKnown ? (c.link ?? c.url) : `${c.url} (outlet home page; the article link is unknown)`;
  return [parts.join(', '), link];
}
