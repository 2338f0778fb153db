import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRemarksDated } from '../../src/nlp/dates/basis.ts';
import { runCli } from '../support/cli.ts';
import { CORPUS_DIR, seedCorpus, tempCorpus } from '../support/helpers.ts';

/** A small RFC 4180 reader: fields split by commas, records by CRLF, a quoted field may hold both and "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && next === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

interface Span {
  start: number;
  end: number;
  text: string;
}
type Row = Record<string, unknown> &
  Partial<Span> & { record: string; article: string; quote?: Span; speaker?: Span | null; cue?: Span | null };

const jsonl = (stdout: string): Row[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);

/** Every span of a record, each with the text it claims. */
const spansOf = (r: Row): Span[] =>
  r.record === 'date' ? [r as Span] : ([r.quote, r.speaker, r.cue].filter((s) => s !== null && s !== undefined) as Span[]);

const TRICKY = [
  '---',
  'title: "Tricky"',
  'published: "2016-03-02"',
  '---',
  '"We will stay, come what may,\nand we will win," the minister said on Tuesday.',
  '',
  'The minister said the talks would last two weeks.',
  '',
].join('\n');

describe('npm run export', () => {
  let seeds: Row[] = [];
  beforeAll(() => {
    const r = runCli('export', ['--corpus', CORPUS_DIR]);
    expect(r.code).toBe(0);
    seeds = jsonl(r.stdout);
  });

  it('writes one record per quote and per temporal expression of the seeds', () => {
    const articles = seedCorpus().articles;
    expect(seeds.filter((r) => r.record === 'quote')).toHaveLength(articles.reduce((n, a) => n + a.quotes.length, 0));
    // A mention dated by its speaker's remarks nearby has no expression: no record.
    const expressions = articles.flatMap((a) => a.events.filter((e) => !isRemarksDated(e.time.basis)));
    expect(expressions.length).toBeLessThan(articles.reduce((n, a) => n + a.events.length, 0));
    expect(seeds.filter((r) => r.record === 'date')).toHaveLength(expressions.length);
  });

  it('gives offsets into the file: file.slice(start, end) is the text of every span of every record', () => {
    const files = new Map(seedCorpus().articles.map((a) => [a.id, readFileSync(join(CORPUS_DIR, a.file), 'utf8')]));
    const spans = seeds.flatMap((r) => spansOf(r).map((s) => ({ file: files.get(r.article) as string, ...s })));
    expect(spans.length).toBeGreaterThan(150);
    for (const s of spans) expect(s.file.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds the speaker mention and cue of "…," Kerry told', () => {
    const told = seeds.find((r) => r.record === 'quote' && r.cue?.text === 'told' && r.speaker?.text === 'Kerry');
    expect(told?.speakerName).toBe('John Kerry');
    expect(told?.kind).toBe('direct');
  });

  it('writes CSV per RFC 4180 that reads back to the same records, commas, quotes and line breaks included', () => {
    const dir = tempCorpus({ 'tricky.txt': TRICKY });
    const csv = runCli('export', ['--corpus', dir, '--format', 'csv']);
    const json = jsonl(runCli('export', ['--corpus', dir]).stdout);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout) as [string[], ...string[][]];
    const records = rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    const quote = json.find((r) => r.record === 'quote');
    expect(quote?.quote?.text).toBe('We will stay, come what may,\nand we will win,');
    expect(records.map((r) => [r.record, r.quote_text || r.text, r.speaker_text, r.value])).toEqual(
      json.map((r) => [r.record, r.quote?.text ?? r.text, r.speaker?.text ?? '', r.value ?? '']),
    );
    expect(records.every((r) => Object.keys(r).length === header.length)).toBe(true);
  });

  it.each([
    [['--format', 'xml'], '--format is jsonl or csv'],
    [['--what', 'people'], '--what takes quotes, dates or both'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with a usage error, exit code 2 and nothing on stdout', (args, message) => {
    const r = runCli('export', args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run -s export');
  });
});
