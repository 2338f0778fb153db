/**
 * `npm run eval`: precision and recall of the quote finder and accuracy of speaker attribution, measured
 * against the hand annotation; with --verbose, every miss and every wrong speaker. `npm run eval -- --timeml
 * [DIR]`: TempEval-3 Task A figures on a TimeML folder (default ../shared/data/timeml-train) instead.
 * `npm run eval -- --polnear [DIR]` (or `--attributions DIR`, the name): quotes and speakers against
 * PolNeAR (default ../shared/data/polnear/dev; ../shared/data/polnear/train too), scored as the Gender Gap
 * Tracker scores its extractor (tests/eval/polnear.ts).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { explainDate } from '../../src/nlp/dates/explain.ts';
import { evaluateDates } from './dateEval.ts';
import { type Figures, evaluate, speakerKey } from './quoteEval.ts';
import { printPolnear } from './polnearReport.ts';
import { printTimeml } from './timemlReport.ts';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    verbose: { type: 'boolean', default: false },
    timeml: { type: 'string' },
    polnear: { type: 'boolean', default: false },
    attributions: { type: 'string' },
  },
});
const verbose = flags.verbose;
const shared = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
if (process.argv.includes('--timeml')) {
  printTimeml(flags.timeml ?? join(shared, 'timeml-train'), verbose);
  process.exit(0);
}
if (flags.polnear || flags.attributions !== undefined) {
  printPolnear(flags.attributions ?? positionals[0] ?? join(shared, 'polnear', 'dev'), verbose);
  process.exit(0);
}
const corpus = loadCorpus(join(import.meta.dirname, '..', '..', 'corpus'));
const e = evaluate(corpus.articles);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, f: Figures): string =>
  `${name.padEnd(22)} ${String(f.found).padStart(5)} ${String(f.gold).padStart(5)} ${pct(f.precision)} ${pct(f.recall)} ${pct(f.speakerAccuracy)} (${f.speakersRight}/${f.matchedGold})`;
console.log('Quotes, against tests/annotations/quotes.json');
console.log(`${'kind'.padEnd(22)} found  gold precision recall speakers`);
console.log(row('direct (incl. mixed)', e.direct));
console.log(row('indirect', e.indirect));
console.log(row('all', e.all));
console.log(`kind right on matched quotes: ${pct(e.kindAccuracy)}`);
if (verbose) {
  console.log('\nFound, not in the annotation:');
  for (const f of e.unmatchedFound)
    console.log(`  ${f.article.slice(0, 3)} ${f.kind.padEnd(8)} ${f.speaker.name ?? '-'} | ${f.text.slice(0, 110)}`);
  console.log('\nAnnotated, not found:');
  for (const g of e.unmatchedGold)
    console.log(`  ${g.article.slice(0, 3)} ${g.kind.padEnd(8)} ${g.speaker ?? '-'} | ${g.quote.slice(0, 110)}`);
  console.log('\nWrong speaker:');
  for (const p of e.pairs.filter((x) => speakerKey(x.gold.speaker) !== speakerKey(x.found.speaker.name))) {
    console.log(
      `  ${p.gold.article.slice(0, 3)} gold ${p.gold.speaker ?? '-'} / found ${p.found.speaker.name ?? '-'} (${p.found.pattern}) | ${p.gold.quote.slice(0, 80)}`,
    );
  }
  console.log('\nKind differs:');
  for (const p of e.pairs.filter((x) => x.gold.kind !== x.found.kind))
    console.log(`  ${p.gold.article.slice(0, 3)} gold ${p.gold.kind} / found ${p.found.kind} | ${p.gold.quote.slice(0, 80)}`);
}

const d = evaluateDates(corpus.articles);
console.log('\nDates, against tests/annotations/dates.json');
console.log(
  `annotated ${d.gold}, found ${d.matched.length} (${pct(d.foundShare)}), right value ${d.matched.filter((m) => m.right).length} (${pct(d.rightShare)})`,
);
console.log(
  `dated by Quotedesk ${d.found}, of them in the annotation ${d.matched.length} (precision ${pct(d.found === 0 ? 1 : d.matched.length / d.found)}); ${d.extra.length} the annotation does not have`,
);
if (verbose) {
  console.log('\nMissed:');
  for (const g of d.missed) console.log(`  ${g.article.slice(0, 3)} ${JSON.stringify(g.text)} = ${g.value}`);
  console.log('\nWrong value:');
  for (const m of d.matched.filter((x) => !x.right))
    console.log(
      `  ${m.gold.article.slice(0, 3)} ${JSON.stringify(m.gold.text)}: gold ${m.gold.value}, found ${m.found.time.value} (${explainDate(m.found.time)})`,
    );
  console.log('\nFound, not annotated:');
  for (const e of d.extra) console.log(`  ${JSON.stringify(e.time.text)} = ${e.time.value} | ${e.sentence.slice(0, 70)}`);
}
