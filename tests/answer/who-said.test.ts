import { describe, expect, it } from 'vitest';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('/who-said', () => {
  it('answers the mission example: Kerry first, with the quote and the three outlets that carry it, earliest first', () => {
    const a = ask('/who-said regime change');
    const first = a.results[0];
    expect(first?.speaker).toBe('John Kerry');
    expect(first?.quote).toBe('The United States and its partners are not seeking so-called regime change as it is known in Syria');
    expect(first?.citations.map((c) => c.outlet)).toEqual(['Al-Alam News Network', 'Daily Sabah', 'LidTime']);
    expect(first?.details).toMatchObject({ kind: 'direct', role: 'US Secretary of State', outlets: 3 });
    // The day it was said, from its own sentence ("At a news conference inside the Kremlin on Tuesday").
    expect(first).toMatchObject({ date: '2015-12-15', dateText: 'on Tuesday' });
  });

  it('groups results by speaker, and filters by speaker (any alias) and by outlet', () => {
    const a = ask('/who-said assad');
    const order = a.results.map((r) => r.speaker);
    // Several speakers, and a speaker quoted more than once: the grouping has something to group.
    expect(new Set(order).size).toBeGreaterThan(1);
    expect(new Set(order).size).toBeLessThan(order.length);
    // Each speaker's quotes stand together.
    expect(order.filter((s, i) => order.indexOf(s) !== i && order[i - 1] !== s)).toEqual([]);
    const lavrov = ask('/who-said assad speaker:sergei').results;
    expect(lavrov.length).toBeGreaterThan(0);
    expect(lavrov.every((r) => r.speaker?.includes('Sergey Lavrov'))).toBe(true);
    expect(lavrov.length).toBeLessThan(a.total ?? 0);
    const sabah = ask('/who-said assad outlet:Daily Sabah');
    expect(sabah.results.length).toBeGreaterThan(0);
    expect(sabah.results.every((r) => r.citations.some((c) => c.outlet === 'Daily Sabah'))).toBe(true);
  });

  it('labels a quote whose speaker the text does not give as unattributed, never guessing', () => {
    const corpus = indexedCorpus(tempCorpus({ 'a.txt': 'Officials said the ceasefire in Aleppo would hold for a week.\n' }));
    const a = ask('/who-said ceasefire', corpus);
    expect(a.results[0]).toMatchObject({ speaker: 'unattributed', quote: 'the ceasefire in Aleppo would hold for a week' });
  });

  it('says when no quote matches, and when the speaker is unknown', () => {
    expect(ask('/who-said zebra').notes?.[0]).toBe('no quote in the corpus matches "zebra"');
    expect(ask('/who-said assad speaker:nobody').error?.message).toBe('no speaker in the corpus is called "nobody"; /speakers lists them');
  });
});

