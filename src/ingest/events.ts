import { anchorOf, datesOfSentence, daySpoken } from '../nlp/dates/index.ts';
import { type DatedRemarks, datesTheAct, remarksDated } from '../nlp/dates/remarks.ts';
import { describedPeople, namedPeople } from '../nlp/coref.ts';
import { findNames } from '../nlp/people.ts';
import { speechActs } from '../nlp/speech.ts';
import type { EventMention, MappedText, Quote, TimeExpression } from '../model/index.ts';
import { allMatches } from '../nlp/text.ts';

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

/** The direct or mixed quote of a body paragraph that the file-text offsets [p0, p1) stand inside, if any. */
const quoteHolding = (quotes: readonly Quote[], paragraph: number, p0: number, p1: number): Quote | undefined =>
  quotes.find((q) => q.paragraph === paragraph && q.kind !== 'indirect' && p0 >= q.span[0] && p1 <= q.span[1]);

/**
 * Dates every sentence of an article (the date rules are in src/nlp/dates/): each temporal expression
 * becomes a mention with the people and places of its sentence, people named only by description ("the
 * U.S. envoy") among them where the article names one person in that role, and the speaker of the quote it
 * stands in; "today" or "now" inside a quote is the day the words were spoken where one is dated just before.
 * A body sentence with no expression whose certain speaker ("the geopolitical analyst said …") had remarks
 * dated a few paragraphs before gets a mention of its own kind (`remarks-dated`, see src/nlp/dates/remarks.ts),
 * which later expressions never count from.
 */
export function findEvents(blocks: DatableBlock[], published: string | null, quotes: readonly Quote[]): EventMention[] {
  const texts = blocks.map((b) => b.mapped.text);
  const anchor = anchorOf(published, texts);
  // The mentions of expressions, what later expressions count from; `all` adds the remarks-dated, in text order.
  const out: EventMention[] = [];
  const all: EventMention[] = [];
  const remarks: DatedRemarks[] = [];
  const named = namedPeople(blocks.flatMap((b) => b.sentences.map((s) => s.text)));
  // The index of each sentence among all of them, as `named` counts them.
  let sentenceAt = -1;
  for (const b of blocks) {
    const text = b.mapped.text;
    let cursor = 0;
    for (const [si, s] of b.sentences.entries()) {
      sentenceAt += 1;
      const at = text.indexOf(s.text, cursor);
      if (at < 0) continue;
      cursor = at + s.text.length;
      const described = describedPeople(s.text, named, sentenceAt);
      const people = [...new Set([...findNames(s.text).map((n) => n.name), ...described.map((d) => d.name)])];
      const places = [
        ...new Set(
          allMatches(PLACE, s.text)
            .map((m) => m[1] as string)
            .filter((p) => !NOT_PLACES.test(p)),
        ),
      ];
      const offsetsOf = (e: TimeExpression): [number, number] =>
        e.end > e.start
          ? [b.mapped.offsets[at + e.start] as number, (b.mapped.offsets[at + e.end - 1] as number) + 1]
          : [b.mapped.offsets[at + e.start] as number, b.mapped.offsets[at + e.start] as number];
      const mention = (time: TimeExpression, speakers: readonly string[]): EventMention => ({
        paragraph: b.paragraph,
        sentenceIndex: si,
        caption: b.paragraph === null,
        sentence: s.text,
        sentenceOffsets: [s.start, s.end],
        time: { ...time, offsets: offsetsOf(time) },
        people,
        described,
        places,
        ...(speakers.length > 0 ? { speakers: [...speakers] } : {}),
      });
      const found = datesOfSentence(s.text, anchor, out, b.paragraph, si);
      const first = out.length;
      for (const e of found) {
        const quote = b.paragraph === null ? undefined : quoteHolding(quotes, b.paragraph, at + e.start, at + e.end);
        const spoken = quote && b.paragraph !== null ? daySpoken(e, anchor, out, b.paragraph) : null;
        // "today" in a quote is the day the words were spoken: their speaker was there. Another date in a
        // quote ("this Friday", Lavrov said) is of an event the speaker only talks about.
        const speakers = spoken && quote?.speaker.status === 'attributed' && quote.speaker.kind === 'person' ? quote.speaker.members : [];
        const m = mention(spoken ?? e, speakers);
        out.push(m);
        all.push(m);
      }
      if (b.paragraph === null) continue;
      const acts = speechActs(s.text, named, sentenceAt);
      if (found.length > 0) {
        for (const act of acts)
          found.forEach((e, k) => {
            if (datesTheAct(s.text, act, e))
              remarks.push({ speaker: act.speaker, paragraph: b.paragraph as number, time: e, mention: first + k });
          });
        continue;
      }
      for (const act of acts) {
        const time = remarksDated(s.text, act, remarks, out, b.paragraph);
        if (!time) continue;
        all.push(mention(time, [act.speaker]));
        break;
      }
    }
  }
  return all;
}
