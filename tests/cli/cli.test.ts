import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.ts';
import { tempCorpus } from '../support/helpers.ts';
import { pngSize } from '../support/png.ts';

const run = (entry: string, args: string[], input?: string) => runCli(entry, args, input === undefined ? {} : { input });

describe('the command line', () => {
  beforeAll(() => {
    // Builds dist/ once if the sources changed, so that the runs below measure answers, not the build.
    run('ask', ['/help']);
  });

  it('ask --json prints exactly one JSON document on stdout', () => {
    const r = run('ask', ['/search regime change', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '');
    expect(answer.command).toBe('search');
    expect(answer.results[0].citations[0]).toHaveProperty('article');
  });

  it('ask --page N shows that page, --json --all every result, and a bad page exits 2', () => {
    const second = run('ask', ['/search kerry', '--page', '2']);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe('24 results; page 2 of 3 (page:3 for the next)');
    expect(second.stdout).toMatch(/^11\. /m);
    const all = JSON.parse(run('ask', ['/search kerry', '--json', '--all']).stdout);
    expect([all.total, all.results.length, all.page]).toEqual([24, 24, undefined]);
    const past = run('ask', ['/search kerry', '--page', '9']);
    expect([past.code, past.stdout.trim()]).toEqual([2, 'error: page 9 is past the last page: 24 results make 3 pages of 10']);
    expect(run('ask', ['/search kerry', '--page', 'x']).code).toBe(2);
  });

  it('pages in the npm start prompt (page:) and in the harness (--page)', () => {
    const start = run('start', [], '/search kerry page:2\n');
    expect(start.stdout.split('\n')[0]).toBe('24 results; page 2 of 3 (page:3 for the next)');
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-paging-'));
    const file = join(dir, 'q.txt');
    writeFileSync(file, '/search kerry\nexpect page = 3\nexpect results[0].citations[0].link contains #:~:text=\n');
    const harness = run('harness', [file, '--page', '3']);
    expect(harness.stderr).toContain('2 expectations: 2 held, 0 failed');
  });

  it('--png FILE writes the timeline picture in ask, the harness and the npm start prompt; stdout stays the answer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-png-'));
    const file = join(dir, 'timeline.png');
    const ask = run('ask', ['/timeline geneva', '--json', '--png', file]);
    expect(ask.code).toBe(0);
    expect(JSON.parse(ask.stdout).results).toHaveLength(2);
    expect(ask.stderr).toMatch(/^timeline picture: .*timeline\.png \(1000×\d+ pixels, 2 events\)$/m);
    const size = pngSize(readFileSync(file));
    expect(size.width).toBe(1000);
    expect(ask.stderr).toContain(`1000×${size.height} pixels`);

    const script = join(dir, 'script.txt');
    writeFileSync(script, '/search kerry\n/timeline geneva\n/timeline kerry\n');
    const harness = run('harness', [script, '--png', join(dir, 'h.png')]);
    expect(harness.code).toBe(0);
    expect(pngSize(readFileSync(join(dir, 'h.png'))).width).toBe(1000);
    expect(pngSize(readFileSync(join(dir, 'h-2.png'))).width).toBe(1000);
    expect(existsSync(join(dir, 'h-3.png'))).toBe(false);

    const start = run('start', ['--png', join(dir, 's.png')], '/timeline geneva\n');
    expect(start.stdout).toContain('1. US Secretary of State John Kerry');
    expect(pngSize(readFileSync(join(dir, 's.png'))).width).toBe(1000);
  });

  it('--png writes nothing for another command or an answer with no event, and a file it cannot write exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-png-'));
    const search = run('ask', ['/search kerry', '--png', join(dir, 'a.png')]);
    expect([search.code, search.stderr.trim()]).toEqual([0, 'no picture written: --png draws /timeline answers, not /search']);
    const none = run('ask', ['/timeline zzzqqq', '--png', join(dir, 'b.png')]);
    expect([none.code, none.stderr.trim()]).toEqual([0, 'no picture written: the timeline has no event']);
    expect(existsSync(join(dir, 'a.png')) || existsSync(join(dir, 'b.png'))).toBe(false);
    const unwritable = run('ask', ['/timeline geneva', '--png', join(dir, 'missing', 'c.png')]);
    expect([unwritable.code, unwritable.stderr.trim()]).toEqual([
      2,
      `error: cannot write the picture to ${join(dir, 'missing', 'c.png')}: ENOENT`,
    ]);
    expect(run('ask', ['/timeline', '--png=']).code).toBe(2);
  });

  it('ask prints a readable answer and exits 2 on a mistyped command', () => {
    const ok = run('ask', ['/search', '"regime', 'change"', 'outlet:Daily', 'Sabah']);
    expect(ok.stdout).toContain('**regime change**');
    expect(ok.stdout).toContain('— Daily Sabah, “US says not after regime change in Syria');
    const bad = run('ask', ['/serch kerry']);
    expect(bad.code).toBe(2);
    expect(bad.stdout.trim()).toBe('error: unknown command /serch: did you mean /search?');
  });

  it('ask --json answers hostile input with one JSON document, pinging no one', () => {
    for (const line of [
      `/search ${'@everyone '.repeat(1200)}`,
      '/search',
      '/who-said <@&123> [x](https://evil.example)',
      'not a command',
    ]) {
      const r = run('ask', [line, '--json']);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const answer = JSON.parse(lines[0] ?? '');
      expect(Array.isArray(answer.results)).toBe(true);
      expect([0, 2]).toContain(r.code);
    }
  });

  it('ask refuses an empty --corpus instead of reading the current folder, and an empty command with one JSON error', () => {
    const empty = run('ask', ['/sources', '--corpus=']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe(
      'error: --corpus is empty: give the folder of articles (--corpus DIR), or leave it out to use CORPUS_DIR or ./corpus',
    );
    expect(empty.stdout).toBe('');
    for (const args of [
      ['', '--json'],
      ['/sources', '--json', '--corpus='],
    ]) {
      const r = run('ask', args);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stdout.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      const answer = JSON.parse(lines[0] ?? '');
      expect(answer.results).toEqual([]);
      expect(answer.error.kind).toBe('usage');
      expect(answer.error.message).toMatch(/^no command given; usage: |^--corpus is empty/);
    }
    const harness = run('harness', ['--json']);
    expect(harness.code).toBe(2);
    expect(JSON.parse(harness.stdout).error.message).toBe(
      'usage: npm run -s harness -- FILE [--json] [--page N | --all] [--png PICTURE] [--corpus DIR]',
    );
  });

  it('harness runs a script, checks its expectations, and names the line that failed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-script-'));
    const script = join(dir, 'questions.txt');
    writeFileSync(
      script,
      [
        '# what the research group relies on',
        '/search "regime change"',
        'expect results >= 3',
        'expect results[*].citations[*].outlet = Daily Sabah',
        '',
        '/search query:kerry outlet:Press TV',
        'expect all results[*].citations[*].outlet = Press TV',
        'expect results = 99',
        '/serch kerry',
        'expect error.message contains did you mean',
      ].join('\n'),
    );
    const r = run('harness', [script, '--json']);
    expect(r.code).toBe(1);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.command)).toEqual(['search', 'search', 'serch']);
    expect(r.stderr).toContain(`${script}:8: /search query:kerry outlet:Press TV\n  expect results = 99\n  got a list of`);
    expect(r.stderr).toContain('3 commands, 5 expectations: 4 held, 1 failed');
  });

  it('harness answers every hostile line of a script, in order, without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-script-'));
    const script = join(dir, 'hostile.txt');
    const lines = [
      '/search @everyone',
      `/search ${'x'.repeat(10_000)}`,
      '/who-said <@&123>',
      '/search .*(a+)+$',
      'plain words',
      '/',
      '/search 😀 ‮ \u200b',
    ];
    writeFileSync(script, lines.join('\n'));
    const r = run('harness', [script, '--json']);
    expect(r.code).toBe(0);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(lines.length);
  });

  it('harness reports a malformed expect line by its line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedesk-script-'));
    const script = join(dir, 'bad.txt');
    writeFileSync(script, '/search kerry\nexpect results about 3\n');
    const r = run('harness', [script]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${script}:2: expected "expect <path>`);
  });

  it('npm start without a terminal answers each line of its input and exits', () => {
    const r = run('start', [], '/search kerry moscow\n\n/sources\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kerry');
    expect(r.stdout).toContain('5. Daily Sabah: US says not after regime change');
  });

  it('warns about a bad corpus file by name and fails clearly on a corpus with no usable article', () => {
    const dir = tempCorpus({ 'good.txt': 'Kerry met Putin in Moscow to discuss Syria.\n', 'bad.txt': Buffer.from([0, 1, 2]) });
    const r = run('ask', ['/sources', '--json', '--corpus', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: corpus file bad.txt not loaded: binary file');
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
    const empty = tempCorpus({ 'bad.txt': '' });
    const e = run('ask', ['/sources', '--corpus', empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`error: no usable article in ${empty}`);
    expect(e.stdout).toBe('');
  });
});

describe('the benchmark', () => {
  it('runs the whole pipeline on a small synthetic corpus and prints one JSON object of the documented shape', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--paragraphs', '120', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '');
    expect(Object.keys(result)).toEqual([
      'paragraphs',
      'articles',
      'buildMs',
      'loadMs',
      'indexBytes',
      'rssMb',
      'buildRssMb',
      'serveRssMb',
      'firstAnswerMs',
      'addMs',
      'live',
      'source',
      'topics',
      'latency',
    ]);
    expect(result.rssMb).toBe(Math.max(result.buildRssMb, result.serveRssMb));
    // The live index: a new article answered after its refresh, and answers paced with and without a merge.
    expect(result.addMs).toBeGreaterThan(0);
    expect(result.addMs).toBe(result.live.addMs);
    expect(Object.keys(result.live.composeMs)).toEqual(['paragraphs', 'quotes', 'events']);
    expect(result.live.duringMerge.max).toBeGreaterThanOrEqual(result.live.duringMerge.p99);
    expect(result.paragraphs).toBeGreaterThan(100);
    expect(Object.keys(result.latency)).toEqual([
      'search',
      'who-said',
      'when',
      'timeline',
      'quotes',
      'context',
      'speakers',
      'sources',
      'bareMiniSearch',
    ]);
    // The commands asked about the topics give each band's p99 too; the others only their percentiles.
    const topical = ['search', 'who-said', 'when', 'timeline'];
    for (const [name, l] of Object.entries(result.latency) as Array<[string, Record<string, unknown>]>) {
      expect(Object.keys(l), name).toEqual(topical.includes(name) ? ['p50', 'p95', 'p99', 'n', 'bands'] : ['p50', 'p95', 'p99', 'n']);
      if (topical.includes(name)) {
        const bands = l.bands as Record<string, number>;
        expect(Object.keys(bands)).toEqual(['rare', 'middling', 'common', 'phrase', 'typo']);
        // The bands split the command's times: some band holds several of the slowest, so its p99 is at least
        // the p95 of them all.
        expect(Math.max(...Object.values(bands))).toBeGreaterThanOrEqual(l.p95 as number);
      }
    }
    // Without ../shared/data the seeds are recombined; either way five bands of topics are asked.
    expect(Object.keys(result.topics)).toEqual(['rare', 'middling', 'common', 'phrase', 'typo']);
    expect(result.latency.search.n).toBe(Object.values(result.topics as Record<string, number>).reduce((a, b) => a + b, 0));
  }, 120_000);
});
