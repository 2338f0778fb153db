/**
 * TempEval-3 Task A (UzZaman et al., SemEval-2013) on a folder laid out as ../shared/data/timeml-train:
 * DIR/corpus holds the documents as corpus files, DIR/gold.jsonl one TIMEX3 a line with offsets into the
 * file. Relaxed match: any overlap; strict: the same span (Quotedesk's leading preposition left out, as
 * TimeML does); value accuracy on relaxed matches; value F1 = relaxed F1 × value accuracy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import type { Article } from '../../src/model/index.ts';
import { isRemarksDated } from '../../src/nlp/dates/basis.ts';
import { explainDate } from '../../src/nlp/dates/explain.ts';
import { timexLead, timexOf, type TimexType } from '../../src/nlp/dates/timex.ts';

export interface GoldTimex {
  article: string;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
}

/** A temporal expression Quotedesk found, as TIMEX3, with its span in the file and how it was resolved. */
export interface FoundTimex extends GoldTimex {
  derivation: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TimemlFigures {
  gold: number;
  found: number;
  relaxed: PRF;
  strict: PRF;
  valueAccuracy: number;
  valueF1: number;
  typeAccuracy: number;
  pairs: Array<{ gold: GoldTimex; found: FoundTimex }>;
  missed: GoldTimex[];
  extra: FoundTimex[];
}

export const readGold = (dir: string): GoldTimex[] =>
  readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldTimex);

/**
 * Every temporal expression of the articles as TIMEX3, spans without the leading preposition; a mention dated
 * by its speaker's remarks nearby has no expression of its own and is no TIMEX3.
 */
export function foundTimexes(articles: readonly Article[]): FoundTimex[] {
  return articles.flatMap((a) =>
    a.events.flatMap((e) => {
      if (isRemarksDated(e.time.basis)) return [];
      const lead = timexLead(e.time.text);
      const { type, value } = timexOf(e.time);
      const start = e.time.offsets[0] + lead;
      const found: FoundTimex = {
        article: a.id,
        start,
        end: e.time.offsets[1],
        text: e.time.text.slice(lead),
        type,
        value,
        derivation: `${e.time.value ?? '-'}: ${explainDate(e.time)}`,
      };
      return [found];
    }),
  );
}

const prf = (matchedFound: number, found: number, matchedGold: number, gold: number): PRF => {
  const precision = found === 0 ? 1 : matchedFound / found;
  const recall = gold === 0 ? 1 : matchedGold / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

/** Pairs gold and found one to one, in order, by `same`: each gold takes the first free found expression. */
function pair(gold: readonly GoldTimex[], found: readonly FoundTimex[], same: (g: GoldTimex, f: FoundTimex) => boolean) {
  const byArticle = new Map<string, FoundTimex[]>();
  for (const f of found) byArticle.set(f.article, [...(byArticle.get(f.article) ?? []), f]);
  const used = new Set<FoundTimex>();
  const pairs: Array<{ gold: GoldTimex; found: FoundTimex }> = [];
  for (const g of gold) {
    const f = byArticle.get(g.article)?.find((x) => !used.has(x) && same(g, x));
    if (!f) continue;
    used.add(f);
    pairs.push({ gold: g, found: f });
  }
  return { pairs, used };
}

/** The Task A figures of found expressions against gold ones (both of the same articles). */
export function scoreTimeml(gold: readonly GoldTimex[], found: readonly FoundTimex[]): TimemlFigures {
  const relaxed = pair(gold, found, (g, f) => f.start < g.end && g.start < f.end);
  const strict = pair(gold, found, (g, f) => f.start === g.start && f.end === g.end);
  const paired = new Set(relaxed.pairs.map((p) => p.gold));
  const n = relaxed.pairs.length;
  const r = prf(n, found.length, n, gold.length);
  const valueAccuracy = n === 0 ? 0 : relaxed.pairs.filter((p) => p.gold.value === p.found.value).length / n;
  return {
    gold: gold.length,
    found: found.length,
    relaxed: r,
    strict: prf(strict.pairs.length, found.length, strict.pairs.length, gold.length),
    valueAccuracy,
    valueF1: r.f1 * valueAccuracy,
    typeAccuracy: n === 0 ? 0 : relaxed.pairs.filter((p) => p.gold.type === p.found.type).length / n,
    pairs: relaxed.pairs,
    missed: gold.filter((g) => !paired.has(g)),
    extra: found.filter((f) => !relaxed.used.has(f)),
  };
}

/** Reads DIR/corpus and DIR/gold.jsonl and scores all expressions, and DATE ones alone. */
export function evaluateTimeml(dir: string): { all: TimemlFigures; date: TimemlFigures } {
  const corpus = loadCorpus(join(dir, 'corpus'));
  const gold = readGold(dir);
  const found = foundTimexes(corpus.articles);
  return {
    all: scoreTimeml(gold, found),
    date: scoreTimeml(
      gold.filter((g) => g.type === 'DATE'),
      found.filter((f) => f.type === 'DATE'),
    ),
  };
}
