import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/nlp/quotes/index.ts';

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

describe('not guessing the speaker', () => {
  it('takes "he" to the last person named outside quotes, and "she" never to a man', () => {
    const q = quotesOf(
      'Russian Foreign Minister Sergei Lavrov met the press. "We are ready," Lavrov said.\nLater, U.S. Secretary of State John Kerry arrived in Moscow. "We are here to work," he said.\nDr. Jane Smith, a professor at Oxford, watched the talks. "They will fail," she said.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Sergei Lavrov', 'John Kerry', 'Dr. Jane Smith']);
  });

  it('leaves a quote unattributed when its cue names no one it can tell, or someone else is named before it', () => {
    const q = quotesOf(
      'Secretary of State John Kerry spoke first. "We are close," Kerry said.\n"It is a mistake," said one senior State Department official.\nRussian Foreign Minister Sergei Lavrov replied. Lavrov disagreed: "We have the outline of a deal."',
    );
    expect(q.map((x) => [x.speaker, x.status])).toEqual([
      ['John Kerry', 'attributed'],
      [null, 'unattributed'],
      ['Sergei Lavrov', 'attributed'],
    ]);
  });

  it('does not turn a report of what was not said, or a denial, into a claim', () => {
    const q = quotesOf(
      'Secretary of State John Kerry spoke in Geneva. Kerry never said that Assad must go. Kerry did not say whether the talks would resume.\nForeign Minister Sergei Lavrov denied that Russian jets had bombed a hospital in Aleppo.',
    );
    expect(q).toEqual([]);
  });

  it('never takes "a diplomat" for a diplomat already named', () => {
    const q = quotesOf('Secretary of State John Kerry met Lavrov. "Nobody believes them," a Western diplomat said.');
    expect(q[0]).toEqual(expect.objectContaining({ speaker: null, status: 'unattributed' }));
  });

  it('reads "told Reuters", "according to X" at the end, and an apposition before the verb', () => {
    const q = quotesOf(
      'Foreign Minister Sergei Lavrov told Reuters the ceasefire would hold.\nSecretary of State John Kerry, speaking in Geneva, said the talks had failed.\nThe convoy reached Aleppo on Monday, according to Kerry.',
    );
    expect(q.map((x) => [x.kind, x.text, x.speaker])).toEqual([
      ['indirect', 'the ceasefire would hold', 'Sergei Lavrov'],
      ['indirect', 'the talks had failed', 'John Kerry'],
      ['indirect', 'The convoy reached Aleppo on Monday', 'John Kerry'],
    ]);
  });
});
