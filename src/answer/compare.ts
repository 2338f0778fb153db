import { quoteAt } from '../index/articleStore.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { ParagraphHit } from '../index/paragraphIndex.ts';
import type { QuoteGroup } from '../index/quoteBook.ts';
import type { Article, Paragraph, Quote } from '../model/index.ts';
import { weightedLogOdds } from '../nlp/logOdds.ts';
import { tokenize, writtenForm } from '../nlp/terms.ts';
import { foldText } from '../nlp/text.ts';
import { citationOf } from './citation.ts';
import { outletNames } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import { quotePieces, speakerLabel } from './quoteResult.ts';
import { snippet } from './snippet.ts';
import { type Answer, type Citation, type OutletCoverage, type Result, UsageError } from './types.ts';

/**
 * A paragraph is on the topic when /search finds it for the topic with at least this share of the best
 * paragraph's score: a paragraph that has only the commonest word of "regime change" is not about it.
 */
export const TOPIC_FLOOR = 1 / 3;

/**
 * Fewer counted words than this an outlet, on average, in the paragraphs on the topic is too little to tell
 * outlets' wording apart (about one long paragraph each): the words are then counted over every paragraph of
 * the outlets compared, and a note says so.
 */
export const MIN_WORDS_PER_OUTLET = 100;

/**
 * The prior's strength α₀ as a share of the words compared: the whole corpus's word shares weigh as a tenth of
 * the evidence. That keeps a word said once or twice from standing out, yet lets a word that one outlet says
 * several times and the others hardly ever stand out. (The corpus's counts as they are would outweigh the words
 * compared, which are a part of them, and on a small corpus let nothing stand out.)
 */
export const PRIOR_WEIGHT = 0.1;

/** A word is distinctive of an outlet when its z-scored log-odds against the others is at least this (the 95% level, two-sided). */
export const Z_MIN = 1.96;

/** How many distinctive words, speakers and quotes only it carries one outlet lists. */
export const WORDS_SHOWN = 5;
export const SPEAKERS_SHOWN = 5;
export const ONLY_HERE_SHOWN = 3;

export interface CompareArgs {
  topic: string;
  outlets?: string | undefined;
}

const UNKNOWN_OUTLET = 'unknown outlet';
const outletOf = (a: Article): string => a.meta.outlet ?? UNKNOWN_OUTLET;

/**
 * The outlets an `outlets:` list names, in corpus order: each comma-separated name is any part of an outlet's
 * name, case and accents aside (as `outlet:` reads one). Every outlet when the list is left out.
 */
export function chosenOutlets(corpus: LoadedCorpus, list: string | undefined): string[] {
  const all = outletNames(corpus);
  if (list === undefined) return all;
  const chosen = new Set<string>();
  for (const name of list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')) {
    const want = foldText(name);
    const found = all.filter((o) => foldText(o).includes(want));
    if (found.length === 0) throw new UsageError(`no outlet matches "${name}"; the outlets are: ${all.join(', ')}`);
    for (const o of found) chosen.add(o);
  }
  const out = all.filter((o) => chosen.has(o));
  if (out.length === 0) throw new UsageError(`outlets: names no outlet; the outlets are: ${all.join(', ')}`);
  if (out.length < 2)
    throw new UsageError(
      `outlets: names only ${out[0]}; name two or more, separated by commas, or leave outlets: out to compare every outlet`,
    );
  return out;
}

/** Where a word stands: the paragraph it was first met in (the best on the topic first) and its characters. */
interface Place {
  article: Article;
  paragraph: Paragraph;
  start: number;
}

/** One outlet's words: how often each term, how it writes each, and where each written form was first met. */
interface WordCounts {
  counts: Map<string, number>;
  forms: Map<string, Map<string, number>>;
  /** By term and form ("remain\u0000remained"): a word is cited where it stands as it is shown. */
  first: Map<string, Place>;
}

const formKey = (term: string, form: string): string => `${term}\u0000${form}`;

/** Terms of a text for telling wording apart: the index's words, each spelling of a name its own, numbers left out. */
function wordTokens(text: string): Array<{ term: string; start: number; form: string }> {
  return tokenize(text, { spellings: true }).flatMap((t) => {
    const form = writtenForm(text.slice(t.start, t.end));
    return t.term !== null && /\p{L}/u.test(form) ? [{ term: t.term, start: t.start, form }] : [];
  });
}

