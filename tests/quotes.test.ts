import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/nlp/quotes.ts';

/** Quotes of a small text written for the test: one paragraph a line. */
const quotesOf = (text: string, author: string | null = null) =>
  findQuotes(
    text.split('\n').map((t) => ({ text: t })),
    author,
  ).map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker.name, status: q.speaker.status, pattern: q.pattern }));

describe('finding quotes in shapes the seed articles do not have', () => {
  it('reads "…," said X with the verb first, and X said: "…" with a colon', () => {
    const q = quotesOf(
      'German Chancellor Angela Merkel met the press in Berlin. "We will not give up," said Merkel.\nFrench President Emmanuel Macron said: "Europe must act together."',
    );
    expect(q).toEqual([
      expect.objectContaining({ kind: 'direct', text: 'We will not give up', speaker: 'Angela Merkel' }),
      expect.objectContaining({ kind: 'direct', text: 'Europe must act together.', speaker: 'Emmanuel Macron' }),
    ]);
  });

  it('follows "she" to the last speaker, and a split quote to its first half', () => {
    const q = quotesOf(
      'Foreign Minister Annalena Baerbock spoke in Kyiv on Monday. "The door stays open," Baerbock said. "But the terms are ours."\n"Nobody wants a long war," she added.',
    );
    expect(q.map((x) => [x.kind, x.text, x.speaker])).toEqual([
      ['direct', 'The door stays open … But the terms are ours.', 'Annalena Baerbock'],
      ['direct', 'Nobody wants a long war', 'Annalena Baerbock'],
    ]);
  });

  it('tells indirect speech by its verbs, and mixed quotes by a partial quote inside reported speech', () => {
    const q = quotesOf(
      'UN spokesman Stephane Dujarric warned that aid convoys were still blocked near Aleppo.\nDujarric insisted the blockade was "a violation of every agreement we have" and called for access.',
    );
    expect(q.map((x) => [x.kind, x.speaker])).toEqual([
      ['indirect', 'Stephane Dujarric'],
      ['mixed', 'Stephane Dujarric'],
    ]);
    expect(q[0]?.text).toBe('aid convoys were still blocked near Aleppo');
  });

  it('says "unattributed" or "ambiguous" rather than guess', () => {
    const q = quotesOf(
      'Officials said the talks would resume.\nSenator Tom Smith and Senator Jane Smith met on Friday. "It went well," Smith said.',
    );
    expect(q).toEqual([
      expect.objectContaining({ kind: 'indirect', speaker: null, status: 'unattributed' }),
      expect.objectContaining({ kind: 'direct', speaker: null, status: 'ambiguous' }),
    ]);
  });

  it('resolves a description to the one person whose role fits, and not to another', () => {
    const q = quotesOf(
      'Russian Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken in Geneva.\n"We have made progress," the Russian diplomat said.\n"There is more to do," the American diplomat said.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Sergei Lavrov', 'Antony Blinken']);
  });

  it('does not take scare quotes, names in quotes or a quoted title for speech', () => {
    expect(quotesOf('The so-called "moderate" rebels fought the "Islamic State" near the border.')).toEqual([]);
  });

  it('keeps a quote that runs over two paragraphs with its speaker', () => {
    const q = quotesOf('The minister, Mr. Jones, told reporters: "We will stay the course.\n"And we will win," he said.');
    expect(q.map((x) => [x.kind, x.text, x.speaker])).toEqual([
      ['direct', 'We will stay the course.', 'Mr. Jones'],
      ['direct', 'And we will win', 'Mr. Jones'],
    ]);
  });
});
