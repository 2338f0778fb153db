import { describe, expect, it } from 'vitest';
import { actionTerms } from '../../src/nlp/eventSynonyms.ts';
import { terms } from '../../src/nlp/terms.ts';

describe('actionTerms', () => {
  it('widens an action to the words news uses for it', () => {
    expect(actionTerms(terms('talks')[0] as string)).toEqual(expect.arrayContaining(terms('met meeting negotiations')));
    expect(actionTerms(terms('began')[0] as string)).toEqual(expect.arrayContaining(terms('started launched')));
  });

  it('never widens a name or a place', () => {
    expect(actionTerms('kerri')).toEqual(['kerri']);
    expect(actionTerms('moscow')).toEqual(['moscow']);
  });
});
