/**
 * `/verify`: is a pasted quote in the corpus, in these words, from this person? The quotes the index found for
 * the pasted words are compared with them word by word, each outlet's wording on its own, and the best match
 * decides the verdict (see `Verdict`).
 *
 * A quote is compared as what it is: a direct quote's words, and the parts of a mixed quote inside quotation
 * marks, are someone's own words (verbatim or close, or a paraphrase when said in other words); an indirect
 * quote, and a mixed quote whole, are the writer's report of them (a paraphrase at most). The writer's own
 * narration is no one's quote: words found only there are not found.
 */
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { negations, type QuoteGroup, type Speaker } from '../index/quoteBook.ts';
import { terms } from '../nlp/terms.ts';
import { bestWindow, diffWords, type Word, type WordChange, wordChanges, wordsOf } from '../nlp/wordDiff.ts';
import { MAX_CITATIONS } from './citation.ts';
import { quoteResult, quotesOf, speakerLabel } from './quoteResult.ts';
import { type Answer, type Result, UsageError, type Verdict } from './types.ts';
import { CONFIDENT } from './whoSaid.ts';

/** How many matches a page of the answer lists at the command line. */
export const VERIFY_LIMIT = 10;

/** How many quotes the index proposes for a close look: the best by their words, far more than ever match. */
const CANDIDATES = 100;

/**
 * The fewest words a piece of a quotation must have to stand for it: "regime change" is in a quote, but two or
 * three words are a phrase anyone says. A whole quotation of fewer words ("no consensus") is still verbatim.
 */
export const VERBATIM_PIECE = 4;

/** How many of the best quotes are compared in every outlet's wording, read from the index file (the rest by their fullest). */
const IN_EVERY_WORDING = 10;

/** How many nearest quotes a "not found" shows. */
const NEAREST = 3;

/**
 * A close wording, and why these figures: at least 3 of the pasted words stand in the quote in the same order
 * (fewer is a phrase anyone might say), and they are at least 60% of the pasted words and half of the stretch of
 * the quote they stand for (a misremembered quote keeps most of its words: one word in five changed, or a
 * clause dropped from a long quote, passes; a sentence that only shares its topic does not); at least 70% of
 * the pasted content words (stemmed, in any order) are in that stretch; and no negation is inserted, dropped or
 * changed ("are seeking" is not a close wording of "are not seeking").
 */
export const CLOSE = { minKept: 3, ofPasted: 0.6, ofQuote: 0.5, contentOfPasted: 0.7 } as const;

/**
 * A paraphrase: reported speech, or a quotation said again in other words, that shares at least 3 content words
 * (stemmed, in any order) with the pasted words, at least half of the pasted ones, and at least 0.4 of both
 * together (Dice: a report is often longer than the claim made of it, a restatement keeps the names and the
 * striking words but not the grammar; on the annotated cases paraphrases score 0.51 and more, invented quotes and
 * narration 0.23 at most); and both say "not" or neither does. Whatever passes as verbatim or close is not a
 * paraphrase.
 */
export const PARAPHRASE = { minShared: 3, ofPasted: 0.5, dice: 0.4 } as const;

export interface VerifyArgs {
  quote: string;
  speaker?: string | undefined;
}

/** How the claimed speaker stands to a quote's: the one claimed, someone else, a guess of the corpus's, or no one. */
type SpeakerCheck = 'none' | 'as-claimed' | 'other' | 'uncertain' | 'unknown';

/** One wording a quote can be compared as: someone's own words (a quotation), or the writer's report of them. */
interface Unit {
  group: QuoteGroup;
  text: string;
  /** The whole quote this unit is part of (a mixed quote's quoted piece stands in it). */
  quote: string;
  reported: boolean;
}

/** How well a unit matches the pasted words. */
interface Match {
  unit: Unit;
  /** verbatim, close or paraphrase; null when it does not match (it may still be one of the nearest). */
  words: 'verbatim' | 'close' | 'paraphrase' | null;
  /** 0–1: how alike (the words kept, in order, against both lengths; for a report, its content words). */
  score: number;
  differences: WordChange[];
  kept: number;
}

