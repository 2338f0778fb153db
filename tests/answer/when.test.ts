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

  it('shows each date and says so when the sources give different dates for one event', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'a.txt': '---\noutlet: Wire A\npublished: 2016-03-10\n---\nThe ceasefire in Aleppo began on Monday, officials said.\n',
        'b.txt': '---\noutlet: Wire B\npublished: 2016-03-10\n---\nThe Aleppo ceasefire began on Tuesday, the army said.\n',
      }),
    );
    const a = ask('/when aleppo ceasefire', corpus);
    expect(a.results.map((r) => r.date).sort()).toEqual(['2016-03-07', '2016-03-08']);
    expect(a.notes?.join(' ')).toMatch(
      /the sources give different dates for this event: Mon 7 Mar 2016 \(Wire A\); Tue 8 Mar 2016 \(Wire B\)/,
    );
  });

  it('does not call two events of different days a disagreement', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'a.txt': '---\noutlet: Wire A\npublished: 2016-03-10\n---\nThe ceasefire in Aleppo began on Monday, officials said.\n',
        'b.txt':
          '---\noutlet: Wire B\npublished: 2016-03-10\n---\nRebels shelled the old city of Aleppo on Tuesday, breaking the ceasefire the monitors had praised.\n',
      }),
    );
    const a = ask('/when aleppo ceasefire', corpus);
    expect(a.results).toHaveLength(2);
    expect(a.notes ?? []).not.toContainEqual(expect.stringMatching(/different dates/));
  });

  it('matches each date against its own event, not the rest of its sentence', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'a.txt': '---\npublished: 2016-03-10\n---\nKerry met Lavrov in Geneva on Monday, and Putin will visit Paris in May.\n',
      }),
    );
    expect(ask('/when putin paris', corpus).results.map((r) => r.date)).toEqual(['2016-05']);
    expect(ask('/when kerry lavrov geneva', corpus).results.map((r) => r.date)).toEqual(['2016-03-07']);
  });

  it('says "undated in the corpus" when the sentences that name the event give no date, and cites them', () => {
    const corpus = indexedCorpus(tempCorpus({ 'a.txt': 'The envoys met in Vienna on Tuesday to discuss the truce.\n' }));
    expect(corpus.articles[0]?.events[0]).toMatchObject({ time: { value: null, granularity: 'unresolved' } });
    const a = ask('/when vienna', corpus);
    expect(a.results).toHaveLength(1);
    expect(a.results[0]?.date).toBeUndefined();
    expect(a.results[0]?.citations.map((c) => c.paragraph)).toEqual([1]);
    expect(a.notes).toContain('undated in the corpus: the sentences that name this event best give no date for it');
  });

  it('gives no date for an event with a word the corpus does not have, and says which', () => {
    const a = ask('/when Obama met Putin');
    expect(a.results).toEqual([]);
    expect(a.notes?.[0]).toBe('not in the corpus: "Obama"');
    expect(ask('/when zebra').results).toEqual([]);
  });

  it('reads a year or a month in the question as the period, never as a word to correct', () => {
    const a = ask('/when kerry moscow december 2015');
    expect(a.results[0]?.date).toBe('2015-12-15');
    expect(a.notes).toContain('dates in december 2015 only');
    expect(ask('/when kerry moscow 2014').notes?.[0]).toBe('nothing in the corpus dates "kerry moscow" in 2014');
  });

  it('shows a range at its own precision, never as one day', () => {
    const a = ask('/when russia aerial campaign daesh');
    expect(a.results[0]).toMatchObject({ date: '2015-09-20/..', details: { when: 'from late September 2015' } });
  });
});

