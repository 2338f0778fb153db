/**
 * A segment's quote facts (`QuoteFacts`) as saved: every string once, in a table, every list of words once, and
 * the rest as numbers. `v8.serialize` of the facts themselves writes each word of each quote out again, and reads
 * each back as a string of its own: at a million paragraphs that was 1.6 GB of heap (675,000 quotes, 19 million
 * words, about 30 million strings), which a live index holds as long as it runs and which every full collection
 * of its heap walks through. Read back from this form, the facts share their strings (one "said" for every
 * quote that has it), and quotes of the same words share one list of them (wire copies): about a third of the
 * memory, read in a fraction of the time.
 *
 * `encodeQuoteFacts` and `decodeQuoteFacts` know every field of `QuoteFacts` by name: a field added there and
 * not here fails to compile (each object is built whole here) or, for an optional field, the round trip test on
 * real articles (`tests/index/quoteFactsCodec.test.ts`).
 */
import type { QuoteKind, SpeakerBasis, SpeakerRef } from '../model/quote.ts';
import type { NameMention } from '../nlp/people.ts';
import type { QuoteFact, QuoteFacts } from './quoteBook.ts';

/** See the module comment. Saved with `v8.serialize` (typed arrays as bytes, see `typedArraysAsBytes`). */
export interface SavedQuoteFacts {
  /** Every string of the facts, once. */
  strings: string[];
  /** Every list of words (quotes' and sentences'), once: its length, then its words (numbers in `strings`). */
  lists: Int32Array;
  /** The facts in order (see `encodeQuoteFacts`): numbers in `strings` (-1 for null or absent), counts, places in `lists`. */
  facts: Int32Array;
  /** Each quote's confidence, in order. */
  confidences: Float64Array;
}

/** Growable list of 32-bit integers. */
class Ints {
  #data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.#data.length) {
      const more = new Int32Array(this.#data.length * 2);
      more.set(this.#data);
      this.#data = more;
    }
    this.#data[this.length++] = x;
  }
  done(): Int32Array {
    return this.#data.slice(0, this.length);
  }
}

/** The facts in their saved form. */
export function encodeQuoteFacts(all: readonly QuoteFacts[]): SavedQuoteFacts {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const orNull = (s: string | null | undefined): number => (s === null || s === undefined ? -1 : str(s));
  const lists = new Ints();
  const listIds = new Map<string, number>();
  /** A list's place in `lists`; lists are told apart by their words, each after its length (`[]` is not `['']`). */
  const list = (words: readonly string[]): number => {
    let key = '';
    for (const w of words) key += `${w.length}:${w}`;
    let at = listIds.get(key);
    if (at === undefined) {
      at = lists.length;
      lists.push(words.length);
      for (const w of words) lists.push(str(w));
      listIds.set(key, at);
    }
    return at;
  };
  const out = new Ints();
  const confidences: number[] = [];
  for (const f of all) {
    out.push(str(f.published));
    out.push(f.names.length);
    out.push(f.quotes.length);
    for (const n of f.names) {
      out.push(n.start);
      out.push(n.end);
      out.push(str(n.name));
      out.push(orNull(n.role));
      out.push(str(n.key));
      out.push(orNull(n.first));
    }
    for (const q of f.quotes) {
      out.push(str(q.text));
      out.push(str(q.kind));
      out.push(str(q.sentence));
      out.push(list(q.words));
      out.push(list(q.sentenceWords));
      confidences.push(q.confidence);
      const s = q.speaker;
      out.push(str(s.mention));
      out.push(orNull(s.name));
      out.push(list(s.members));
      out.push(str(s.kind));
      out.push(str(s.status));
      out.push(orNull(s.role));
      out.push(orNull(s.basis));
      out.push(s.candidates === undefined ? -1 : list(s.candidates));
    }
  }
  return { strings, lists: lists.done(), facts: out.done(), confidences: Float64Array.from(confidences) };
}

/** The facts `encodeQuoteFacts` saved, sharing their strings and lists of words (see the module comment). */
export function decodeQuoteFacts(saved: SavedQuoteFacts): QuoteFacts[] {
  const { strings, lists, facts: ints, confidences } = saved;
  const made = new Map<number, string[]>();
  const list = (at: number): string[] => {
    let words = made.get(at);
    if (words === undefined) {
      const n = lists[at] as number;
      words = new Array<string>(n);
      for (let i = 0; i < n; i += 1) words[i] = strings[lists[at + 1 + i] as number] as string;
      made.set(at, words);
    }
    return words;
  };
  let i = 0;
  let c = 0;
  const next = (): number => ints[i++] as number;
  const str = (): string => strings[next()] as string;
  const orNull = (): string | null => {
    const id = next();
    return id < 0 ? null : (strings[id] as string);
  };
  const all: QuoteFacts[] = [];
  while (i < ints.length) {
    const published = str();
    const names = new Array<NameMention>(next());
    const quotes = new Array<QuoteFact>(next());
    for (let k = 0; k < names.length; k += 1) {
      const start = next();
      const end = next();
      names[k] = { start, end, name: str(), role: orNull(), key: str(), first: orNull() };
    }
    for (let k = 0; k < quotes.length; k += 1) {
      const text = str();
      const kind = str() as QuoteKind;
      const sentence = str();
      const words = list(next());
      const sentenceWords = list(next());
      const mention = str();
      const name = orNull();
      const members = list(next());
      const speakerKind = str() as SpeakerRef['kind'];
      const status = str() as SpeakerRef['status'];
      const role = orNull();
      const speaker: SpeakerRef = { mention, name, members, kind: speakerKind, status, role };
      const basis = orNull();
      if (basis !== null) speaker.basis = basis as SpeakerBasis;
      const candidates = next();
      if (candidates >= 0) speaker.candidates = list(candidates);
      quotes[k] = { text, kind, speaker, confidence: confidences[c++] as number, sentence, words, sentenceWords };
    }
    all.push({ published, names, quotes });
  }
  return all;
}
