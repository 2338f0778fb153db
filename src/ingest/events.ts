import { findTimeExpressions, humanDate, publicationAnchor } from '../nlp/dates.ts';
import { findNames } from '../nlp/people.ts';
import type { Anchor, EventMention, MappedText, Quote, TimeExpression } from '../model/index.ts';

/** A block of text to date: a body paragraph or a caption, with its offsets into the file. */
export interface DatableBlock {
  paragraph: number | null;
  mapped: MappedText;
  sentences: Array<{ start: number; end: number; text: string }>;
}

const PLACE =
  /\b(?:in|at|to|from|near|inside|outside)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\.[A-Z])*(?:\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w’'-]+)?)/g;
const NOT_PLACES =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov)\b/;

/**
 * The article's anchor: its publication day; else the first full date its own text gives (a caption's
 * "Tuesday, Dec. 15, 2015"); else none, and relative expressions stay unresolved.
 */
export function anchorOf(published: string | null, blocks: DatableBlock[]): Anchor | null {
  if (published) return publicationAnchor(published);
  // The latest full date the text gives: an article is written on or after every day it names.
  let best: { day: string; text: string } | null = null;
  for (const b of blocks) {
    for (const e of findTimeExpressions(b.mapped.text, null)) {
      if (e.granularity === 'day' && e.value && /full date/.test(e.derivation) && (best === null || e.value > best.day))
        best = { day: e.value, text: e.text };
    }
  }
  return best ? { day: best.day, describe: `an undated article whose text gives the date "${best.text}" (${humanDate(best.day)})` } : null;
}

/**
 * Dates every sentence of an article. "today" or "now" inside a quote is the day the words were spoken:
 * a day dated in this or the previous paragraph, within a week before publication, where there is one.
 */
export function findEvents(blocks: DatableBlock[], published: string | null, quotes: readonly Quote[]): EventMention[] {
  const anchor = anchorOf(published, blocks);
  const out: EventMention[] = [];
  for (const b of blocks) {
    const text = b.mapped.text;
    let cursor = 0;
    for (const [si, s] of b.sentences.entries()) {
      const at = text.indexOf(s.text, cursor);
      if (at < 0) continue;
      cursor = at + s.text.length;
      const people = [...new Set(findNames(s.text).map((n) => n.name))];
      const places = [...new Set([...s.text.matchAll(PLACE)].map((m) => m[1] as string).filter((p) => !NOT_PLACES.test(p)))];
      // The day dated last, in this sentence or the one before: "the previous day" and "ten days before" count from it.
      const near = [...out]
        .reverse()
        .find((x) => x.time.granularity === 'day' && x.time.value !== null && x.paragraph === b.paragraph && x.sentenceIndex >= si - 1);
      const found = findTimeExpressions(s.text, anchor, near ? { day: near.time.value as string, text: near.time.text } : null);
      const since = sinceEvent(s.text, out);
      if (since && !found.some((e) => e.start < since.end && e.end > since.start)) found.push(since);
      for (const e of found) {
        const p0 = at + e.start;
        const p1 = at + e.end;
        let time = e;
        const inQuote =
          b.paragraph !== null &&
          quotes.some((q) => q.paragraph === b.paragraph && q.kind !== 'indirect' && p0 >= q.span[0] && p1 <= q.span[1]);
        if (inQuote && anchor && /present of/.test(e.derivation)) {
          const weekBefore = new Date(new Date(`${anchor.day}T12:00:00Z`).getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
          const spoken = [...out]
            .reverse()
            .find(
              (x) =>
                x.time.granularity === 'day' &&
                x.time.value !== null &&
                x.time.value < anchor.day &&
                x.time.value >= weekBefore &&
                x.paragraph !== null &&
                b.paragraph !== null &&
                b.paragraph - x.paragraph <= 1,
            );
          if (spoken?.time.value) {
            time = {
              ...e,
              value: spoken.time.value,
              derivation: `"${e.text}" in a quote: the day the words were spoken, the day dated just before ("${spoken.time.text}", ${humanDate(spoken.time.value)})`,
            };
          }
        }
        out.push({
          paragraph: b.paragraph,
          sentenceIndex: si,
          caption: b.paragraph === null,
          sentence: s.text,
          sentenceOffsets: [s.start, s.end],
          time: { ...time, offsets: [b.mapped.offsets[p0] as number, (b.mapped.offsets[p1 - 1] as number) + 1] },
          people,
          places,
        });
      }
    }
  }
  return out;
}

const COUNT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * "five years after the conflict began": counted from the start of that event where the article dated it
 * before ("since the start of the Syrian conflict in 2011").
 */
function sinceEvent(sentence: string, earlier: readonly EventMention[]): TimeExpression | null {
  const m =
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (years?|months?) (?:after|since) the ([a-z]+(?: [a-z]+)?) (?:began|started|broke out)\b/i.exec(
      sentence,
    );
  if (!m) return null;
  const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (COUNT[(m[1] as string).toLowerCase()] ?? 0);
  const noun = (m[3] as string).split(' ').pop() as string;
  const start = [...earlier]
    .reverse()
    .find(
      (e) =>
        e.time.value !== null &&
        /^\d{4}/.test(e.time.value) &&
        new RegExp(`\\b(?:start|beginning|outbreak) of the (?:\\w+ )?${noun}\\b|\\b${noun} (?:began|started)`, 'i').test(e.sentence),
    );
  if (!start?.time.value) return null;
  const from = Number(start.time.value.slice(0, 4));
  const years = /^year/i.test(m[2] as string) ? n : Math.floor(n / 12);
  return {
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    value: String(from + years),
    granularity: 'year',
    derivation: `"${m[0]}": the ${noun} began in ${from} ("${start.time.text}"), so ${from} + ${years} → ${from + years}`,
  };
}
