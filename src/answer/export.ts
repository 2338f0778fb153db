/**
 * `npm run export`: every quote and every temporal expression of the corpus as plain records, one each, with
 * offsets into the corpus file (JavaScript string indices, front matter included: `file.slice(start, end)`
 * is the text). The records are data for researchers and for evaluation; src/render/export.ts writes them.
 */
import type { Article, EventMention, Paragraph, Quote } from '../model/index.ts';
import { isRemarksDated } from '../nlp/dates/basis.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { timexLead, timexOf } from '../nlp/dates/timex.ts';
import { cleanSpan } from '../nlp/text.ts';

/** A span of the corpus file and its text. */
export interface FileSpan {
  start: number;
  end: number;
  text: string;
}

export interface DateRecord {
  record: 'date';
  article: string;
  /** 1-based body paragraph, as in answers' citations; null for a photo caption. */
  paragraph: number | null;
  /** The TIMEX3's span (a leading preposition left out, as TimeML does). */
  start: number;
  end: number;
  text: string;
  timexType: string;
  value: string;
  mod: string | null;
  /** Quotedesk's own ISO 8601 value at its granularity ("2015-09-20/2015-09-30"), or null. */
  iso: string | null;
  granularity: string;
  derivation: string;
  /** The words as Quotedesk read them, a preposition included ("on Tuesday"), cleaned. */
  words: string;
}

export interface QuoteRecord {
  record: 'quote';
  article: string;
  paragraph: number;
  /** The last paragraph of a quote over several (its span then runs from the first paragraph's piece to the last's). */
  lastParagraph: number | null;
  quote: FileSpan;
  /** The quoted words as Quotedesk keeps them (split quotes joined with " … "). */
  words: string;
  speaker: FileSpan | null;
  speakerName: string | null;
  speakerStatus: string;
  cue: FileSpan | null;
  kind: string;
  confidence: number;
  pattern: string;
}

export type ExportRecord = DateRecord | QuoteRecord;
export type ExportWhat = 'quotes' | 'dates';

const fileSpan = (raw: string, start: number, end: number): FileSpan => ({ start, end, text: raw.slice(start, end) });

/**
 * The records of an article's temporal expressions, in the order of the text. A mention dated by its speaker's
 * remarks nearby (`remarks-dated`) has no expression of its own, and no record.
 */
export function dateRecords(article: Article, raw: string): DateRecord[] {
  return article.events.flatMap((e: EventMention) => {
    if (isRemarksDated(e.time.basis)) return [];
    const lead = timexLead(e.time.text);
    const timex = timexOf(e.time);
    const [start, end] = [e.time.offsets[0] + lead, e.time.offsets[1]];
    const record: DateRecord = {
      record: 'date',
      article: article.id,
      paragraph: e.paragraph === null ? null : e.paragraph + 1,
      ...fileSpan(raw, start, end),
      timexType: timex.type,
      value: timex.value,
      mod: timex.mod ?? null,
      iso: e.time.value,
      granularity: e.time.granularity,
      derivation: explainDate(e.time),
      words: e.time.text,
    };
    return [record];
  });
}

/** A [start, end) of a paragraph's cleaned text as a span of the file. */
function toFile(raw: string, map: readonly number[], [s, e]: readonly [number, number]): FileSpan {
  const last = Math.max(s, Math.min(e, map.length - 1) - 1);
  return fileSpan(raw, map[s] as number, (map[last] as number) + 1);
}

/**
 * A quote's span in the file: its span in its paragraph, or, for one over several paragraphs, from its first
 * piece's start to its last piece's end.
 */
function quoteSpan(article: Article, raw: string, q: Quote, map: readonly number[]): FileSpan {
  const first = toFile(raw, map, q.span);
  const lastPart = q.parts?.[q.parts.length - 1];
  const lastPara = lastPart ? article.paragraphs[lastPart.paragraph] : undefined;
  if (!lastPart || !lastPara) return first;
  const last = toFile(raw, cleanSpan(raw, lastPara).offsets, [lastPart.start, lastPart.end]);
  return fileSpan(raw, first.start, last.end);
}

function quoteRecord(article: Article, raw: string, q: Quote, p: Paragraph): QuoteRecord {
  const map = cleanSpan(raw, p).offsets;
  return {
    record: 'quote',
    article: article.id,
    paragraph: q.paragraph + 1,
    lastParagraph: q.lastParagraph === undefined ? null : q.lastParagraph + 1,
    quote: quoteSpan(article, raw, q, map),
    words: q.text,
    speaker: q.speakerSpan ? toFile(raw, map, q.speakerSpan) : null,
    speakerName: q.speaker.name,
    speakerStatus: q.speaker.status,
    cue: q.cueSpan ? toFile(raw, map, q.cueSpan) : null,
    kind: q.kind,
    confidence: q.confidence,
    pattern: q.pattern,
  };
}

/** The records of an article's quotes, in the order of the text. */
export const quoteRecords = (article: Article, raw: string): QuoteRecord[] =>
  article.quotes.flatMap((q) => {
    const p = article.paragraphs[q.paragraph];
    return p ? [quoteRecord(article, raw, q, p)] : [];
  });

/** An article's records: its quotes, then its dates, as asked. `raw` is the decoded corpus file. */
export const exportRecords = (article: Article, raw: string, what: readonly ExportWhat[]): ExportRecord[] => [
  ...(what.includes('quotes') ? quoteRecords(article, raw) : []),
  ...(what.includes('dates') ? dateRecords(article, raw) : []),
];