/** Counts the words of paragraphs, in the order given (so that each word's first place is the best paragraph with it). */
function countWords(paragraphs: ReadonlyArray<{ article: Article; paragraph: Paragraph }>): WordCounts {
  const out: WordCounts = { counts: new Map(), forms: new Map(), first: new Map() };
  for (const { article, paragraph } of paragraphs) {
    for (const { term, start, form } of wordTokens(paragraph.text)) {
      out.counts.set(term, (out.counts.get(term) ?? 0) + 1);
      let forms = out.forms.get(term);
      if (!forms) out.forms.set(term, (forms = new Map()));
      forms.set(form, (forms.get(form) ?? 0) + 1);
      if (!out.first.has(formKey(term, form))) out.first.set(formKey(term, form), { article, paragraph, start });
    }
  }
  return out;
}

/** The prior of the statistic: the whole corpus's word counts, worked out once per corpus. */
const priors = new WeakMap<readonly Article[], Map<string, number>>();
function corpusCounts(articles: readonly Article[]): Map<string, number> {
  let prior = priors.get(articles);
  if (!prior) {
    prior = countWords(articles.flatMap((article) => article.paragraphs.map((paragraph) => ({ article, paragraph })))).counts;
    priors.set(articles, prior);
  }
  return prior;
}

/** The form an outlet writes a term in most often (the first met on a tie). */
function usualForm(forms: ReadonlyMap<string, number> | undefined, term: string): string {
  let best = term;
  let most = 0;
  for (const [form, n] of forms ?? []) {
    if (n > most) {
      best = form;
      most = n;
    }
  }
  return best;
}

/** The sentence of a paragraph a character stands in (the paragraph whole when its sentences do not say). */
function sentenceAt(paragraph: Paragraph, at: number): string {
  let from = 0;
  for (const s of paragraph.sentences) {
    const i = paragraph.text.indexOf(s.text, from);
    if (i === -1) continue;
    if (i <= at && at < i + s.text.length) return s.text;
    from = i + s.text.length;
  }
  return paragraph.text;
}

/** A quote in one outlet's paragraph on the topic, with the rank of that paragraph among the outlet's. */
interface QuoteOnTopic {
  group: QuoteGroup;
  article: Article;
  quote: Quote;
  rank: number;
}

/** The quotes standing in each outlet's paragraphs on the topic, and the outlets compared that carry each group. */
function quotesOnTopic(
  corpus: LoadedCorpus,
  chosen: ReadonlySet<string>,
  rankOf: ReadonlyMap<Paragraph, number>,
): { byOutlet: Map<string, QuoteOnTopic[]>; carriers: Map<QuoteGroup, Set<string>> } {
  const byOutlet = new Map<string, QuoteOnTopic[]>();
  const carriers = new Map<QuoteGroup, Set<string>>();
  for (const group of corpus.quotes.groups) {
    const found: QuoteOnTopic[] = [];
    const outlets = new Set<string>();
    for (const ref of group.refs) {
      const article = corpus.articles[ref.article] as Article;
      const outlet = outletOf(article);
      if (!chosen.has(outlet)) continue;
      outlets.add(outlet);
      const quote = quoteAt(article, ref.quote) as Quote;
      const rank = rankOf.get(article.paragraphs[quote.paragraph] as Paragraph);
      if (rank !== undefined) found.push({ group, article, quote, rank });
    }
    if (found.length === 0) continue;
    carriers.set(group, outlets);
    for (const q of found) {
      const list = byOutlet.get(outletOf(q.article)) ?? [];
      list.push(q);
      byOutlet.set(outletOf(q.article), list);
    }
  }
  for (const list of byOutlet.values()) list.sort((a, b) => a.rank - b.rank);
  return { byOutlet, carriers };
}

/** A result's citations, each once: `add` gives the index of a citation (an equal one already there, its own). */
function citationList(): { list: Citation[]; add: (c: Citation) => number } {
  const list: Citation[] = [];
  const keys = new Map<string, number>();
  return {
    list,
    add(c) {
      const key = `${c.article}\u0000${c.paragraph}\u0000${c.text ?? ''}`;
      let i = keys.get(key);
      if (i === undefined) {
        i = list.push(c) - 1;
        keys.set(key, i);
      }
      return i;
    },
  };
}

/** The citation of a quote: its first paragraph, with the quote's own words there. */
function quoteCitation(q: QuoteOnTopic): Citation {
  const { article, quote } = q;
  const first = quotePieces(article, quote)[0] as { paragraph: Paragraph; words: string };
  return citationOf(article, first.paragraph, first.words);
}

