import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNewsSources, writeNewsCorpus } from '../../bench/news.ts';
import { drawTopics, misspell } from '../../bench/queries.ts';
import { rng } from '../../bench/synthetic.ts';

const para = (i: number): string =>
  `Officials in Geneva said talks on the ceasefire would resume, and negotiators met ${i % 3 === 0 ? 'quietly' : 'again'} on item ${i}.`;

describe('benchmark topics', () => {
  const sources = [
    { published: '2016-01-01', paragraphs: Array.from({ length: 12 }, (_, i) => para(i)) },
    {
      published: '2016-02-01',
      paragraphs: ['A lone zeppelin drifted over Geneva.', 'The zeppelin landed.', 'Marmalade was served twice.', 'More marmalade.'],
    },
  ];

  it('misspells a word by one swap or one dropped inner letter, never the first or last letter', () => {
    const random = rng(3);
    for (let i = 0; i < 50; i += 1) {
      const typo = misspell('ceasefire', random);
      expect(typo).not.toBe('ceasefire');
      expect(typo[0]).toBe('c');
      expect(typo.at(-1)).toBe('e');
      expect(Math.abs(typo.length - 'ceasefire'.length)).toBeLessThanOrEqual(1);
    }
  });

  it('draws rare words from 2 or 3 paragraphs, common ones from the most frequent, phrases of side-by-side words', () => {
    const topics = drawTopics(sources, 3, 1);
    const of = (band: string) => topics.filter((t) => t.band === band).map((t) => t.text);
    expect(of('rare').every((w) => ['zeppelin', 'marmalade', 'quietly'].includes(w))).toBe(true);
    expect(of('rare').length).toBeGreaterThan(0);
    const frequent = ['officials', 'geneva', 'talks', 'ceasefire', 'resume', 'negotiators', 'met', 'item'];
    expect(of('common').length).toBe(3);
    expect(of('common').every((w) => frequent.includes(w))).toBe(true);
    expect(of('phrase').length).toBeGreaterThan(0);
    for (const p of of('phrase')) expect(sources[0]?.paragraphs.some((x) => x.toLowerCase().includes(p.replace(/"/g, '')))).toBe(true);
    expect(of('typo').every((w) => !frequent.includes(w))).toBe(true);
    expect(drawTopics(sources, 3, 1)).toEqual(topics);
  });

  it('recombines real paragraphs into N paragraphs of articles with front matter, the same for the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-news-'));
    try {
      writeFileSync(join(dir, 'a.txt'), `---\ntitle: "T"\npublished: "2016-03-04"\n---\nA Headline Here\n\n${para(1)}\n\n${para(2)}\n`);
      const read = readNewsSources([dir, join(dir, 'absent')]);
      expect(read).toEqual([{ published: '2016-03-04', paragraphs: [para(1), para(2)] }]);
      const out = join(dir, 'out');
      expect(writeNewsCorpus(out, sources, { paragraphs: 25, seed: 5 })).toEqual({ articles: 3, paragraphs: 25 });
      const first = readFileSync(join(out, readdirSync(out)[0] as string), 'utf8');
      expect(first).toMatch(/^---\ntitle: ".+"\noutlet: ".+"\npublished: 2016-0[12]-01\n---\n/);
      writeNewsCorpus(join(dir, 'again'), sources, { paragraphs: 25, seed: 5 });
      expect(readFileSync(join(dir, 'again', readdirSync(out)[0] as string), 'utf8')).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
