/** Prints the TempEval-3 Task A figures of `npm run eval -- --timeml DIR`; with verbose, every miss. */
import { type TimemlFigures, evaluateTimeml } from './timeml.ts';

const f3 = (x: number): string => x.toFixed(3);

function line(name: string, f: TimemlFigures): string {
  const { relaxed: r, strict: s } = f;
  return [
    `${name.padEnd(5)} gold ${String(f.gold).padStart(4)} found ${String(f.found).padStart(4)}`,
    `relaxed P ${f3(r.precision)} R ${f3(r.recall)} F1 ${f3(r.f1)}`,
    `strict P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)}`,
    `value accuracy ${f3(f.valueAccuracy)} value F1 ${f3(f.valueF1)} type accuracy ${f3(f.typeAccuracy)}`,
  ].join(' | ');
}

export function printTimeml(dir: string, verbose: boolean): void {
  const { all, date } = evaluateTimeml(dir);
  console.log(`TempEval-3 Task A on ${dir}`);
  console.log(line('all', all));
  console.log(line('DATE', date));
  if (!verbose) return;
  console.log('\nWrong value (gold type value | found type value | derivation):');
  for (const p of all.pairs.filter((x) => x.gold.value !== x.found.value))
    console.log(
      `  ${p.gold.article} ${JSON.stringify(p.gold.text)} ${p.gold.type} ${p.gold.value} | ${JSON.stringify(p.found.text)} ${p.found.type} ${p.found.value} | ${p.found.derivation}`,
    );
  console.log('\nMissed:');
  for (const g of all.missed) console.log(`  ${g.article} ${JSON.stringify(g.text)} ${g.type} ${g.value}`);
  console.log('\nFound, not in the gold:');
  for (const e of all.extra) console.log(`  ${e.article} ${JSON.stringify(e.text)} ${e.type} ${e.value}`);
}
