import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { QuoteGroup } from '../index/quoteBook.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { isDatedEvent, isWeakDate } from '../index/eventIndex.ts';
import type { Quote } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { MAX_CITATIONS, citationOf } from './citation.ts';
import type { Result } from './types.ts';

/** The articles that carry a group's quote, in the group's order (earliest outlet first); their details are not read. */
export function articlesOf(corpus: LoadedCorpus, group: QuoteGroup): Article[] {
  return group.refs.map((r) => corpus.articles[r.article] as Article);
}

/** The first `limit` quotes of a group, with their articles, in the group's order (earliest outlet first). */
export function quotesOf(
  corpus: LoadedCorpus,
  group: QuoteGroup,
  limit = Number.POSITIVE_INFINITY,
): Array<{ article: Article; quote: Quote }> {
  return group.refs.slice(0, limit).map((r) => {
    const article = corpus.articles[r.article] as Article;
    return { article, quote: article.quotes[r.quote] as Quote };
  });
}

/** Who a group's speaker is, for a reader: the canonical name(s), or why there is none. */
export function speakerLabel(corpus: LoadedCorpus, group: QuoteGroup): string {
  if (group.speakers.length === 0) return group.status === 'ambiguous' ? 'ambiguous speaker' : 'unattributed';
  return group.speakers.map((id) => corpus.quotes.speaker(id)?.name ?? id).join(' and ');
}

/**
 * One quote group as a result: the words, the speaker and role, how it was attributed, and a citation
 * for every outlet that carries it, earliest first.
 */
export function quoteResult(corpus: LoadedCorpus, group: QuoteGroup, score?: number): Result {
  // Only the quotes cited are read; the outlets are counted from the articles' metadata.
  const items = quotesOf(corpus, group, MAX_CITATIONS);
  const first = items[0]?.quote as Quote;
  const roles = group.speakers.map((id) => corpus.quotes.speaker(id)?.description).filter((r): r is string => !!r);
  const details: Record<string, string | number> = {
    kind: group.kind,
    attribution: `${first.pattern}${first.speaker.mention && !first.speaker.mention.startsWith('(') ? ` (“${first.speaker.mention}”)` : ''}`,
    confidence: first.confidence,
    outlets: new Set(articlesOf(corpus, group).map((a) => a.meta.outlet ?? a.id)).size,
  };
  if (roles.length > 0) details.role = roles.join('; ');
  if (group.refs.length > MAX_CITATIONS) details.moreCitations = group.refs.length - MAX_CITATIONS;
  const said = dateSaid(items[0]?.article as Article, first);
  return {
    text: group.text,
    speaker: speakerLabel(corpus, group),
    quote: group.text,
    ...(said ? { date: said.time.value as string, dateText: said.time.text, derivation: explainDate(said.time) } : {}),
    ...(score === undefined ? {} : { score: Number(score.toFixed(3)) }),
    details,
    // A quote that runs over several paragraphs cites each of them; a quote in many outlets, the first ten.
    citations: items.flatMap(({ article, quote }) =>
      Array.from({ length: (quote.lastParagraph ?? quote.paragraph) - quote.paragraph + 1 }, (_, k) =>
        citationOf(article, article.paragraphs[quote.paragraph + k] as Paragraph),
      ),
    ),
  };
}

/**
 * The day a quote was said, where its own sentence gives it outside the quoted words ("At a news
 * conference on Tuesday, Kerry said, “…”"); a date inside the quote is about what is said, not when.
 */
export function dateSaid(article: Article, quote: Quote): EventMention | undefined {
  return article.events.find(
    (e) =>
      e.paragraph === quote.paragraph &&
      e.time.granularity === 'day' &&
      isDatedEvent(e) &&
      !isWeakDate(e) &&
      quote.sentence.includes(e.sentence.slice(0, 40)) &&
      !quote.text.includes(e.time.text),
  );
}
