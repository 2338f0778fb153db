import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanSpan } from '../../src/nlp/text.ts';
import { CORPUS_DIR, fold, SEEDS, seedCorpus } from '../support/helpers.ts';

/**
 * The body of each seed as a person marked it up (tests/annotations/bodies.json), written without
 * sight of the cleaning rules: what is body, title, byline/dateline and page clutter.
 */
const bodies = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'annotations', 'bodies.json'), 'utf8')) as Record<
  string,
  { title: string; meta: string[]; body: string[]; clutter: string[] }
>;

describe('cleaning the seed articles', () => {
  const corpus = seedCorpus();
  for (const id of SEEDS) {
    const article = corpus.articles.find((a) => a.id === id);
    const annotation = bodies[id];
    describe(id, () => {
      it('is loaded with paragraphs', () => {
        expect(article?.paragraphs.length).toBeGreaterThan(3);
        expect(annotation).toBeDefined();
      });
      const kept = fold((article?.paragraphs ?? []).map((p) => p.text).join(' '));

      it('keeps every sentence of the article body', () => {
        const missing = (annotation?.body ?? []).filter((s) => !kept.replace(/\s/g, '').includes(fold(s).replace(/\s/g, '')));
        expect(missing).toEqual([]);
      });

      it('keeps no page clutter, byline, dateline or title in any paragraph', () => {
        const outside = [...(annotation?.clutter ?? []), ...(annotation?.meta ?? []), annotation?.title ?? '']
          .map(fold)
          .filter((line) => line.length >= 3);
        for (const p of article?.paragraphs ?? []) {
          for (const line of outside) {
            // A short fragment such as "-" or "click" may occur inside prose; longer lines must not.
            if (line.length < 12) expect(p.text === line, `${p.text} is clutter`).toBe(false);
            else expect(p.text.includes(line.slice(0, 80)), `paragraph ${p.index} holds "${line.slice(0, 50)}"`).toBe(false);
          }
        }
      });
    });
  }

  it('keeps offsets that trace every paragraph and sentence back to its file', () => {
    for (const a of corpus.articles) {
      const raw = readFileSync(join(CORPUS_DIR, a.file), 'utf8');
      for (const p of a.paragraphs) {
        // Checked with a normaliser written apart from cleanSpan: tags and ** dropped, white space folded.
        expect(fold(raw.slice(p.start, p.end))).toBe(p.text);
        expect(cleanSpan(raw, p).text).toBe(p.text);
        for (const s of p.sentences) {
          expect(cleanSpan(raw, s).text).toBe(s.text);
          expect(p.text.includes(s.text)).toBe(true);
        }
      }
    }
  });

  it('says why each block was set aside', () => {
    const sabah = corpus.articles.find((a) => a.id === '004_58819347198058c8');
    const rules = new Set(sabah?.setAside.map((b) => b.rule));
    expect(rules).toContain('text in another language');
    expect(rules).toContain('cookie notice');
    const lid = corpus.articles.find((a) => a.id === '003_85ee1c887779c124');
    expect(lid?.setAside.filter((b) => b.rule === 'listing of another post')).toHaveLength(10);
    expect(lid?.setAside.find((b) => b.role === 'caption')?.text).toMatch(/^U\.S\. Secretary of State John Kerry, left, shakes hands/);
  });

  it('joins a sentence that the dump broke across a blank line', () => {
    const gr = corpus.articles.find((a) => a.id === '001_b2cf09a019e98ac2');
    expect(gr?.paragraphs.some((p) => p.text.includes('a direct result of a very incompetent, unprofessional attitude'))).toBe(true);
  });
});
