/**
 * Ingest output check and timing: ingests each corpus folder given on one thread (`loadCorpus`, no pool),
 * hashes every Article (JSON.stringify, sha256) and every warning, and prints one line per corpus: its digest,
 * articles, paragraphs and the CPU time (user+sys) its ingest took. A change meant to keep ingest's output must
 * leave every digest as it was. `--list FILE` also writes each article's own hash (to find which one moved).
 *
 *   node --import tsx bench/ingestHashes.ts [--list FILE] DIR...
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../src/ingest/corpus.ts';

const args = process.argv.slice(2);
const listAt = args.indexOf('--list');
const listFile = listAt >= 0 ? args.splice(listAt, 2)[1] : undefined;
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const lines: string[] = [];
let totalCpu = 0;
for (const dir of args) {
  const before = process.cpuUsage();
  const corpus = loadCorpus(dir);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  totalCpu += cpuMs;
  const all = createHash('sha256');
  let paragraphs = 0;
  for (const a of corpus.articles) {
    const h = sha(JSON.stringify(a));
    all.update(h);
    paragraphs += a.paragraphs.length;
    lines.push(`${dir}\t${a.id}\t${h}`);
  }
  all.update(JSON.stringify(corpus.warnings));
  const digest = all.digest('hex').slice(0, 16);
  console.log(
    `${digest} ${dir} articles=${corpus.articles.length} paragraphs=${paragraphs} warnings=${corpus.warnings.length} cpuMs=${cpuMs.toFixed(0)}`,
  );
}
if (args.length > 1) console.log(`total cpuMs=${totalCpu.toFixed(0)}`);
if (listFile) writeFileSync(listFile, `${lines.join('\n')}\n`);
