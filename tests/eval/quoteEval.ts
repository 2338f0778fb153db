/**
 * Measures the quote finder against the hand annotation in tests/annotations/quotes.json, which a person
 * wrote from the articles without sight of the rules. Used by `npm run eval` and by the floors in
 * tests/quotes.eval.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/index.ts';
import type { Quote } from '../../src/model/index.ts';

export interface GoldQuote {
  article: string;
  kind: 'direct' | 'indirect' | 'mixed';
  quote: string;
  speaker: string | null;
  speakerMention?: string;
  notes?: string;
}

/** The annotated quotes of the article bodies (the two headline quotes are left out: headlines are not body). */
export function goldQuotes(): GoldQuote[] {
  const file = join(import.meta.dirname, '..', 'annotations', 'quotes.json');
  const all = (JSON.parse(readFileSync(file, 'utf8')) as { quotes: GoldQuote[] }).quotes;
  return all.filter((q) => !q.notes?.startsWith('HEADLINE'));
}

const tokens = (s: string): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .split(/[^\p{L}\p{N}']+/u)
      .filter((t) => t.length > 0),
  );

/** How much two quotes share: the share of the shorter one's words that the longer one has. */
export function overlap(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let n = 0;
  for (const t of x) if (y.has(t)) n += 1;
  return n / Math.min(x.size, y.size);
}

/** The share of the found quote's own words that are in the annotated one: a run-on quote scores low. */
export function purity(gold: string, found: string): number {
  const g = tokens(gold);
  const f = tokens(found);
  if (f.size === 0) return 0;
  let n = 0;
  for (const t of f) if (g.has(t)) n += 1;
  return n / f.size;
}

/**
 * Speakers compared by surname (people) or by name (organisations); several people as a set. The seeds
 * have no two people with one surname; tests/who-said.test.ts checks that the registry keeps such people apart.
 */
export function speakerKey(name: string | null): string {
  if (name === null) return '(none)';
  return name
    .split(/\s+and\s+/)
    .map((n) => {
      const w = n
        .replace(/['’]s\b/g, 's')
        .toLowerCase()
        .replace(/[^a-z\s]/g, '')
        .trim()
        .split(/\s+/);
      return w.length > 1 && /^[A-Z]/.test(n) && !/^(the|united|western)$/.test(w[0] ?? '') ? (w[w.length - 1] ?? '') : w.join(' ');
    })
    .sort()
    .join('+');
}

export interface Pair {
  gold: GoldQuote;
  found: Quote;
  overlap: number;
}

export interface Figures {
  found: number;
  gold: number;
  matchedFound: number;
  matchedGold: number;
  precision: number;
  recall: number;
  speakersRight: number;
  speakerAccuracy: number;
}

export interface Evaluation {
  pairs: Pair[];
  unmatchedFound: Quote[];
  unmatchedGold: GoldQuote[];
  /** Direct and mixed quotes (with quoted words) and indirect speech, each measured on its own. */
  direct: Figures;
  indirect: Figures;
  all: Figures;
  kindAccuracy: number;
}

const hasQuotedWords = (kind: string): boolean => kind === 'direct' || kind === 'mixed';

/** Matches found quotes to annotated ones one to one (same article, most words shared first, at least 60%). */
export function evaluate(articles: Article[], gold: GoldQuote[] = goldQuotes()): Evaluation {
  const found = articles.flatMap((a) => a.quotes);
  const candidates: Pair[] = [];
  for (const g of gold) {
    for (const f of found) {
      if (f.article !== g.article) continue;
      const o = overlap(g.quote, f.text);
      if (o >= 0.6 && purity(g.quote, f.text) >= 0.5) candidates.push({ gold: g, found: f, overlap: o });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap);
  const pairs: Pair[] = [];
  const usedGold = new Set<GoldQuote>();
  const usedFound = new Set<Quote>();
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedFound.has(c.found)) continue;
    pairs.push(c);
    usedGold.add(c.gold);
    usedFound.add(c.found);
  }
  const right = (p: Pair): boolean => speakerKey(p.gold.speaker) === speakerKey(p.found.speaker.name);
  const figures = (goldOf: (g: GoldQuote) => boolean, foundOf: (f: Quote) => boolean): Figures => {
    const g = gold.filter(goldOf);
    const f = found.filter(foundOf);
    const matchedFound = f.filter((x) => usedFound.has(x)).length;
    const matchedGold = g.filter((x) => usedGold.has(x)).length;
    const ps = pairs.filter((p) => goldOf(p.gold));
    const speakersRight = ps.filter(right).length;
    return {
      found: f.length,
      gold: g.length,
      matchedFound,
      matchedGold,
      precision: f.length === 0 ? 1 : matchedFound / f.length,
      recall: g.length === 0 ? 1 : matchedGold / g.length,
      speakersRight,
      speakerAccuracy: ps.length === 0 ? 1 : speakersRight / ps.length,
    };
  };
  return {
    pairs,
    unmatchedFound: found.filter((f) => !usedFound.has(f)),
    unmatchedGold: gold.filter((g) => !usedGold.has(g)),
    direct: figures(
      (g) => hasQuotedWords(g.kind),
      (f) => hasQuotedWords(f.kind),
    ),
    indirect: figures(
      (g) => g.kind === 'indirect',
      (f) => f.kind === 'indirect',
    ),
    all: figures(
      () => true,
      () => true,
    ),
    kindAccuracy: pairs.length === 0 ? 1 : pairs.filter((p) => p.gold.kind === p.found.kind).length / pairs.length,
  };
}
