import { basename } from 'node:path';
import type { UpdateReport } from '../index/live.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';

/**
 * The lines the terminal prints for an update of the live corpus, one a file: "corpus: added 006_x.txt
 * (12 paragraphs) in 120 ms", or the warning a file that failed to load gets at start-up too.
 */
export function updateLines(report: UpdateReport, corpus: LoadedCorpus): string[] {
  const took = `in ${Math.round(report.ms)} ms`;
  const paragraphs = (file: string): string => {
    const n = corpus.articles.find((a) => basename(a.file) === basename(file))?.paragraphs.length;
    return n === undefined ? '' : ` (${n} paragraph${n === 1 ? '' : 's'})`;
  };
  return report.changes.map((c) => {
    const name = basename(c.file);
    if (c.kind === 'failed') return `warning: corpus file ${name} not loaded: ${c.reason ?? 'unknown reason'}`;
    if (c.kind === 'removed') return `corpus: removed ${name} ${took}`;
    return `corpus: ${c.kind === 'added' ? 'added' : 'updated'} ${name}${paragraphs(c.file)} ${took}`;
  });
}