interface OutletInput {
  outlet: string;
  hits: ParagraphHit[];
  quotes: QuoteOnTopic[];
  words: WordCounts;
  /** The words of every other outlet compared, together. */
  rest: Map<string, number>;
  /** α₀, the prior's strength. */
  strength: number;
}

/** One outlet's coverage as a result: counts, its best paragraph, speakers, quotes only it carries, its words; each cited. */
function coverageResult(corpus: LoadedCorpus, input: OutletInput, carriers: ReadonlyMap<QuoteGroup, Set<string>>): Result {
  const { outlet, hits, quotes, words, rest, strength } = input;
  const cites = citationList();
  const best = hits[0];
  const bestCut = best ? snippet(best.paragraph.text, best.highlights) : null;
  const coverage: OutletCoverage = {
    outlet,
    paragraphs: hits.length,
    articles: new Set(hits.map((h) => h.article)).size,
    best:
      best && bestCut
        ? {
            snippet: bestCut.text,
            score: Number(best.score.toFixed(3)),
            citation: cites.add(citationOf(best.article, best.paragraph, best.paragraph.text)),
          }
        : null,
    speakers: [],
    onlyHere: [],
    onlyHereTotal: 0,
    words: [],
  };
  // Speakers by how many of this outlet's quotes on the topic are theirs (a joint statement counts for each of
  // its speakers); a tie, the one in the better paragraph first.
  const bySpeaker = new Map<string, { quotes: number; first: QuoteOnTopic }>();
  for (const q of quotes) {
    for (const id of q.group.speakers) {
      const name = corpus.quotes.speaker(id)?.name ?? id;
      const entry = bySpeaker.get(name);
      if (entry) entry.quotes += 1;
      else bySpeaker.set(name, { quotes: 1, first: q });
    }
  }
  coverage.speakers = [...bySpeaker.entries()]
    .sort((a, b) => b[1].quotes - a[1].quotes || a[1].first.rank - b[1].first.rank)
    .slice(0, SPEAKERS_SHOWN)
    .map(([speaker, { quotes: n, first }]) => ({ speaker, quotes: n, citation: cites.add(quoteCitation(first)) }));
  const only = quotes.filter((q, i) => carriers.get(q.group)?.size === 1 && quotes.findIndex((o) => o.group === q.group) === i);
  coverage.onlyHereTotal = only.length;
  coverage.onlyHere = only.slice(0, ONLY_HERE_SHOWN).map((q) => {
    const citation = cites.add(quoteCitation(q));
    return { speaker: speakerLabel(corpus, q.group), quote: cites.list[citation]?.text ?? q.quote.text, citation };
  });
  const scores = weightedLogOdds(words.counts, rest, corpusCounts(corpus.articles), strength);
  coverage.words = [...scores.entries()]
    .filter(([, s]) => s.z >= Z_MIN)
    .sort((a, b) => b[1].z - a[1].z || a[0].localeCompare(b[0]))
    .slice(0, WORDS_SHOWN)
    .map(([term, s]) => {
      const word = usualForm(words.forms.get(term), term);
      const place = words.first.get(formKey(term, word)) as Place;
      return {
        word,
        z: Number(s.z.toFixed(2)),
        count: words.counts.get(term) ?? 0,
        others: rest.get(term) ?? 0,
        citation: cites.add(citationOf(place.article, place.paragraph, sentenceAt(place.paragraph, place.start))),
      };
    });
  const text =
    hits.length === 0
      ? `${outlet}: no paragraph on the topic`
      : `${outlet}: ${hits.length} paragraph${hits.length === 1 ? '' : 's'} on the topic in ${coverage.articles} article${coverage.articles === 1 ? '' : 's'}`;
  return { text, coverage, citations: cites.list };
}

/** The words of the paragraphs of each outlet, best on the topic first, then (when asked) every other paragraph. */
function wordsOf(corpus: LoadedCorpus, outlet: string, hits: readonly ParagraphHit[], everyParagraph: boolean): WordCounts {
  const seen = new Set(hits.map((h) => h.paragraph));
  const rest = everyParagraph
    ? corpus.articles
        .filter((a) => outletOf(a) === outlet)
        .flatMap((article) => article.paragraphs.filter((p) => !seen.has(p)).map((paragraph) => ({ article, paragraph })))
    : [];
  return countWords([...hits, ...rest]);
}

