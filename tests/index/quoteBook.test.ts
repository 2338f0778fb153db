import { describe, expect, it } from 'vitest';
import { fullNameAt, lookupForm, narrationTerms } from '../../src/index/quoteBook.ts';
import { findNames } from '../../src/nlp/people.ts';
import { indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('lookupForm', () => {
  it('folds case, apostrophes and a leading article', () => {
    expect(lookupForm("The Putin's  Spokesman")).toBe(lookupForm('Putin’s spokesman'));
    expect(lookupForm('the geopolitical analyst')).toBe('geopolitical analyst');
    expect(lookupForm('Mr. Strokan.')).toBe('mr. strokan');
  });
});

describe('fullNameAt', () => {
  it('takes back the first words of a long name the finder cut to its last two', () => {
    const text = 'The head of Saudi intelligence Prince Walid bin Faisal bin Abdulaziz Al Saud flew to Paris.';
    const m = findNames(text).find((n) => n.name.endsWith('Saud'));
    expect(m).toBeDefined();
    expect(fullNameAt(text, m!)).toBe('Walid bin Faisal bin Abdulaziz Al Saud');
  });

  it('leaves a name whose words before it are a role as it is', () => {
    const text = 'Russian Foreign Minister Sergei Lavrov said it.';
    const m = findNames(text)[0]!;
    expect(fullNameAt(text, m)).toBe(m.name);
  });
});

describe('narrationTerms', () => {
  it('is the sentence’s terms less the quote’s, each as often as the quote has it', () => {
    expect(narrationTerms(['we', 'stay', 'stay', 'kerry', 'said', 'ukraine'], ['we', 'stay'])).toEqual([
      'stay',
      'kerry',
      'said',
      'ukraine',
    ]);
  });
});

describe('the quote book of a tiny corpus', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          'Russian President Vladimir Putin met the envoy.',
          '"The sanctions must end soon," Putin’s spokesman said after talks that touched on Ukraine.',
          '"We will keep talking to everyone," Russian Foreign Minister Ivan Petrov said.',
          'State Department spokesman John Ames said "the talks were useful" and nothing more.',
          '',
        ].join('\n\n'),
      }),
    );

  it('finds a speaker by alias, by role words with or without "the", either apostrophe, and by a role of the same kind and place', () => {
    const { quotes } = corpus();
    const names = (q: string) => quotes.findSpeakers(q).map((s) => s.name);
    expect(names('Putin’s spokesman')).toEqual(['Putin’s spokesman']);
    expect(names("putin's spokesman")).toEqual(['Putin’s spokesman']);
    expect(names('the Russian foreign minister')).toEqual(['Ivan Petrov']);
    expect(names('Kremlin spokesman')).toEqual(['Putin’s spokesman']);
    expect(names('Moscow spokesman')).toEqual(['Putin’s spokesman']);
    expect(names('spokesman').sort()).toEqual(['John Ames', 'Putin’s spokesman']);
    expect(names('ivan')).toEqual(['Ivan Petrov']);
    expect(names('the London spokesman')).toEqual([]);
  });

  it('tells a quote whose own words match from one whose narration only matches', () => {
    const { quotes, index } = corpus();
    const match = (topic: string) => quotes.query(topic, index.lexicon).hits.map((h) => [h.group.text, h.match]);
    expect(match('Ukraine')).toEqual([['The sanctions must end soon', 'narration']]);
    expect(match('sanctions must end')).toEqual([['The sanctions must end soon', 'phrase']]);
    expect(match('sanctions end talks')).toContainEqual(['The sanctions must end soon', 'words']);
  });
});
