/**
 * Prints the PolNeAR figures of `npm run eval -- --polnear [DIR]`; with verbose, every miss, false positive and
 * wrong speaker by article, and a tally of rough error classes (polnearClasses.ts).
 */
import { type QuoteRecord } from '../../src/answer/export.ts';
import { extraClasses, missClasses, speakerClasses } from './polnearClasses.ts';
import { type GoldAttribution, KINDS, type KindFigures, type PolnearFigures, evaluatePolnear, readPolnear } from './polnear.ts';
import { speakerJudge } from './polnearSpeaker.ts';

const f3 = (x: number): string => x.toFixed(3);
const num = (x: number, w: number): string => String(x).padStart(w);

const row = (name: string, k: KindFigures): string =>
  [
    `${name.padEnd(9)} gold ${num(k.gold, 5)} found ${num(k.found, 5)}`,
    `P ${f3(k.precision)} R ${f3(k.recall)} F1 ${f3(k.f1)}`,
    `speaker ${f3(k.speaker)} (loose ${f3(k.speakerLoose)} strict ${f3(k.speakerStrict)})`,
    `cue ${f3(k.cue)} exact ${f3(k.cueExact)}`,
  ].join(' | ');

const snippet = (s: string, n = 90): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > n ? `${flat.slice(0, n - 1)}…` : flat);
};

function tally(title: string, items: ReadonlyArray<{ classes: string[]; line: string }>): void {
  const counts = new Map<string, string[]>();
  for (const it of items) for (const c of it.classes) counts.set(c, [...(counts.get(c) ?? []), it.line]);
  console.log(`\n${title} (${items.length}), by class (heuristic labels; one item can have several):`);
  for (const [c, lines] of [...counts].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${num(lines.length, 5)}  ${c}`);
    for (const l of lines.slice(0, 2)) console.log(`           e.g. ${l}`);
  }
}

function printFigures(f: PolnearFigures): void {
  console.log(`\nOverlap > ${f.threshold} of the gold span:`);
  for (const k of KINDS) console.log(`  ${row(k, f.byKind[k])}`);
  const dm = { ...f.byKind.direct };
  console.log(`  kind right on paired quotes ${f3(f.kindAccuracy)}; direct paired ${dm.matchedGold}, mixed ${f.byKind.mixed.matchedGold}`);
}

export function printPolnear(dir: string, verbose: boolean): void {
  const run = readPolnear(dir);
  const t0 = Date.now();
  const [low, high] = evaluatePolnear(run);
  const dm = low.pairs.filter((p) => p.gold.kind !== 'indirect');
  const dmGold = low.byKind.direct.gold + low.byKind.mixed.gold;
  const dmFound = low.byKind.direct.found + low.byKind.mixed.found;
  const dmMatchedFound = low.byKind.direct.matchedFound + low.byKind.mixed.matchedFound;
  const p = dmFound === 0 ? 1 : dmMatchedFound / dmFound;
  const r = dmGold === 0 ? 1 : dm.length / dmGold;
  console.log(`PolNeAR on ${dir}: ${run.articles} articles, ${run.gold.length} attributions, ${run.found.length} quotes found`);
  console.log(
    `scored: direct, mixed, and indirect with a speech cue (${low.byKind.all.gold}); left apart: ${low.unscored.gold} other attributions, ${low.unscored.found} of which Quotedesk gave as quotes (out of precision)`,
  );
  printFigures(low);
  printFigures(high);
  console.log(
    `\ndirect and mixed together at 0.3: P ${f3(p)} R ${f3(r)} F1 ${f3(p + r === 0 ? 0 : (2 * p * r) / (p + r))} speaker ${f3(dm.filter((x) => x.speaker).length / Math.max(1, dm.length))} (loose ${f3(dm.filter((x) => x.speakerLoose).length / Math.max(1, dm.length))} strict ${f3(dm.filter((x) => x.speakerStrict).length / Math.max(1, dm.length))})`,
  );
  console.log(`ingest and export ${(run.ms / 1000).toFixed(1)} s, scoring ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (verbose) printErrors(run.gold, run.found, low, run.texts);
}

function printErrors(
  gold: readonly GoldAttribution[],
  found: readonly QuoteRecord[],
  f: PolnearFigures,
  texts: ReadonlyMap<string, string>,
): void {
  const judge = speakerJudge(gold, texts);
  const paired = new Set(f.pairs.map((p) => p.gold));
  const text = (a: string): string => texts.get(a) ?? '';
  const foundIn = new Map<string, QuoteRecord[]>();
  for (const x of found) foundIn.set(x.article, [...(foundIn.get(x.article) ?? []), x]);
  const misses = f.missed.map((g) => ({
    article: g.article,
    classes: missClasses(g, text(g.article), foundIn.get(g.article) ?? []),
    line: `${g.kind} ${snippet(g.quote.text)} — ${g.speaker ? snippet(g.speaker.text, 30) : '(no source)'} / ${g.cue ? snippet(g.cue.text, 20) : '(no cue)'}`,
  }));
  const extras = f.extra.map((x: QuoteRecord) => ({
    article: x.article,
    classes: extraClasses(x, gold, paired),
    line: `${x.kind} ${snippet(x.quote.text)} — ${x.speakerName ?? '(none)'} [${x.pattern}]`,
  }));
  const wrong = f.pairs
    .filter((p) => !p.speakerLoose)
    .map((p) => ({
      article: p.gold.article,
      classes: speakerClasses(p, text(p.gold.article), judge.antecedent(p.gold)),
      line: `gold ${p.gold.speaker ? snippet(p.gold.speaker.text, 40) : '(no source)'} found ${p.found.speakerName ?? '(none)'}${p.found.speaker ? ` at ${snippet(p.found.speaker.text, 30)}` : ''} [${p.found.pattern}] ${snippet(p.gold.quote.text, 60)}`,
    }));
  const articles = [...new Set([...misses, ...extras, ...wrong].map((x) => x.article))].sort();
  console.log('\nBy article (at overlap 0.3): M = missed, F = found but not in the gold, S = wrong speaker (loose)');
  for (const a of articles) {
    console.log(`\n${a}`);
    for (const [tag, xs] of [
      ['M', misses],
      ['F', extras],
      ['S', wrong],
    ] as const)
      for (const x of xs.filter((y) => y.article === a)) console.log(`  ${tag} ${x.line}  {${x.classes.join('; ')}}`);
  }
  tally('Missed', misses);
  const cues = new Map<string, number>();
  for (const g of f.missed) {
    const c = g.cue ? g.cue.text.toLowerCase().replace(/\s+/g, ' ').trim() : '(no cue)';
    cues.set(`${g.kind} ${c}`, (cues.get(`${g.kind} ${c}`) ?? 0) + 1);
  }
  console.log('\nMissed, by kind and cue (the 25 commonest):');
  for (const [c, n] of [...cues].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${num(n, 5)}  ${c}`);
  tally('Found but not in the gold', extras);
  tally('Wrong speaker (loose)', wrong);
}
