import { describe, expect, it } from 'vitest';
import { FRAMING_LEMMAS, verbForms } from '../../src/nlp/cues.ts';

describe('verbForms', () => {
  it('inflects a regular verb, a verb in -e and one in -y', () => {
    expect(verbForms('call')).toEqual(['call', 'calls', 'called', 'calling']);
    expect(verbForms('describe')).toEqual(['describe', 'describes', 'described', 'describing']);
    expect(verbForms('testify')).toEqual(['testify', 'testifies', 'testified', 'testifying']);
  });

  it('knows the irregular pasts and the doubled consonants', () => {
    expect(verbForms('say')).toContain('said');
    expect(verbForms('dub')).toEqual(['dub', 'dubs', 'dubbed', 'dubbing']);
    expect(verbForms('admit')).toEqual(['admit', 'admits', 'admitted', 'admitting']);
    expect(verbForms('label')).toEqual(['label', 'labels', 'labeled', 'labeling', 'labelled', 'labelling']);
  });

  it('lists each framing lemma once', () => {
    expect(new Set(FRAMING_LEMMAS).size).toBe(FRAMING_LEMMAS.length);
  });
});
