import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { QuoteBook, type QuoteFacts, lookupForm, narrationTerms, quoteFactsOf } from '../../src/index/quoteBook.ts';
import { indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('lookupForm', () => {
  it('folds case, apostrophes and a leading article', () => {
    expect(lookupForm("The Putin's  Spokesman")).toBe(lookupForm('Putin’s spokesman'));
    expect(lookupForm('the geopolitical analyst')).toBe('geopolitical analyst');
    expect(lookupForm('Mr. Strokan.')).toBe('mr. strokan');
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

describe('the registry across articles', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          'The negotiator Michel Barnier met Prime Minister Theresa May in London on Monday to discuss the terms of the deal.',
          '"We are ready for the next round of the talks," Mr Barnier said after the meeting in London.',
          '"The deal is done and we will sign it this week," May said on Monday evening in London.',
          '',
        ].join('\n\n'),
        'b.txt': [
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-02\n---',
          'While Mr Barnier waited in Brussels, the talks on the terms of the deal went on for another week.',
          '"Nothing is agreed until everything is agreed," Mr Barnier said in Brussels on Tuesday.',
          '"It will take a long time to finish the work," the 69-year-old said in Brussels on Tuesday.',
          'Prince Bandar bin Sultan bin Abdulaziz Al Saud flew to Paris on Wednesday for talks with the president.',
          '',
        ].join('\n\n'),
      }),
    );

  it('keeps one entry per person, under the fullest name, typed as a person, with no clause word as a role', () => {
    const { quotes } = corpus();
    const barnier = quotes.speakers.filter((s) => /barnier/i.test(s.name));
    expect(barnier.map((s) => [s.name, s.kind])).toEqual([['Michel Barnier', 'person']]);
    expect(barnier[0]?.description).toBeNull();
    const may = quotes.speakers.filter((s) => /\bmay\b/i.test(s.name));
    expect(may.map((s) => [s.name, s.kind])).toEqual([['Theresa May', 'person']]);
  });

  it('lists no age as a speaker, and a long name whole', () => {
    const { quotes } = corpus();
    expect(quotes.speakers.some((s) => /year-old/.test(s.name))).toBe(false);
    expect(quotes.speakers.map((s) => s.name)).toContain('Bandar bin Sultan bin Abdulaziz Al Saud');
  });
});

describe('QuoteBook.fromFacts', () => {
  // B carries A's quote in a longer wording, so a book with B gives that group B's words (its narration still
  // A's sentence); C is another outlet's copy of A's words.
  const articles = () =>
    loadCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          '"The sanctions must end before the winter comes," Russian President Vladimir Putin said after talks on Ukraine.',
          '"We will keep talking to everyone," Russian Foreign Minister Ivan Petrov said.',
          '',
        ].join('\n\n'),
        'b.txt': [
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-03\n---',
          '"The sanctions must end before the winter comes, and the talks must go on," Putin said in Moscow on grain.',
          '',
        ].join('\n\n'),
        'c.txt': [
          '---\ntitle: C\noutlet: Third Post\npublished: 2020-01-02\n---',
          '"We will keep talking to everyone," Petrov said in Geneva.',
          '',
        ].join('\n\n'),
      }),
    ).articles;
  /** The book built from facts no book has read before: nothing kept from an earlier book. */
  const fresh = (facts: QuoteFacts[]) => JSON.stringify(QuoteBook.fromFacts(structuredClone(facts)).toJSON());
  const book = (facts: QuoteFacts[]) => JSON.stringify(QuoteBook.fromFacts(facts).toJSON());

  it('is the same book from facts read before, by a book of fewer articles or of another order, as from new ones', () => {
    const facts = articles().map(quoteFactsOf);
    const [a, b, c] = facts as [QuoteFacts, QuoteFacts, QuoteFacts];
    const abc = fresh(facts);
    expect(book([a])).toBe(fresh([a]));
    expect(book([a, c])).toBe(fresh([a, c]));
    expect(book(facts)).toBe(abc);
    // After the book with B's longer wording, a book without B again reads A's own words and narration.
    expect(book([a, c])).toBe(fresh([a, c]));
    expect(book([c, b, a])).toBe(fresh([c, b, a]));
    expect(book(facts)).toBe(abc);
    expect(book(facts)).toBe(JSON.stringify(QuoteBook.build(articles()).toJSON()));
  });

  it('gives the group the longer wording and keeps the narration of its first quote', () => {
    const facts = articles().map(quoteFactsOf);
    QuoteBook.fromFacts([facts[0] as QuoteFacts]);
    const quotes = QuoteBook.fromFacts(facts);
    const sanctions = quotes.groups.filter((g) => g.text.includes('sanctions'));
    expect(sanctions.map((g) => [g.text, g.refs])).toEqual([
      [
        'The sanctions must end before the winter comes, and the talks must go on',
        [
          { article: 0, quote: 0 },
          { article: 1, quote: 0 },
        ],
      ],
    ]);
    const lexicon = indexedCorpus(tempCorpus({ 'x.txt': 'Ukraine grain talks and sanctions in Moscow.\n' })).index.lexicon;
    const match = (topic: string) => quotes.query(topic, lexicon).hits.map((h) => [h.group.text.slice(0, 13), h.match]);
    expect(match('Ukraine')).toEqual([['The sanctions', 'narration']]);
    expect(match('grain')).toEqual([]);
  });
});
