import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/nlp/quotes/index.ts';
import { nameAfterTitle, reportSubject, sentenceSubject, unresolvedDescription } from '../../../src/nlp/quotes/subject.ts';
import { reading } from './fixtures.ts';

describe('nameAfterTitle', () => {
  it('reads the name behind a lowercase title as that name', () => {
    const { state } = reading('Veteran county pollster Dana Whitfield said the turnout would be low.');
    expect(nameAfterTitle('Veteran county pollster Dana Whitfield', state, 0, 0)?.name).toBe('Dana Whitfield');
  });

  it('takes no name when the subject has no lowercase word before it', () => {
    const { state } = reading('The vote was close.');
    expect(nameAfterTitle('Dana Whitfield', state, 0, 0)).toBeNull();
    expect(nameAfterTitle('the county board', state, 0, 0)).toBeNull();
  });
});

describe('unresolvedDescription', () => {
  it('keeps a description as written, naming no one', () => {
    for (const np of [
      'The campaign',
      'Many lawmakers',
      'the school board',
      'Local farmers',
      'Two county officials',
      'Federal and state regulators',
      'exit polls',
      'Officials at the state agency',
      'Members of Congress',
      '63 percent',
      '40 percent of voters',
    ]) {
      const s = unresolvedDescription(np);
      expect(s?.mention).toBe(np);
      expect(s?.name).toBeNull();
      expect(s?.status).toBe('unattributed');
    }
  });

  it('refuses what is not a noun phrase of a speaker', () => {
    for (const np of [
      'Last week the mayor',
      'The board has not',
      'the plan that he',
      'He',
      'the vote previously',
      'Route 9',
      'Glass',
      'In recent years',
      'In terms of votes',
    ]) {
      expect(unresolvedDescription(np)).toBeNull();
    }
  });
});

describe('reportSubject', () => {
  it('lets the speaker rules decide first', () => {
    const { state } = reading('Mayor Ana Ruiz opened the bridge.');
    expect(reportSubject('Ruiz', state, 40, 0)?.name).toBe('Ana Ruiz');
  });

  it('leaves pronouns the speaker rules refuse refused', () => {
    const { state } = reading('The bridge opened.');
    expect(reportSubject('They', state, 20, 0)).toBeNull();
  });
});

describe('reports whose subject the speaker rules do not resolve', () => {
  it('finds the report, unattributed, with the description as its mention', () => {
    const [q] = findQuotes([{ text: 'The campaign says the new ad will run in three states next week.' }], null);
    expect(q?.kind).toBe('indirect');
    expect(q?.text).toBe('the new ad will run in three states next week');
    expect(q?.speaker).toMatchObject({ mention: 'The campaign', name: null, status: 'unattributed' });
  });

  it('gives a report behind a lowercase title to the person it names', () => {
    const [q] = findQuotes([{ text: 'Veteran county pollster Dana Whitfield said the turnout would be low this year.' }], null);
    expect(q?.speaker.name).toBe('Dana Whitfield');
  });
});

describe('sentenceSubject', () => {
  it('reads the subject a sentence opens with, past an opening phrase', () => {
    const text = 'Mayor Ana Ruiz spoke.\nIn a long speech on Friday, Ruiz attacked the plan, saying it would fail.';
    const { state } = reading(text);
    expect(sentenceSubject('In a long speech on Friday, Ruiz attacked the plan, saying it would fail.', state, 30, 1)?.name).toBe(
      'Ana Ruiz',
    );
  });

  it('guesses no one when the sentence opens with no subject and verb', () => {
    const { state } = reading('Mayor Ana Ruiz spoke.');
    expect(sentenceSubject('After hours of talks, saying it would fail.', state, 30, 1)).toBeNull();
  });
});
