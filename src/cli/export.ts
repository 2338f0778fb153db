/**
 * `npm run -s export -- [--corpus DIR] [--what quotes,dates] [--format jsonl|csv]`: every quote and every
 * temporal expression of the corpus, one record each, on stdout (and nothing else there). Exit code 2 for a
 * mistyped command line, 1 when the corpus cannot be read.
 */
import { join } from 'node:path';
import { type ExportWhat, exportRecords } from '../answer/export.ts';
import { loadConfig } from '../config.ts';
import { decodeArticleFile, loadCorpus } from '../ingest/corpus.ts';
import { CorpusError, readCorpusFile } from '../ingest/files.ts';
import { csvColumns, csvRecord, csvRow, jsonlRecord } from '../render/export.ts';
import { UsageLineError, main, parseArgs, warn } from './app.ts';

const USAGE = 'usage: npm run -s export -- [--corpus DIR] [--what quotes,dates] [--format jsonl|csv]';

const FLAGS = {
  corpus: { type: 'string' },
  what: { type: 'string', default: 'quotes,dates' },
  format: { type: 'string', default: 'jsonl' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The flags as given; an unknown flag or a stray word is a usage error that says what is wrong and the usage. */
function parseExportArgs(args: string[]) {
  try {
    return parseArgs({ args, options: FLAGS }).values;
  } catch (error) {
    throw new UsageLineError(`${(error as Error).message}; ${USAGE}`);
  }
}

/** The flags, checked: what to export and in which format. */
export function exportOptions(args: string[]): { corpus: string | undefined; what: ExportWhat[]; format: 'jsonl' | 'csv'; help: boolean } {
  const values = parseExportArgs(args);
  const what = values.what.split(',').map((w) => w.trim());
  const bad = what.find((w) => w !== 'quotes' && w !== 'dates');
  if (bad !== undefined)
    throw new UsageLineError(`--what takes quotes, dates or both (comma-separated), not ${JSON.stringify(bad)}; ${USAGE}`);
  if (values.format !== 'jsonl' && values.format !== 'csv')
    throw new UsageLineError(`--format is jsonl or csv, not ${JSON.stringify(values.format)}; ${USAGE}`);
  if (values.corpus !== undefined && values.corpus.trim() === '') throw new UsageLineError(`--corpus is empty; ${USAGE}`);
  return { corpus: values.corpus, what: what as ExportWhat[], format: values.format, help: values.help };
}

main(async () => {
  // `| head` closes stdout early: that ends the export, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  const options = exportOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadConfig({ corpusDir: options.corpus });
  const corpus = loadCorpus(config.corpusDir);
  for (const w of corpus.warnings) warn(`warning: corpus file ${w.file} not loaded: ${w.reason}`);
  if (corpus.articles.length === 0) throw new CorpusError(`no usable article in ${config.corpusDir}`);
  const columns = csvColumns(options.what);
  if (options.format === 'csv') process.stdout.write(csvRow(columns));
  for (const article of corpus.articles) {
    const read = readCorpusFile(join(config.corpusDir, article.file));
    const decoded = read.kind === 'read' ? decodeArticleFile(read.bytes) : null;
    if (!decoded || 'reason' in decoded) {
      warn(`warning: corpus file ${article.file} changed while it was read; left out`);
      continue;
    }
    for (const r of exportRecords(article, decoded.text, options.what))
      process.stdout.write(options.format === 'csv' ? csvRecord(r, columns) : jsonlRecord(r));
  }
  return 0;
});
