/**
 * Measures date finding and resolution against the hand annotation in tests/annotations/dates.json,
 * written from the articles without sight of the rules. Used by `npm run eval` and tests/dates.eval.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMention } from '../../src/model/index.ts';
import { isRemarksDated } from '../../src/nlp/dates/basis.ts';
import type { Article } from '../../src/model/index.ts';

export interface GoldDate {
  article: string;
  text: string;
  sentence: string;
  granularity: string;
  value: string | null;
  derivation: string;
  inCaption?: boolean;
}

const fold = (s: string): string => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The annotated expressions that stand in the body or a caption of their article (the annotator also
 * dated a headline's "for now"; headlines are metadata here, not text to date).
 */
export function goldDates(articles: Article[]): GoldDate[] {
  const file = join(import.meta.dirname, '..', 'annotations', 'dates.json');
  const all = (JSON.parse(readFileSync(file, 'utf8')) as { expressions: GoldDate[] }).expressions;
  return all.filter((g) => {
    const a = articles.find((x) => x.id === g.article);
    const title = fold(a?.meta.title ?? '');
    return !(title !== '' && fold(g.sentence).startsWith(title.slice(0, 30)));
  });
}

/** [start, end] of a value as comparable strings, '' and '~' for open ends. */
function bounds(value: string): [string, string] {
  const [a, b] = value.split('/');
  const lo = (x: string): string => (x === '..' ? '' : x);
  const hi = (x: string): string => (x === '..' ? '~' : `${x}~`);
  return b === undefined ? [lo(value), hi(value)] : [lo(a as string), hi(b)];
}

/**
 * Is the found value right? The same ISO value; or, for a vague range the annotator had to choose the
 * bounds of ("in recent months", "in the coming days", "in the future"), a range that overlaps the
 * annotated one and is open or closed on the same sides.
 */
export function rightValue(gold: GoldDate, found: string | null): boolean {
  if (gold.value === found) return true;
  if (gold.value === null || found === null || gold.granularity !== 'range' || !found.includes('/')) return false;
  const [g0, g1] = bounds(gold.value);
  const [f0, f1] = bounds(found);
  const sameEnds = (g0 === '') === (f0 === '') && (g1 === '~') === (f1 === '~');
  return sameEnds && f0 <= g1 && g0 <= f1;
}

export interface DateEvaluation {
  gold: number;
  found: number;
  matched: Array<{ gold: GoldDate; found: EventMention; right: boolean }>;
  missed: GoldDate[];
  extra: EventMention[];
  /** Share of annotated expressions found. */
  foundShare: number;
  /** Share of annotated expressions found and resolved to the right value. */
  rightShare: number;
}

/** Pairs each annotated expression with a found one in the same sentence whose words overlap it. */
export function evaluateDates(articles: Article[], gold: GoldDate[] = goldDates(articles)): DateEvaluation {
  // A mention dated by its speaker's remarks nearby has no expression of its own to pair.
  const found = articles.flatMap((a) => a.events.filter((e) => !isRemarksDated(e.time.basis)).map((e) => ({ article: a.id, e })));
  const used = new Set<EventMention>();
  const matched: DateEvaluation['matched'] = [];
  const missed: GoldDate[] = [];
  for (const g of gold) {
    const gs = fold(g.sentence).slice(0, 40);
    const gt = fold(g.text);
    const hit = found.find(({ article, e }) => {
      if (article !== g.article || used.has(e) || !fold(e.sentence).startsWith(gs)) return false;
      const ft = fold(e.time.text);
      return ft.includes(gt) || gt.includes(ft);
    });
    if (!hit) missed.push(g);
    else {
      used.add(hit.e);
      matched.push({ gold: g, found: hit.e, right: rightValue(g, hit.e.time.value) });
    }
  }
  return {
    gold: gold.length,
    found: found.length,
    matched,
    missed,
    extra: found.filter(({ e }) => !used.has(e)).map(({ e }) => e),
    foundShare: gold.length === 0 ? 1 : matched.length / gold.length,
    rightShare: gold.length === 0 ? 1 : matched.filter((m) => m.right).length / gold.length,
  };
}
