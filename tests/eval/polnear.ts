/**
 * Quotes and speakers against PolNeAR (Newell, Margolin and Ruths, LREC 2018) on a folder laid out as
 * ../shared/data/polnear/dev: DIR/corpus holds the articles as corpus files, DIR/gold.jsonl one attribution a
 * line with offsets into the file. Quotedesk's quotes are read through its own export (src/answer/export.ts),
 * so the spans scored are the ones a researcher gets from `npm run export`.
 *
 * What is scored. PolNeAR annotates every attribution, beliefs and plans included; a quote finder is scored on
 * direct and mixed quotes (kind from quotation marks) and on indirect speech whose cue is a verb of saying
 * (SPEECH_CUES below). The other attributions ("officials believe", "polls show") are reported apart: a found
 * quote that matches one of them is neither right nor wrong and is left out of precision.
 *
 * Matching follows the Gender Gap Tracker's evaluation (sfu-discourse-lab/GenderGapTracker,
 * NLP/evaluation/src/eval/evaluate_quotes.py): the score of a found quote against a gold one is the share of
 * the gold span's characters that the found span covers (asymmetric, gold as reference); a pair needs a score
 * above the threshold, reported at 0.3 and 0.8 as GGT does (GGT compares with `>`, so do we). Gold
 * attributions are taken in text order, each taking the best-scoring found quote still free, one to one; a
 * found quote left over is a false positive. The gold span is the union of its pieces (`spans`) when the
 * content is split around its cue. Scored gold attributions pair first, then the unscored ones take what they
 * overlap of the rest.
 *
 * Per kind: recall over the gold attributions of that kind, precision over the found quotes Quotedesk gave
 * that kind (a found "direct" quote paired with a gold "mixed" one counts as right for both: the kind is
 * checked apart, in `kindAccuracy`).
 *
 * Speakers and cues on paired quotes: see polnearSpeaker.ts. Strict is GGT's (mention spans overlap; no
 * speaker on either side); loose compares who: names by surname, pronouns and descriptions through what the
 * article says about them. Cue: the found cue span overlaps the gold cue span (no cue on either side); `cueExact`
 * is GGT's verb match, the same words lowercased.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type QuoteRecord, quoteRecords } from '../../src/answer/export.ts';
import { decodeArticleFile, loadCorpus } from '../../src/ingest/corpus.ts';
import { type SpeakerJudge, speakerJudge } from './polnearSpeaker.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type GoldKind = 'direct' | 'mixed' | 'indirect';

export interface GoldAttribution {
  article: string;
  id: string;
  quote: Span & { spans?: Span[] };
  speaker: Span | null;
  cue: Span | null;
  kind: GoldKind;
  /**
   * Who the source is, in the article's own words, where the gold gives it (tests/devpages does; PolNeAR does
   * not): the loose speaker check then compares names with it (polnearSpeaker.ts). Null: no one in particular.
   */
  speakerName?: string | null;
}

/**
 * Verbs (and phrases) of saying: an indirect attribution with one of these words in its cue is indirect speech
 * and scored. Left out on purpose: verbs of thinking, wanting and evidence (believe, think, want, expect, show,
 * find, suggest, seem), which PolNeAR annotates but which are not quotations; `called` (mostly "called for",
 * "called X a liar"); a bare colon or preposition as cue.
 */
const SPEECH_WORDS = new Set(
  [
    'say says said saying tell tells told telling add adds added adding state states stated stating',
    'announce announces announced announcing note notes noted noting explain explains explained explaining',
    'write writes wrote writing ask asks asked asking reply replies replied respond responds responded responding',
    'answer answered answers claim claims claimed claiming argue argues argued arguing insist insists insisted insisting',
    'warn warns warned warning declare declares declared declaring confirm confirms confirmed confirming',
    'acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting report reports reported reporting',
    'tweet tweets tweeted tweeting testify testified testifies remark remarked remarks recall recalls recalled recalling',
    'conclude concluded concludes complain complained complains complaining stress stressed stresses stressing',
    'emphasize emphasized emphasizes emphasizing predict predicted predicts promise promised promises promising',
    'pledge pledged pledges vow vowed vows deny denied denies denying assert asserted asserts contend contended contends',
    'mention mentioned mentions comment commented comments repeat repeated repeats reiterate reiterated reiterates',
    'urge urged urges urging quip quipped joke joked shout shouted boast boasted disclose disclosed reveal revealed',
    'inform informed quoted quoting describe described describes describing',
  ]
    .join(' ')
    .split(' '),
);

