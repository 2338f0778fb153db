import { mentionsIn, quoteAt } from '../index/articleStore.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { QuoteGroup } from '../index/quoteBook.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { isDatedEvent, isWeakDate } from '../index/eventIndex.ts';
import type { Quote } from '../model/index.ts';
import { isRemarksDated } from '../nlp/dates/basis.ts';
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
    return { article, quote: quoteAt(article, r.quote) as Quote };
  });
}

/** The names of an ambiguous group's candidates, as the registry gives them (else as the article does). */
export function candidateNames(corpus: LoadedCorpus, group: QuoteGroup): string[] {
  return (group.candidates ?? []).map((id) => corpus.quotes.speaker(id)?.name ?? id);
}

/**
 * Who a group's speaker is, for a reader: the canonical name(s), or why there is none. An ambiguous speaker is
 * never shown as one person's: "ambiguous: John Kerry or Eric Draitser", the likeliest first.
 */
export function speakerLabel(corpus: LoadedCorpus, group: QuoteGroup): string {
  const candidates = candidateNames(corpus, group);
  if (group.status === 'ambiguous' && candidates.length > 1) return `ambiguous: ${candidates.join(' or ')}`;
  if (group.speakers.length === 0) return group.status === 'ambiguous' ? 'ambiguous speaker' : 'unattributed';
  return group.speakers.map((id) => corpus.quotes.speaker(id)?.name ?? id).join(' and ');
}

/**
 * Why the speaker is who the answer says, in words, from the typed facts of the attribution: its status and
 * the basis its speaker rule gave (and whether the paragraph itself names the speaker). Empty when no rule told.
 */
export function basisWords(quote: Quote): string {
  const { speaker } = quote;
  if (speaker.status === 'unattributed') return 'the text does not say who';
  if (speaker.status === 'ambiguous') return ambiguityWords(speaker);
  const where = quote.speakerSpan ? 'in the same sentence' : 'in the paragraph before';
  switch (speaker.basis) {
    case 'name':
      return `named ${where}`;
    case 'surname':
      return `named by surname ${where}`;
    case 'pronoun':
      return `“${speaker.mention}”: the person the text was about just before (the subject or speaker, else the last named)`;
    case 'author':
      return `“${speaker.mention}”: the article’s author`;
    case 'description':
      return `“${speaker.mention}”: the person of the article whose role fits`;
    case 'apposition':
      return 'named beside the description of the speaker';
    case 'joint':
      return 'two people named together';
    case 'organisation':
      return 'an organisation named in the same sentence';
    case 'place':
      return 'a country named for its government';
    case 'quote-before':
      return 'no cue: the speaker of the quote before';
    case 'headline':
      return 'no cue in the text: the one speaker the headline names';
    case 'sentence-subject':
      return 'no speaker at the quote: the person the sentence is about';
    default:
      return '';
  }
}

/** Why a speaker is ambiguous, in words, naming everyone the text could mean where the rules know them. */
export function ambiguityWords(speaker: Quote['speaker']): string {
  const who = speaker.candidates && speaker.candidates.length > 1 ? speaker.candidates.join(' or ') : 'more than one person';
  if (speaker.basis === 'quote-before') return `the text could mean ${who}: no cue, and someone else was a subject after the quote before`;
  if (speaker.basis === 'sentence-subject') return `the text could mean ${who}: no speaker at the quote, and its sentence has two subjects`;
  return `the text could mean ${who}`;
}

/** White space folded, as the cleaner leaves paragraphs and as a reader compares words. */
const folded = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A quote's own words in each paragraph it stands in, in order: the whole text for a quote of one paragraph;
 * for one that runs over several, the longest run of its words from where the last paragraph's stopped that
 * this paragraph has. A citation then shows only words its paragraph has.
 */
