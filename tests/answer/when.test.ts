import { describe, expect, it } from 'vitest';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('/when', () => {
  it('answers the mission example: Tuesday 15 December 2015 first, with the outlets that support it and how', () => {
    const a = ask('/when kerry moscow');
    const first = a.results[0];
    expect(first).toMatchObject({ date: '2015-12-15', dateText: 'on Tuesday' });
    expect(first?.derivation).toBe(
      '"on Tuesday" in an article published Wed 16 Dec 2015 (past tense, so the one on or before) → Tue 15 Dec 2015',
    );
    expect(first?.citations.map((c) => c.outlet)).toEqual(['Al-Alam News Network', 'LidTime']);
    expect(first?.citations[1]).toMatchObject({ caption: true, paragraph: null });
  });

  it('ranks a date by how many outlets give it', () => {
    const a = ask('/when new york meeting');
    expect(a.results[0]).toMatchObject({ date: '2015-12-18', details: { outlets: 2 } });
  });

  it('shows each date and says so when the sources give different days', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'a.txt': '---\noutlet: Wire A\npublished: 2016-03-10\n---\nThe ceasefire in Aleppo began on Monday, officials said.\n',
        'b.txt': '---\noutlet: Wire B\npublished: 2016-03-10\n---\nThe Aleppo ceasefire began on Tuesday, the army said.\n',
      }),
    );
    const a = ask('/when aleppo ceasefire', corpus);
    expect(a.results.map((r) => r.date).sort()).toEqual(['2016-03-07', '2016-03-08']);
    expect(a.notes?.join(' ')).toMatch(/different days/);
  });

  it('says so when nothing dates the event, and never makes up a date for an undated article', () => {
    expect(ask('/when zebra').notes?.[0]).toBe('nothing in the corpus dates "zebra"');
    const corpus = indexedCorpus(tempCorpus({ 'a.txt': 'The envoys met in Vienna on Tuesday to discuss the truce.\n' }));
    const a = ask('/when vienna', corpus);
    expect(a.results).toEqual([]);
    expect(corpus.articles[0]?.events[0]).toMatchObject({ time: { value: null, granularity: 'unresolved' } });
  });
});

describe('/timeline', () => {
  it('lists the dates in order, one entry per date with every mention that gives it, each cited', () => {
    const a = ask('/timeline');
    const dates = a.results.map((r) => r.date as string);
    expect(new Set(dates).size).toBe(dates.length);
    const starts = dates.map((d) => d.split('/')[0] as string);
    expect(starts).toEqual([...starts].sort());
    expect(dates).toContain('2013-07');
    const dec15 = a.results.find((r) => r.date === '2015-12-15');
    // Kerry in Moscow on Tuesday, 15 December 2015: Al-Alam (twice), LidTime (text and caption), Daily Sabah.
    expect(new Set(dec15?.citations.map((c) => c.outlet))).toEqual(new Set(['Al-Alam News Network', 'LidTime', 'Daily Sabah']));
    expect(dec15?.details?.mentions).toBe(dec15?.citations.length);
  });

  it('filters by topic and by the period the events start in', () => {
    const a = ask('/timeline from:2015-12 to:2015-12');
    expect(a.results.map((r) => r.date)).toEqual(['2015-12-05', '2015-12-15', '2015-12-16/2015-12-20', '2015-12-18', '2015-12-18/..']);
    expect(a.results.every((r) => (r.date as string).startsWith('2015-12'))).toBe(true);
    const geneva = ask('/timeline geneva');
    expect(geneva.results.map((r) => r.date)).toEqual(['2016-08-26', '2016-08-30/2016-09-05']);
  });
});

describe('the order of citations and of the timeline', () => {
  const sentence = 'On December 15, 2015, Kerry met Putin in Moscow.';
  const file = (outlet: string, published: string | null, extra = ''): string =>
    `---\noutlet: ${outlet}\n${published ? `published: ${published}\n` : ''}---\n${sentence}${extra ? `\n\n${extra}` : ''}\n`;
  const corpus = indexedCorpus(
    tempCorpus({
      'a.txt': file('Alpha Wire', '2015-12-16', 'Aid arrived in December 2015.'),
      'b.txt': file('Bravo News', '2015-12-15', 'Aid arrived on December 1, 2015.'),
      'c.txt': file('Charlie Post', null),
      // Delta's sentence names Kerry twice: a better match than Alpha's, published the same day.
      'd.txt': file('Delta Daily', '2015-12-16', 'Fighting has gone on since 2011.').replace('in Moscow.', 'in Moscow, Kerry said.'),
      'f.txt': file('Foxtrot Herald', '2015-12-17T10:00+01:00'),
      'g.txt': file('Golf Times', '2015-12-17T10:00-05:00', 'Talks began in November 2015.'),
    }),
  );

  it('cites the earliest outlet first, as the dates sort as text; the same day by the better match; undated last', () => {
    const a = ask('/when kerry putin moscow', corpus);
    expect(a.results[0]?.date).toBe('2015-12-15');
    expect(a.results[0]?.citations.map((c) => c.outlet)).toEqual([
      'Bravo News',
      'Delta Daily',
      'Alpha Wire',
      'Golf Times',
      'Foxtrot Herald',
      'Charlie Post',
    ]);
  });

  it('lists the timeline by the day each date starts on, the coarser date first on one day', () => {
    expect(ask('/timeline', corpus).results.map((r) => r.date)).toEqual([
      '2011',
      '2011/..',
      '2015-11',
      '2015-12',
      '2015-12-01',
      '2015-12-15',
    ]);
    expect(ask('/timeline from:2015-12', corpus).results.map((r) => r.date)).toEqual(['2015-12', '2015-12-01', '2015-12-15']);
    expect(ask('/timeline aid', corpus).results.map((r) => r.date)).toEqual(['2015-12', '2015-12-01']);
    // One date's mentions in corpus order.
    const day = ask('/timeline', corpus).results.find((r) => r.date === '2015-12-15');
    expect(day?.citations.map((c) => c.outlet)).toEqual([
      'Alpha Wire',
      'Bravo News',
      'Charlie Post',
      'Delta Daily',
      'Foxtrot Herald',
      'Golf Times',
    ]);
  });
});
