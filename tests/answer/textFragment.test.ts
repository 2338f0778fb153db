import { describe, expect, it } from 'vitest';
import { directiveWords, encodeDirectivePart, textDirective, wholeWordsAt, withTextFragment } from '../../src/answer/textFragment.ts';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('encodeDirectivePart', () => {
  it('encodes the directive’s own syntax: comma, dash, ampersand', () => {
    expect(encodeDirectivePart('Kerry, Lavrov')).toBe('Kerry%2C%20Lavrov');
    expect(encodeDirectivePart('so-called')).toBe('so%2Dcalled');
    expect(encodeDirectivePart('Q&A')).toBe('Q%26A');
  });

  it('encodes curly quotes, apostrophes and non-ASCII letters as UTF-8', () => {
    expect(encodeDirectivePart('“fundamentally”')).toBe('%E2%80%9Cfundamentally%E2%80%9D');
    expect(encodeDirectivePart('Assad’s')).toBe('Assad%E2%80%99s');
    expect(encodeDirectivePart("Russia's")).toBe('Russia%27s');
    expect(encodeDirectivePart('Erdoğan à Genève')).toBe('Erdo%C4%9Fan%20%C3%A0%20Gen%C3%A8ve');
  });

  it('decodes back to the words', () => {
    const words = 'a-b, c&d (e) “f” — ğ!';
    expect(decodeURIComponent(encodeDirectivePart(words))).toBe(words);
    expect(encodeDirectivePart(words)).not.toMatch(/[-,&()!' ]/);
  });
});

describe('wholeWordsAt', () => {
  it('finds words only as whole words, case-insensitively', () => {
    expect(wholeWordsAt('The talks ended.', 'talk')).toBe(-1);
    expect(wholeWordsAt('The talks ended.', 'THE TALKS')).toBe(0);
    expect(wholeWordsAt('He said: "we will."', '"we will."')).toBe(9);
  });
});

describe('directiveWords', () => {
  const paragraph =
    '"The United States and its partners are not seeking so-called regime change as it is known in Syria," Kerry said in a news conference.';

  it('gives short words whole', () => {
    expect(directiveWords('Kerry said', paragraph)).toEqual({ text: 'Kerry said' });
  });

  it('gives long words by their first and last words (start,end)', () => {
    const quote = 'The United States and its partners are not seeking so-called regime change as it is known in Syria';
    expect(directiveWords(quote, paragraph)).toEqual({ start: 'The United States and', end: 'is known in Syria' });
  });

  it('lengthens the start while it stands earlier on the page', () => {
    const quote = 'The United States and its partners are not seeking so-called regime change as it is known in Syria';
    const earlier = 'Title\nThe United States and Russia met.';
    expect(directiveWords(quote, paragraph, earlier)).toEqual({ start: 'The United States and its', end: 'is known in Syria' });
  });

  it('reads a split quote from its first part to its last', () => {
    const p = '"We are close," she said. "Very close to a deal that both sides can live with for years."';
    expect(directiveWords('We are close, … Very close to a deal that both sides can live with for years.', p)).toEqual({
      start: 'We are close,',
      end: 'live with for years.',
    });
  });

  it('gives nothing for words the paragraph does not have, or has only inside a word', () => {
    expect(directiveWords('our partners', paragraph)).toBeNull();
    expect(directiveWords('nited States', paragraph)).toBeNull();
  });

  it('folds white space as the page shows it', () => {
    expect(directiveWords('Kerry  said', 'Then Kerry\nsaid no.')).toEqual({ text: 'Kerry said' });
  });
});

describe('textDirective and withTextFragment', () => {
  it('writes text=… and text=start,end, encoded', () => {
    expect(textDirective({ text: 'so-called regime change' })).toBe(':~:text=so%2Dcalled%20regime%20change');
    expect(textDirective({ start: 'Kerry, Lavrov and', end: 'Q&A session' })).toBe(':~:text=Kerry%2C%20Lavrov%20and,Q%26A%20session');
  });

  it('adds the directive after the URL’s own fragment, or as the fragment', () => {
    expect(withTextFragment('https://a.example/x', { text: 'y' })).toBe('https://a.example/x#:~:text=y');
    expect(withTextFragment('https://a.example/x#top', { text: 'y' })).toBe('https://a.example/x#top:~:text=y');
  });
});

describe('citation links', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'known.txt':
          '---\ntitle: Talks\noutlet: Wire\nurl: https://wire.example/talks\npublished: 2020-01-01\n---\nThe envoys met in Genève on Monday and talked for hours about the so-called ceasefire.\n\n"We are not there yet," Smith said.\n',
        'unknown.txt':
          '---\ntitle: Other\noutlet: Post\noutlet_url: https://post.example/\npublished: 2020-01-02\n---\nThe envoys met in Genève on Monday and talked for hours about the ceasefire, the post said.\n',
      }),
    );

  it('links with a fragment of the cited paragraph where the article URL is known, never to the outlet home page', () => {
    const a = ask('/search genève ceasefire', corpus());
    const known = a.results.flatMap((r) => r.citations).find((c) => c.article === 'known');
    const home = a.results.flatMap((r) => r.citations).find((c) => c.article === 'unknown');
    expect(known?.url).toBe('https://wire.example/talks');
    expect(known?.link).toBe('https://wire.example/talks#:~:text=The%20envoys%20met%20in,about%20the%20so%2Dcalled%20ceasefire.');
    expect(home?.url).toBe('https://post.example/');
    expect(home?.link).toBe('https://post.example/');
  });

  it('opens a quote at its own words', () => {
    const a = ask('/quotes smith', corpus());
    expect(a.results[0]?.citations[0]?.link).toBe('https://wire.example/talks#:~:text=We%20are%20not%20there%20yet');
  });
});