describe('/quotes and /speakers', () => {
  it('finds Lavrov by any of his names, and lists his quotes oldest first, undated last', () => {
    for (const name of ['sergei', 'Sergey Lavrov', 'lavrov', 'Russian Foreign Minister Sergei Lavrov']) {
      expect(ask(`/quotes ${name}`).notes?.[0], name).toMatch(/^Sergey Lavrov \(Russian Foreign Minister\): \d+ quotes$/);
    }
    const dates = ask('/quotes lavrov').results.map((r) => r.citations[0]?.published?.slice(0, 10) ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect(dates[dates.length - 1]).toBe('9999');
  });

  it('lists the oldest 50 of a speaker quoted more often, and says how to find the rest', () => {
    const syllables = ['ka', 'ro', 'mi', 'ten', 'sha', 'vel', 'dor', 'lin', 'ba', 'zu'];
    const town = (i: number): string => `${syllables[i % 10]}${syllables[Math.floor(i / 10) % 10]}ville`;
    // Three articles of 20 quotes each: the newest, the oldest, and one without a date.
    const article = (published: string | null, from: number): string =>
      `${published ? `---\npublished: ${published}\n---\n` : ''}${Array.from(
        { length: 20 },
        (_, i) => `“The ${town(from + i)} and ${town(from + i + 60)} roads must reopen,” Kerry said.`,
      ).join('\n\n')}\n`;
    const corpus = indexedCorpus(
      tempCorpus({ 'a.txt': article('2016-01-01', 0), 'b.txt': article('2015-01-01', 20), 'c.txt': article(null, 40) }),
    );
    const a = ask('/quotes kerry', corpus);
    expect(a.total).toBe(60);
    expect(a.notes).toEqual(['Kerry: 60 quotes', '/who-said TOPIC speaker:Kerry finds them by topic']);
    const days = a.results.map((r) => r.citations[0]?.published ?? 'undated');
    expect(days).toEqual([...Array(20).fill('2015-01-01'), ...Array(20).fill('2016-01-01'), ...Array(10).fill('undated')]);
  });

  it('lists each speaker with aliases, role and quote count, built from the corpus', () => {
    const a = ask('/speakers');
    const kerry = a.results.find((r) => r.text.startsWith('John Kerry'));
    expect(kerry?.text).toBe('John Kerry: US Secretary of State');
    const aliases = String(kerry?.details?.aliases).split('; ');
    expect(aliases).toEqual(
      expect.arrayContaining(['John Kerry', 'Kerry', "Washington's top diplomat", 'U.S. Secretary of State John Kerry']),
    );
    const lavrov = a.results.find((r) => r.text.startsWith('Sergey Lavrov'));
    expect(String(lavrov?.details?.aliases).split('; ')).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']));
    expect(a.results.filter((r) => /Lavrov/.test(r.text))).toHaveLength(1);
  });
});

describe('one result per quote, across outlets', () => {
  const corpus = indexedCorpus(
    tempCorpus({
      'c.txt':
        '---\noutlet: Wire C\npublished: 2016-01-02\n---\nBritish Defence Secretary Michael Fallon spoke. "Assad can be part of the transition in Syria," Fallon said.\n',
      'd.txt':
        '---\noutlet: Wire D\npublished: 2016-01-03\n---\nBritish Defence Secretary Michael Fallon spoke. "Assad cannot be part of the transition in Syria," Fallon said.\n',
      'e.txt':
        '---\noutlet: Wire E\npublished: 2016-01-04\n---\nBritish MP Mary Fallon spoke. "The strikes must stop at once," Mary Fallon said.\n',
      'f.txt':
        '---\noutlet: Wire F\npublished: 2016-01-05\n---\nBritish Defence Secretary Michael Fallon spoke again. "Assad can be part of the transition in Syria," Fallon said.\n',
    }),
  );

  it('groups the same words of the same speaker, and never words that say the opposite', () => {
    const a = ask('/who-said transition', corpus);
    expect(a.results.map((r) => [r.quote, r.citations.map((c) => c.outlet)])).toEqual([
      ['Assad can be part of the transition in Syria', ['Wire C', 'Wire F']],
      ['Assad cannot be part of the transition in Syria', ['Wire D']],
    ]);
  });

  it('keeps two people with one surname apart', () => {
    expect(ask('/quotes mary fallon', corpus).results.map((r) => r.quote)).toEqual(['The strikes must stop at once']);
    expect(ask('/speakers', corpus).results.filter((r) => r.text.includes('Fallon'))).toHaveLength(2);
  });

  it('cites every paragraph of a quote that runs over two', () => {
    // The first paragraph's quotation is left open and the next one reopens it: one quote over two paragraphs.
    const two = indexedCorpus(
      tempCorpus({
        'a.txt':
          '"We will not accept it, and we will say so," Foreign Minister Adel al-Jubeir told reporters. "We have been clear.\n\n"Riyadh will decide what to accept."\n',
      }),
    );
    const results = ask('/who-said accept', two).results;
    expect(results).toHaveLength(1);
    expect(results[0]?.citations.map((c) => c.paragraph)).toEqual([1, 2]);
    expect(results[0]?.quote).toContain('Riyadh will decide what to accept');
  });

  it('does not read one letter as a name', () => {
    expect(ask('/quotes s').error?.message).toBe('no speaker in the corpus is called "s"; /speakers lists them');
  });
});
