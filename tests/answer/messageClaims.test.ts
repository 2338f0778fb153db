import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimedSpeaker, claimsOf } from '../../src/answer/messageClaims.ts';
import { seedCorpus } from '../support/helpers.ts';

describe('claimsOf: the quoted passages of a message and who it says said them', () => {
  it('reads straight, curly and guillemet quotes', () => {
    expect(claimsOf('He wrote "we will win this war" yesterday').map((c) => c.quote)).toEqual(['we will win this war']);
    expect(claimsOf('“we will win this war”').map((c) => c.quote)).toEqual(['we will win this war']);
    expect(claimsOf('«we will win this war»').map((c) => c.quote)).toEqual(['we will win this war']);
    expect(claimsOf('„we will win this war“').map((c) => c.quote)).toEqual(['we will win this war']);
  });

  it('finds the speaker named before a passage', () => {
    expect(claimsOf('Kerry said “we will win this war”')).toEqual([{ quote: 'we will win this war', speaker: 'Kerry' }]);
    expect(claimsOf('According to Sergey Lavrov, "we will win this war"')).toEqual([
      { quote: 'we will win this war', speaker: 'Sergey Lavrov' },
    ]);
    expect(claimsOf('Lavrov: "we will win this war"')).toEqual([{ quote: 'we will win this war', speaker: 'Lavrov' }]);
    expect(claimsOf('the Russian foreign minister told reporters: "we will win this war"')).toEqual([
      { quote: 'we will win this war', speaker: 'the Russian foreign minister' },
    ]);
  });

  it('finds the speaker named after a passage', () => {
    expect(claimsOf('“we will win this war” — Lavrov')).toEqual([{ quote: 'we will win this war', speaker: 'Lavrov' }]);
    expect(claimsOf('"We will win this war," Kerry said.')).toEqual([{ quote: 'We will win this war,', speaker: 'Kerry' }]);
    expect(claimsOf('"We will win this war," said John Kerry.')).toEqual([{ quote: 'We will win this war,', speaker: 'John Kerry' }]);
  });

  it('gives each passage its own speaker', () => {
    expect(claimsOf('Kerry said “we want a deal now” and Lavrov replied: “there is no deal to be had”')).toEqual([
      { quote: 'we want a deal now', speaker: 'Kerry' },
      { quote: 'there is no deal to be had', speaker: 'Lavrov' },
    ]);
  });

  it('leaves a passage without a named speaker as it is, and skips scare quotes', () => {
    expect(claimsOf('Did anyone say "we will win this war"?')).toEqual([{ quote: 'we will win this war' }]);
    expect(claimsOf('the “moderate” opposition was bombed, Kerry said “we will win this war”')).toEqual([
      { quote: 'we will win this war', speaker: 'Kerry' },
    ]);
  });

  it('checks the whole text of a message with nothing quoted, less the speaker it names', () => {
    expect(claimsOf('we will win this war')).toEqual([{ quote: 'we will win this war' }]);
    expect(claimsOf('Kerry said that we will win this war')).toEqual([{ quote: 'we will win this war', speaker: 'Kerry' }]);
    expect(claimsOf('we will win this war — Sergey Lavrov')).toEqual([{ quote: 'we will win this war', speaker: 'Sergey Lavrov' }]);
    expect(claimsOf('<@123> hi')).toEqual([]);
    expect(claimsOf('')).toEqual([]);
  });

  it('drops mentions', () => {
    expect(claimsOf('<@123456> Kerry said "we will win this war"')).toEqual([{ quote: 'we will win this war', speaker: 'Kerry' }]);
  });
});

describe('claimsOf on any text', () => {
  it('never throws, gives at most one claim a passage, each quote words of the message', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(fc.constantFrom('"', '“', '”', '«', '»', '„', ' said ', ' — ', 'Kerry', 'the'), { maxLength: 12 }),
        (s, bits) => {
          const text = `${s}${bits.join('')}${s}`;
          const claims = claimsOf(text);
          for (const c of claims) {
            expect(text.replace(/<(?:@[!&]?|#)\d+>/g, ' ')).toContain(c.quote);
            expect(c.quote.trim()).not.toBe('');
          }
        },
      ),
    );
  });
});

describe('claimedSpeaker', () => {
  it('keeps the end of a name the corpus knows, else the name whole', () => {
    expect(claimedSpeaker(seedCorpus(), 'Yesterday Kerry')).toBe('Kerry');
    expect(claimedSpeaker(seedCorpus(), 'the Russian foreign minister')).toBe('the Russian foreign minister');
    expect(claimedSpeaker(seedCorpus(), 'Angela Merkel')).toBe('Angela Merkel');
  });
});