/** Whether a cue is a verb or phrase of saying ("said", "has told", "according to"). */
export function isSpeechCue(cue: string | null | undefined): boolean {
  if (!cue) return false;
  const lower = cue.toLowerCase();
  if (/\baccording to\b/.test(lower)) return true;
  return lower.split(/[^a-z]+/).some((w) => SPEECH_WORDS.has(w));
}

/** Scored: direct and mixed quotes, and indirect speech with a speech cue. */
export const isScored = (g: GoldAttribution): boolean => g.kind !== 'indirect' || isSpeechCue(g.cue?.text);

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface Pair {
  gold: GoldAttribution;
  found: QuoteRecord;
  score: number;
  speakerStrict: boolean;
  speakerLoose: boolean;
  /** Issue 13's speaker accuracy: the mention overlaps the gold source, or the resolved name is the same person. */
  speaker: boolean;
  cue: boolean;
  cueExact: boolean;
}

export interface KindFigures extends PRF {
  gold: number;
  found: number;
  matchedGold: number;
  matchedFound: number;
  speakerStrict: number;
  speakerLoose: number;
  /** Share of paired quotes whose speaker is right by either check (issue 13's measure). */
  speaker: number;
  cue: number;
  cueExact: number;
}

export const KINDS = ['direct', 'mixed', 'indirect', 'all'] as const;
export type KindRow = (typeof KINDS)[number];

export interface PolnearFigures {
  threshold: number;
  byKind: Record<KindRow, KindFigures>;
  /** Paired scored attributions. */
  pairs: Pair[];
  /** Scored gold attributions with no found quote. */
  missed: GoldAttribution[];
  /** Found quotes paired with nothing: the false positives. */
  extra: QuoteRecord[];
  /** Gold attributions outside the scored set, and how many of them Quotedesk also gave as a quote. */
  unscored: { gold: number; found: number };
  /** Share of paired quotes whose kind is the gold kind. */
  kindAccuracy: number;
}

/** The characters of a span, pieces taken apart. */
const charsOf = (g: GoldAttribution): Array<[number, number]> =>
  g.quote.spans && g.quote.spans.length > 0 ? g.quote.spans.map((s) => [s.start, s.end]) : [[g.quote.start, g.quote.end]];

/** GGT's match score: the share of the gold quote's characters the found span covers. */
export function matchScore(g: GoldAttribution, f: { start: number; end: number }): number {
  let total = 0;
  let covered = 0;
  for (const [s, e] of charsOf(g)) {
    total += e - s;
    covered += Math.max(0, Math.min(e, f.end) - Math.max(s, f.start));
  }
  return total === 0 ? 0 : covered / total;
}

const overlaps = (a: { start: number; end: number } | null, b: { start: number; end: number } | null): boolean =>
  a !== null && b !== null && a.start < b.end && b.start < a.end;

const prf = (matchedFound: number, found: number, matchedGold: number, gold: number): PRF => {
  const precision = found === 0 ? 1 : matchedFound / found;
  const recall = gold === 0 ? 1 : matchedGold / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

const byArticle = <T extends { article: string }>(xs: readonly T[]): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.article, [...(m.get(x.article) ?? []), x]);
  return m;
};

/** GGT's greedy pairing: each gold in turn takes the free found quote it scores best with, above the threshold. */
function pairUp(gold: readonly GoldAttribution[], found: Map<string, QuoteRecord[]>, used: Set<QuoteRecord>, threshold: number) {
  const pairs: Array<{ gold: GoldAttribution; found: QuoteRecord; score: number }> = [];
  for (const g of gold) {
    let best: QuoteRecord | null = null;
    let bestScore = 0;
    for (const f of found.get(g.article) ?? []) {
      if (used.has(f)) continue;
      const s = matchScore(g, f.quote);
      if (s > threshold && s > bestScore) [best, bestScore] = [f, s];
    }
    if (best === null) continue;
    used.add(best);
    pairs.push({ gold: g, found: best, score: bestScore });
  }
  return pairs;
}

const cueWords = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');