const sum = (counts: ReadonlyMap<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

/**
 * `/compare`: how each outlet covers a topic, one result per outlet: its paragraphs on the topic (those /search
 * finds scoring at least TOPIC_FLOOR of the best) and its best one, who it quotes there and how often, the
 * quotes on the topic no other outlet compared carries, and the words it uses that the others do not (z-scored
 * weighted log-odds, Monroe et al. 2008, against the other outlets, prior the whole corpus). Fewer than two
 * outlets on the topic: no comparison, and a note says why.
 */
export function compare(corpus: LoadedCorpus, args: CompareArgs): Answer {
  const { topic } = args;
  const outlets = chosenOutlets(corpus, args.outlets);
  const chosen = new Set(outlets);
  const found = corpus.index.query(topic, (a) => chosen.has(outletOf(a)));
  const notes = queryNotes(found.corrections, found.unknown);
  const top = found.hits[0]?.score ?? 0;
  const onTopic = found.hits.filter((h) => h.score >= top * TOPIC_FLOOR);
  const hitsOf = new Map<string, ParagraphHit[]>(outlets.map((o) => [o, []]));
  for (const h of onTopic) hitsOf.get(outletOf(h.article))?.push(h);
  const covering = outlets.filter((o) => (hitsOf.get(o)?.length ?? 0) > 0);
  const none = (why: string): Answer => ({ command: 'compare', query: topic, total: 0, results: [], notes: [why, ...notes] });
  if (outlets.length < 2) return none(`the corpus has one outlet (${outlets[0] ?? 'none'}): there is nothing to compare it with`);
  if (covering.length === 0)
    return none(`nothing in ${args.outlets === undefined ? 'the corpus' : 'those outlets'} matches ${JSON.stringify(topic)}`);
  if (covering.length === 1) {
    const n = hitsOf.get(covering[0] as string)?.length ?? 0;
    return none(
      `only ${covering[0]} has paragraphs on ${JSON.stringify(topic)} (${n}): /compare needs two outlets on the topic; /search ${topic} lists them`,
    );
  }
  // Paragraphs on the topic in rank order, per outlet: the rank says which quote or word place is best.
  const rankOf = new Map<Paragraph, number>();
  onTopic.forEach((h, i) => rankOf.set(h.paragraph, i));
  const { byOutlet, carriers } = quotesOnTopic(corpus, chosen, rankOf);
  const topicWords = new Map(covering.map((o) => [o, wordsOf(corpus, o, hitsOf.get(o) ?? [], false)]));
  const counted = [...topicWords.values()].reduce((n, w) => n + sum(w.counts), 0);
  const everyParagraph = counted < MIN_WORDS_PER_OUTLET * covering.length;
  const words = everyParagraph ? new Map(covering.map((o) => [o, wordsOf(corpus, o, hitsOf.get(o) ?? [], true)])) : topicWords;
  const strength = PRIOR_WEIGHT * [...words.values()].reduce((n, w) => n + sum(w.counts), 0);
  // An outlet named in outlets: is shown even with nothing on the topic; of every outlet, those on it (a note names the rest).
  const shown = args.outlets === undefined ? covering : outlets;
  const results = shown.map((outlet) => {
    const own = words.get(outlet) ?? { counts: new Map(), forms: new Map(), first: new Map() };
    const rest = new Map<string, number>();
    for (const [o, w] of words) if (o !== outlet) for (const [t, n] of w.counts) rest.set(t, (rest.get(t) ?? 0) + n);
    const input = { outlet, hits: hitsOf.get(outlet) ?? [], quotes: byOutlet.get(outlet) ?? [], words: own, rest, strength };
    return coverageResult(corpus, input, carriers);
  });
  notes.push(
    `paragraphs on the topic: those /search finds for it scoring at least a third of the best (${onTopic.length} of ${found.hits.length})`,
    `distinctive words: z-scored weighted log-odds against the other outlets (Monroe et al. 2008), prior the whole corpus's word shares weighing a tenth of the words compared, z ≥ ${Z_MIN}, counted over ${
      everyParagraph
        ? `every paragraph of each outlet, since the paragraphs on the topic hold only ${counted} words`
        : 'the paragraphs on the topic'
    }`,
    'only here: quotes on the topic that no other outlet compared carries',
  );
  const silent = outlets.filter((o) => !covering.includes(o));
  if (silent.length > 0) notes.push(`no paragraph on the topic: ${silent.join(', ')}`);
  return { command: 'compare', query: topic, total: results.length, results, ...withNotes(notes) };
}