describe('/when: words dated by their speaker’s remarks nearby', () => {
  // Invented: the analyst's remarks dated Tuesday in ¶1; ¶2 his undated words on Aleppo; ¶3 a date of its own on Aleppo.
  const corpus = indexedCorpus(
    tempCorpus({
      'a.txt':
        '---\noutlet: Wire A\npublished: 2016-03-10\n---\nTom Reyes, a political analyst in Ohio, made the remarks in an interview with Ohio Radio on Tuesday.\n\nThe political analyst said the siege of Aleppo was cruel.\n\nThe army has besieged Aleppo since late January.\n',
    }),
  );

  it('answers with the day of the remarks, and says how in words', () => {
    const a = ask('/when did Reyes say the siege of Aleppo was cruel', corpus);
    expect(a.results[0]).toMatchObject({ date: '2016-03-08', dateText: '' });
    expect(a.results[0]?.derivation).toBe(
      `The political analyst (Tom Reyes) speaking, with no date in the sentence: the day of Tom Reyes's remarks dated in ¶1 ("on Tuesday", Tue 8 Mar 2016)`,
    );
  });

  it('ranks a date a sentence gives in its own words first, and never lends the remarks’ day to it', () => {
    const a = ask('/when Aleppo', corpus);
    expect(a.results.map((r) => r.date)).toEqual(['2016-01-20/..', '2016-03-08']);
    expect(a.results[0]?.citations.map((c) => c.paragraph)).toEqual([3]);
  });
});

describe('/timeline', () => {
  it('lists the events in date order, one entry per event with every mention of it, each cited', () => {
    const a = ask('/timeline');
    const dates = a.results.map((r) => r.date as string);
    const starts = dates.map((d) => d.split('/')[0] as string);
    expect(starts).toEqual([...starts].sort());
    expect(dates).toContain('2013-07');
    const dec15 = a.results.filter((r) => r.date === '2015-12-15');
    // Kerry in Moscow on Tuesday, 15 December 2015: Al-Alam, LidTime (text and caption), Daily Sabah.
    expect(new Set(dec15.flatMap((r) => r.citations.map((c) => c.outlet)))).toEqual(
      new Set(['Al-Alam News Network', 'LidTime', 'Daily Sabah']),
    );
    for (const r of a.results) expect(r.details?.mentions).toBe(r.citations.length);
  });

  it('filters by topic and by the period the events start in, one entry per event', () => {
    const a = ask('/timeline from:2015-12 to:2015-12');
    const dates = a.results.map((r) => r.date);
    expect([...new Set(dates)]).toEqual(['2015-12-05', '2015-12-15', '2015-12-16/2015-12-20', '2015-12-18']);
    // Two things happened on Tuesday 15 December: the talks in Moscow and the air strikes.
    expect(dates.filter((d) => d === '2015-12-15').length).toBeGreaterThan(1);
    expect(ask('/timeline syria 2015').results.every((r) => (r.date as string).startsWith('2015'))).toBe(true);
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

  it('lists the timeline by the day each date starts on, one event of compatible dates at its finest', () => {
    // "since 2011" is one expression: the range, not also the year. Aid "in December 2015" and "on
    // December 1, 2015" is one event, shown at its day.
    expect(ask('/timeline', corpus).results.map((r) => r.date)).toEqual(['2011/..', '2015-11', '2015-12-01', '2015-12-15']);
    expect(ask('/timeline from:2015-12', corpus).results.map((r) => r.date)).toEqual(['2015-12-01', '2015-12-15']);
    expect(ask('/timeline aid', corpus).results.map((r) => [r.date, r.details?.mentions])).toEqual([['2015-12-01', 2]]);
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

describe('/timeline: words dated by their speaker’s remarks nearby', () => {
  it('lists the remarks, not the words they date', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'a.txt':
          '---\npublished: 2016-03-10\n---\nTom Reyes, a political analyst in Ohio, made the remarks in an interview on Tuesday.\n\nThe political analyst said the siege of Aleppo was cruel.\n',
      }),
    );
    expect(corpus.articles[0]?.events.map((e) => e.time.basis.kind)).toEqual(['weekday-by-tense', 'remarks-dated']);
    expect(ask('/timeline', corpus).results.map((r) => r.text)).toEqual([
      'Tom Reyes, a political analyst in Ohio, made the remarks in an interview on Tuesday.',
    ]);
  });
});