function kindFigures(
  pairs: readonly Pair[],
  gold: readonly GoldAttribution[],
  found: readonly QuoteRecord[],
  allPairs: readonly Pair[],
): KindFigures {
  const pairedFound = new Set(allPairs.map((p) => p.found));
  const matchedFound = found.filter((f) => pairedFound.has(f)).length;
  const n = pairs.length;
  const share = (k: 'speakerStrict' | 'speakerLoose' | 'speaker' | 'cue' | 'cueExact'): number =>
    n === 0 ? 0 : pairs.filter((p) => p[k]).length / n;
  return {
    ...prf(matchedFound, found.length, n, gold.length),
    gold: gold.length,
    found: found.length,
    matchedGold: n,
    matchedFound,
    speakerStrict: share('speakerStrict'),
    speakerLoose: share('speakerLoose'),
    speaker: share('speaker'),
    cue: share('cue'),
    cueExact: share('cueExact'),
  };
}

/**
 * The figures of found quotes against gold attributions (both of the same articles; `texts` maps an article to
 * its corpus file's text, which the loose speaker check reads).
 */
export function scorePolnear(
  allGold: readonly GoldAttribution[],
  allFound: readonly QuoteRecord[],
  texts: ReadonlyMap<string, string>,
  threshold: number,
): PolnearFigures {
  const order = (a: GoldAttribution, b: GoldAttribution) => a.article.localeCompare(b.article) || a.quote.start - b.quote.start;
  const scored = allGold.filter(isScored).sort(order);
  const unscored = allGold.filter((g) => !isScored(g)).sort(order);
  const found = byArticle(allFound);
  const used = new Set<QuoteRecord>();
  const judge: SpeakerJudge = speakerJudge(allGold, texts);
  const pairs: Pair[] = pairUp(scored, found, used, threshold).map((p) => {
    const speakerStrict = judge.strict(p.gold, p.found);
    const speakerLoose = judge.loose(p.gold, p.found);
    return {
      ...p,
      speakerStrict,
      speakerLoose,
      speaker: speakerStrict || speakerLoose,
      cue: p.gold.cue === null ? p.found.cue === null : overlaps(p.gold.cue, p.found.cue),
      cueExact: cueWords(p.gold.cue?.text ?? '') === cueWords(p.found.cue?.text ?? ''),
    };
  });
  const outside = new Set(pairUp(unscored, found, used, threshold).map((p) => p.found));
  const counted = allFound.filter((f) => !outside.has(f));
  const pairedGold = new Set(pairs.map((p) => p.gold));
  const pairedFound = new Set(pairs.map((p) => p.found));
  const row = (kind: KindRow): KindFigures =>
    kind === 'all'
      ? kindFigures(pairs, scored, counted, pairs)
      : kindFigures(
          pairs.filter((p) => p.gold.kind === kind),
          scored.filter((g) => g.kind === kind),
          counted.filter((f) => f.kind === kind),
          pairs,
        );
  return {
    threshold,
    byKind: { direct: row('direct'), mixed: row('mixed'), indirect: row('indirect'), all: row('all') },
    pairs,
    missed: scored.filter((g) => !pairedGold.has(g)),
    extra: counted.filter((f) => !pairedFound.has(f)),
    unscored: { gold: unscored.length, found: outside.size },
    kindAccuracy: pairs.length === 0 ? 0 : pairs.filter((p) => p.gold.kind === p.found.kind).length / pairs.length,
  };
}

export const readGold = (dir: string): GoldAttribution[] =>
  readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldAttribution);

export interface PolnearRun {
  gold: GoldAttribution[];
  found: QuoteRecord[];
  texts: Map<string, string>;
  articles: number;
  ms: number;
}

/** Reads DIR/corpus with Quotedesk's ingest and DIR/gold.jsonl; the found quotes are the export's records. */
export function readPolnear(dir: string): PolnearRun {
  const t0 = Date.now();
  const corpus = loadCorpus(join(dir, 'corpus'));
  const texts = new Map<string, string>();
  const found: QuoteRecord[] = [];
  for (const a of corpus.articles) {
    const decoded = decodeArticleFile(readFileSync(join(dir, 'corpus', a.file)));
    if ('reason' in decoded) continue;
    const raw = decoded.text;
    texts.set(a.id, raw);
    found.push(...quoteRecords(a, raw));
  }
  return { gold: readGold(dir), found, texts, articles: corpus.articles.length, ms: Date.now() - t0 };
}

/** Both thresholds GGT reports. */
export const evaluatePolnear = (run: PolnearRun): [PolnearFigures, PolnearFigures] => [
  scorePolnear(run.gold, run.found, run.texts, 0.3),
  scorePolnear(run.gold, run.found, run.texts, 0.8),
];
