import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { QuoteGroup } from '../index/quoteBook.ts';
import { publicationKey } from '../ingest/order.ts';
import { compareDates } from './dates.ts';
import { articlesOf, quoteResult } from './quoteResult.ts';
import { type Answer, UsageError } from './types.ts';

/** How many quotes a page of the answer lists at the command line; a speaker quoted more is narrowed with /who-said. */
export const QUOTES_LIMIT = 50;

/** Oldest first by the earliest article carrying each quote; undated articles last, in corpus order. */
export function oldestFirst(corpus: LoadedCorpus, groups: QuoteGroup[]): QuoteGroup[] {
  const when = (g: QuoteGroup): string => {
    const first = articlesOf(corpus, g)[0];
    return first ? publicationKey(first) : publicationKey(null);
  };
  return groups.sort(
    (a, b) => compareDates(when(a), when(b)) || a.refs[0]!.article - b.refs[0]!.article || a.refs[0]!.quote - b.refs[0]!.quote,
  );
}

/** `/quotes`: everything one person is quoted saying, oldest first. */
export function quotes(corpus: LoadedCorpus, args: { speaker: string }, limit = QUOTES_LIMIT): Answer {
  const name = args.speaker;
  const found = corpus.quotes.findSpeakers(name);
  if (found.length === 0) throw new UsageError(`no speaker in the corpus is called "${name}"; /speakers lists them`);
  const withQuotes = found.filter((s) => s.quoteCount > 0);
  if (withQuotes.length > 1)
    throw new UsageError(`"${name}" could be ${withQuotes.map((s) => s.name).join(' or ')}; give more of the name`);
  const speaker = withQuotes[0] ?? (found[0] as (typeof found)[number]);
  const groups = oldestFirst(
    corpus,
    corpus.quotes.groups.filter((g) => g.speakers.includes(speaker.id) || g.candidates?.includes(speaker.id)),
  );
  const notes = [
    `${speaker.name}${speaker.description ? ` (${speaker.description})` : ''}: ${groups.length} quote${groups.length === 1 ? '' : 's'}`,
  ];
  if (groups.length > QUOTES_LIMIT) notes.push(`/who-said TOPIC speaker:${speaker.name} finds them by topic`);
  // Only the quotes listed are read from the index file.
  const results = groups.slice(0, limit).map((g) => quoteResult(corpus, g));
  return { command: 'quotes', query: name, total: groups.length, results, notes };
}