export function wordsPerParagraph(text: string, paragraphs: readonly string[]): string[] {
  if (paragraphs.length <= 1) return [text];
  const words = folded(text).split(' ');
  let at = 0;
  return paragraphs.map((p, k) => {
    const here = folded(p);
    if (k === paragraphs.length - 1) return words.slice(at).join(' ');
    let end = at;
    // Split quotes join their parts with "…": a paragraph has each part, not the ellipsis between them.
    const has = (to: number): boolean =>
      words
        .slice(at, to)
        .join(' ')
        .split(/\s*…\s*/)
        .every((piece) => piece === '' || here.includes(piece));
    while (end < words.length && has(end + 1)) end += 1;
    const piece = words.slice(at, end).join(' ');
    at = end;
    return piece;
  });
}

/**
 * The paragraphs a quote stands in, each with the quote's own words there: the pieces the quote keeps for a
 * quote over several paragraphs (each paragraph's words as they stand in it), else the quote's words in its
 * paragraph (or, for a quote saved without pieces, its words split where each paragraph's stop).
 */
export function quotePieces(article: Article, quote: Quote): Array<{ paragraph: Paragraph; words: string }> {
  if (quote.parts) {
    return quote.parts.flatMap((part) => {
      const paragraph = article.paragraphs[part.paragraph];
      return paragraph ? [{ paragraph, words: part.text }] : [];
    });
  }
  const paragraphs = article.paragraphs.slice(quote.paragraph, (quote.lastParagraph ?? quote.paragraph) + 1);
  const own = wordsPerParagraph(
    quote.text,
    paragraphs.map((p) => p.text),
  );
  return paragraphs.map((paragraph, k) => ({ paragraph, words: own[k] as string }));
}

/**
 * One quote group as a result: the words, the speaker and role, how it was attributed, and a citation
 * for every outlet that carries it, earliest first, each with the wording that stands in its own paragraph.
 * The result's text is the earliest outlet's wording; where outlets word it differently, `wordingsDiffer`.
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
    ...(basisWords(first) ? { basis: basisWords(first) } : {}),
    outlets: new Set(articlesOf(corpus, group).map((a) => a.meta.outlet ?? a.id)).size,
  };
  const candidates = candidateNames(corpus, group);
  // An ambiguous quote is no one person's: the likeliest one's role would say it is.
  if (roles.length > 0 && !(group.status === 'ambiguous' && candidates.length > 1)) details.role = roles.join('; ');
  if (group.refs.length > MAX_CITATIONS) details.moreCitations = group.refs.length - MAX_CITATIONS;
  if (group.status === 'ambiguous' && candidates.length > 1) details.candidates = candidates.join('; ');
  const said = dateSaid(items[0]?.article as Article, first);
  const wordings = new Set(items.map(({ quote }) => folded(quote.text)));
  return {
    text: first.text,
    speaker: speakerLabel(corpus, group),
    ...(group.status === 'ambiguous' && candidates.length > 1 ? { speakerCandidates: candidates } : {}),
    quote: first.text,
    ...(said ? { date: said.time.value as string, dateText: said.time.text, derivation: explainDate(said.time) } : {}),
    ...(score === undefined ? {} : { score: Number(score.toFixed(3)) }),
    details,
    // A quote that runs over several paragraphs cites each of them; a quote in many outlets, the first ten.
    citations: items.flatMap(({ article, quote }) => quotePieces(article, quote).map((p) => citationOf(article, p.paragraph, p.words))),
    ...(wordings.size > 1 ? { wordingsDiffer: true as const } : {}),
  };
}

/**
 * The day a quote was said, where its own sentence gives it outside the quoted words ("At a news
 * conference on Tuesday, Kerry said, “…”"); a date inside the quote is about what is said, not when. A day
 * borrowed from the speaker's remarks nearby is no date of the sentence's own.
 */
export function dateSaid(article: Article, quote: Quote): EventMention | undefined {
  // Only the mentions of the quote's paragraph are read.
  return mentionsIn(article, quote.paragraph).find(
    (e) =>
      e.time.granularity === 'day' &&
      isDatedEvent(e) &&
      !isWeakDate(e) &&
      !isRemarksDated(e.time.basis) &&
      quote.sentence.includes(e.sentence.slice(0, 40)) &&
      !quote.text.includes(e.time.text),
  );
}