const WORD_RANK = { verbatim: 3, close: 2, paraphrase: 1 } as const;

/** The pasted words without the quotation marks around them (any style) and white space. */
export function pastedWords(text: string): string {
  return text
    .trim()
    .replace(/^["“”„«»‘’'`]+|["“”„«»‘’'`]+$/g, '')
    .trim();
}

/** The pieces of a mixed quote inside quotation marks: the speaker's own words. */
export function quotedPieces(text: string): string[] {
  return [...text.matchAll(/["“«]([^"“”«»]+)["”»]/g)].map((m) => (m[1] as string).trim()).filter((p) => wordsOf(p).length > 0);
}

/** A wording of a quote as the units it is compared as: its words, or its quoted pieces and its report. */
function unitsOfText(group: QuoteGroup, text: string, kind: QuoteGroup['kind']): Unit[] {
  if (kind === 'direct') return [{ group, text, quote: text, reported: false }];
  const pieces = kind === 'mixed' ? quotedPieces(text).map((piece) => ({ group, text: piece, quote: text, reported: false })) : [];
  return [...pieces, { group, text, quote: text, reported: true }];
}

/** Every wording of a group to compare: each outlet's own (its first ten), read from the articles' details. */
function unitsOf(corpus: LoadedCorpus, group: QuoteGroup): Unit[] {
  const texts = new Set(quotesOf(corpus, group, MAX_CITATIONS).map(({ quote }) => quote.text));
  return [...texts].flatMap((text) => unitsOfText(group, text, group.kind));
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** The content words (stemmed) of `a` that `b` has, counted once each. */
function sharedTerms(a: readonly string[], b: readonly string[]): number {
  const have = new Set(b);
  return new Set(a.filter((t) => have.has(t))).size;
}

/** A negation among the words of a change: "not", "never", "can’t"… */
const negates = (words: readonly string[]): boolean => words.some((w) => negations(w) !== '');

/** Compares the pasted words with one wording: as a quotation (in order, word by word) or as a report (its content). */
function compare(pasted: { text: string; words: Word[]; terms: string[] }, unit: Unit): Match {
  const words = wordsOf(unit.text);
  const window = bestWindow(
    words.map((w) => w.norm),
    pasted.words.map((w) => w.norm),
  );
  const stretch = words.slice(window.start, window.end);
  const differences = wordChanges(stretch, pasted.words);
  // Counted on the words as compared: the differences show "so-called" as one word.
  const kept = diffWords(stretch, pasted.words).reduce((k, c) => k + (c.added || c.removed ? 0 : c.count), 0);
  const n = pasted.words.length;
  const base = { unit, differences, kept };
  const content = sameContent(pasted, unit.text);
  if (unit.reported) return { ...base, words: content.paraphrase ? 'paraphrase' : null, score: content.score };
  if (window.edits === 0 && (n >= VERBATIM_PIECE || stretch.length === words.length))
    return { ...base, words: 'verbatim', score: 1, differences: [] };
  const text = stretch.length === 0 ? '' : unit.text.slice(stretch[0]?.start, stretch[stretch.length - 1]?.end);
  const close =
    kept >= CLOSE.minKept &&
    share(kept, n) >= CLOSE.ofPasted &&
    share(kept, stretch.length) >= CLOSE.ofQuote &&
    share(sharedTerms(pasted.terms, terms(text)), new Set(pasted.terms).size) >= CLOSE.contentOfPasted &&
    !differences.some((d) => d.op !== 'same' && (negates(d.words) || (d.op === 'changed' && negates(d.corpus))));
  if (close) return { ...base, words: 'close', score: share(2 * kept, n + stretch.length) };
  // A quotation said again in other words is a paraphrase of it.
  return { ...base, words: content.paraphrase ? 'paraphrase' : null, score: Math.max(content.score, share(2 * kept, n + stretch.length)) };
}

/** Whether a wording says what the pasted words say (see PARAPHRASE), and how alike their content words are (Dice). */
function sameContent(pasted: { text: string; terms: string[] }, text: string): { paraphrase: boolean; score: number } {
  const other = [...new Set(terms(text))];
  const own = [...new Set(pasted.terms)];
  const shared = sharedTerms(own, other);
  const negated = (negations(pasted.text) === '') === (negations(text) === '');
  const dice = share(2 * shared, own.length + other.length);
  return {
    paraphrase: negated && shared >= PARAPHRASE.minShared && share(shared, own.length) >= PARAPHRASE.ofPasted && dice >= PARAPHRASE.dice,
    score: dice,
  };
}

/** How the claimed speaker stands to a quote's speaker. */
function checkSpeaker(group: QuoteGroup, claimed: readonly Speaker[] | null): SpeakerCheck {
  if (claimed === null) return 'none';
  if (group.speakers.some((id) => claimed.some((s) => s.id === id))) return 'as-claimed';
  if (group.speakers.length === 0) return 'unknown';
  return group.confidence < CONFIDENT ? 'uncertain' : 'other';
}

/**
 * The order of matches: the claimed speaker's words (or any, with no claim) first; then words someone else
 * surely said (the claim is wrong); then words whose speaker the corpus is unsure of; then reports. Within
 * each, verbatim before close, then the closer.
 */
function tierOf(m: Match, check: SpeakerCheck): number {
  if (m.words === 'paraphrase' || m.words === null) return 0;
  if (check === 'none' || check === 'as-claimed') return 3;
  return check === 'other' ? 2 : 1;
}

/** The verdict of one match, given how its speaker stands to the claim. */
function verdictOf(m: Match, check: SpeakerCheck): Verdict {
  if (m.words === null) return 'not-found';
  if (m.words !== 'paraphrase' && check === 'other') return 'misattributed';
  return m.words;
}

const LABEL: Record<Verdict, string> = {
  verbatim: 'verbatim',
  close: 'close wording',
  misattributed: 'said by someone else',
  paraphrase: 'paraphrase (the same content in other words)',
  'not-found': 'not a match (one of the nearest quotes)',
};

/** The verdict in words, for a reader. */
export const verdictLabel = (v: Verdict): string => LABEL[v];

const SPEAKER_WORDS: Record<SpeakerCheck, string | null> = {
  none: null,
  'as-claimed': 'as claimed',
  other: 'not the one claimed',
  uncertain: 'not the one claimed, but the corpus is unsure who said it',
  unknown: 'the corpus does not say who said it',
};

/** `/verify`: the closest quotes of the corpus to a pasted one, with a verdict. */
export function verify(corpus: LoadedCorpus, args: VerifyArgs, limit = VERIFY_LIMIT): Answer {
  const text = pastedWords(args.quote);
  const words = wordsOf(text);
  if (words.length < 2) throw new UsageError('give the words of the quote to check: at least two words');
  const claim = args.speaker?.trim() || undefined;
  const claimed = claim === undefined ? null : corpus.quotes.findSpeakers(claim);
  const pasted = { text, words, terms: terms(text) };
  const { hits } = corpus.quotes.query(text.replace(/["“”«»]/g, ' '), corpus.index.lexicon);
  const best = new Map<number, { match: Match; check: SpeakerCheck }>();
  const consider = (group: QuoteGroup, units: readonly Unit[]): void => {
    const check = checkSpeaker(group, claimed);
    for (const unit of units) {
      const match = compare(pasted, unit);
      const was = best.get(group.id);
      if (!was || rank(match, check) > rank(was.match, was.check)) best.set(group.id, { match, check });
    }
  };
  // Ranked by each group's fullest wording, kept in memory; only the best are read in every outlet's wording.
  for (const { group } of hits.slice(0, CANDIDATES)) consider(group, unitsOfText(group, group.text, group.kind));
  const first = [...best.values()].sort((a, b) => rank(b.match, b.check) - rank(a.match, a.check));
  for (const { match } of first.slice(0, IN_EVERY_WORDING)) consider(match.unit.group, unitsOf(corpus, match.unit.group));
  const ranked = [...best.values()].sort((a, b) => rank(b.match, b.check) - rank(a.match, a.check));
  const matches = ranked.filter(({ match }) => match.words !== null);
  const shown = matches.length > 0 ? matches : ranked.filter(({ match }) => match.score > 0).slice(0, NEAREST);
  const results = shown.slice(0, limit).map(({ match, check }) => resultOf(corpus, match, check, claim, words.length));
  const verdict: Verdict = matches[0] ? verdictOf(matches[0].match, matches[0].check) : 'not-found';
  return {
    command: 'verify',
    query: text,
    verdict,
    total: shown.length,
    results,
    notes: notesOf(corpus, verdict, shown[0], claim, claimed, words.length),
  };
}

/** A match's place in the answer: its tier, then verbatim before close before paraphrase, then its score. */
const rank = (m: Match, check: SpeakerCheck): number => tierOf(m, check) * 100 + (m.words === null ? 0 : WORD_RANK[m.words]) * 10 + m.score;

function resultOf(corpus: LoadedCorpus, match: Match, check: SpeakerCheck, claim: string | undefined, n: number): Result {
  const base = quoteResult(corpus, match.unit.group, Number(match.score.toFixed(3)));
  const verdict = verdictOf(match, check);
  const said = SPEAKER_WORDS[check];
  // The verdict and the differences next to the words they are about, before the quote's other fields.
  const { text: _text, speaker, quote: _quote, ...rest } = base;
  return {
    text: match.unit.quote,
    ...(speaker === undefined ? {} : { speaker }),
    quote: match.unit.quote,
    verdict,
    // Word by word only where the wording is the point: a paraphrase or a non-match is other words altogether.
    ...(match.words === 'close' && match.differences.some((d) => d.op !== 'same') ? { differences: match.differences } : {}),
    ...rest,
    details: {
      ...base.details,
      ...(match.unit.text === match.unit.quote || match.words === null ? {} : { compared: `its quoted words “${match.unit.text}”` }),
      ...(match.words === 'close' ? { kept: `${match.kept} of the ${n} pasted words, in the quote’s order` } : {}),
      ...(said && claim && match.words !== null ? { claim: `${claim}: ${said}` } : {}),
    },
  };
}

/** What the reader should know: the verdict in a sentence, and how sure the corpus is of who said it. */
function notesOf(
  corpus: LoadedCorpus,
  verdict: Verdict,
  top: { match: Match; check: SpeakerCheck } | undefined,
  claim: string | undefined,
  claimed: readonly Speaker[] | null,
  pastedCount: number,
): string[] {
  const notes: string[] = [];
  if (claim !== undefined && claimed !== null && claimed.length === 0) notes.push(`no one called "${claim}" is named in the corpus`);
  if (!top || verdict === 'not-found') {
    if (pastedCount < VERBATIM_PIECE) notes.push(`a few words are a phrase, not a quote: give at least ${VERBATIM_PIECE} words of it`);
    notes.unshift(
      top
        ? 'not found: no quote in the corpus has these words; the nearest quotes are shown, and none of them is a match'
        : 'not found: no quote in the corpus has these words, nor any near them',
    );
    return notes;
  }
  const who = speakerLabel(corpus, top.match.unit.group);
  const sentence: Record<Exclude<Verdict, 'not-found'>, string> = {
    verbatim: `verbatim: these words stand in a quote of ${who}`,
    close: `close wording: a quote of ${who} says nearly this; the differences are shown word by word`,
    misattributed: `said by someone else: the claim names ${claim ?? 'another speaker'}, the corpus has these words from ${who}`,
    paraphrase: top.match.unit.reported
      ? `paraphrase: the corpus reports ${who} saying this in its own words (indirect speech), not as a quotation`
      : `paraphrase: a quote of ${who} says this in other words`,
  };
  notes.unshift(sentence[verdict]);
  if (top.check === 'uncertain')
    notes.push(
      `who said it is uncertain in the corpus (${who}, confidence ${top.match.unit.group.confidence}): it neither confirms nor rules out ${claim}`,
    );
  if (top.check === 'unknown') notes.push(`the corpus does not say who said these words: it cannot confirm that ${claim} did`);
  if (top.check === 'other' && verdict === 'paraphrase') notes.push(`the corpus reports this from ${who}, not ${claim}`);
  return notes;
}
