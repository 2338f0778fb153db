import { findQuotes, registerMentions } from '../../../src/nlp/quotes/index.ts';
import { describe, expect, it } from 'vitest';
import { findNames } from '../../../src/nlp/people.ts';
import { nobody, person } from '../../../src/nlp/quotes/speaker.ts';
import {
  addDirect,
  addDraft,
  genderOf,
  isSubjectAt,
  lastMentioned,
  lastSalient,
  newArticleState,
  peopleBySurname,
  quoteAt,
  registerName,
} from '../../../src/nlp/quotes/state.ts';
import { NEXT, kept, quotation, reading } from './fixtures.ts';

const nameIn = (text: string) => {
  const [m] = findNames(text);
  if (!m) throw new Error(`no name in ${text}`);
  return m;
};

describe('newArticleState', () => {
  it('keeps a byline of one person for "we"', () => {
    expect(newArticleState('Jane Doe').author).toBe('Jane Doe');
  });

  it('drops a byline that is not one person’s name', () => {
    expect(newArticleState('Reuters staff and agencies').author).toBeNull();
  });
});

describe('genderOf', () => {
  it('reads gender from an honorific or a role word', () => {
    expect(genderOf(nameIn('Mrs. Jane Smith spoke.'))).toBe('f');
    expect(genderOf(nameIn('Kremlin spokesman Dmitry Peskov spoke.'))).toBe('m');
  });

  it('reads it from a given name every name list agrees on, and from no other', () => {
    expect(genderOf(nameIn('Secretary of State John Kerry spoke.'))).toBe('m');
    expect(genderOf(nameIn('Senator Hillary Clinton spoke.'))).toBe('f');
    // A woman's name in English, a man's in Italian: unknown.
    expect(genderOf(nameIn('Senator Andrea Rossi spoke.'))).toBeNull();
  });
});

describe('registerName', () => {
  it('merges a later, fuller mention into the person already named', () => {
    const state = newArticleState(null);
    const first = registerName(state, nameIn('Mr. Kerry spoke.'), 0);
    const again = registerName(state, nameIn('Secretary of State John Kerry spoke.'), 10);
    expect(again).toBe(first);
    expect(first).toMatchObject({ name: 'John Kerry', first: 'John', role: 'Secretary of State', gender: 'm' });
    expect(state.mentions.map((m) => m.at)).toEqual([0, 10]);
  });

  it('keeps two people of one surname apart when their first names differ', () => {
    const state = newArticleState(null);
    registerName(state, nameIn('Senator Tom Smith spoke.'), 0);
    registerName(state, nameIn('Senator Jane Smith spoke.'), 10);
    expect(state.people.get('smith')?.map((p) => p.name)).toEqual(['Tom Smith', 'Jane Smith']);
  });
});

describe('peopleBySurname', () => {
  it('finds the people of a bare surname, possessive or not', () => {
    const { state } = reading('Secretary of State John Kerry spoke.');
    expect(peopleBySurname(state, 'Kerry’s').map((p) => p.name)).toEqual(['John Kerry']);
  });

  it('finds no one for a surname not named yet', () => {
    expect(peopleBySurname(reading('Secretary of State John Kerry spoke.').state, 'Lavrov')).toEqual([]);
  });
});

describe('lastMentioned', () => {
  it('is the last person named before a point', () => {
    const { state } = reading('Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov.');
    expect(lastMentioned(state, NEXT)?.name).toBe('Sergei Lavrov');
    expect(lastMentioned(state, NEXT, (p) => p.key === 'kerry')?.name).toBe('John Kerry');
  });

  it('passes over a person named inside a quotation', () => {
    const { state } = reading('Secretary of State John Kerry said "we spoke to Foreign Minister Sergei Lavrov today."');
    expect(lastMentioned(state, NEXT)?.name).toBe('John Kerry');
  });
});

describe('isSubjectAt', () => {
  const subject = (text: string, name: string) => {
    const i = text.indexOf(name);
    return isSubjectAt(text, 0, i, i + name.length);
  };

  it('takes a name after a connective, an opening phrase or title words as the subject', () => {
    expect(subject('Later, U.S. Secretary of State John Kerry arrived.', 'John Kerry')).toBe(true);
    expect(subject('Speaking in Novi, Michigan, Trump says he will win.', 'Trump')).toBe(true);
    expect(subject('White House press secretary Josh Earnest said so.', 'Josh Earnest')).toBe(true);
  });

  it('does not take an object or a possessive for one', () => {
    expect(subject('Trump attacked Obama on Friday.', 'Obama')).toBe(false);
    expect(subject('Trump’s campaign said so.', 'Trump')).toBe(false);
  });
});

describe('lastSalient', () => {
  it('is the last subject before a point, not the last name', () => {
    const { state } = reading('Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov.');
    expect(lastSalient(state, NEXT)?.name).toBe('John Kerry');
  });

  it('forgets a subject more than two paragraphs back', () => {
    const { state } = reading('Secretary of State John Kerry arrived.\nIt rained.\nIt rained.\nIt rained.');
    expect(lastSalient(state, 4 * NEXT)).toBeNull();
  });
});

describe('addDraft', () => {
  const draft = (speaker: ReturnType<typeof nobody>) => ({
    kind: 'indirect' as const,
    text: 'the talks failed',
    span: [0, 16] as [number, number],
    sentence: '',
    speaker,
    cue: 'said',
    pattern: 'X said (that) …',
    confidence: 0.8,
    at: 5,
  });

  it('keeps the quote, marks its words used and makes the one person of quoted words the last speaker', () => {
    const { state, para } = reading('Secretary of State John Kerry spoke.');
    addDraft(state, para, { ...draft(person(state.people.get('kerry')![0]!, 'Kerry')), kind: 'direct' });
    expect(para.drafts).toHaveLength(1);
    expect(para.used).toEqual([[0, 16]]);
    expect(state.lastSpeaker).toMatchObject({ person: { name: 'John Kerry' }, paragraph: 0 });
  });

  it('makes the speaker of indirect speech the one spoken of, not the last speaker a cue-less quotation continues', () => {
    const { state, para } = reading('The talks in Geneva went on for days.');
    registerName(state, findNames('Secretary of State John Kerry')[0]!, 1);
    addDraft(state, para, draft(person(state.people.get('kerry')![0]!, 'Kerry')));
    expect(state.lastSpeaker).toBeNull();
    expect(lastSalient(state, NEXT)?.name).toBe('John Kerry');
  });

  it('leaves the last speaker alone for an unattributed quote', () => {
    const { state, para } = reading('Secretary of State John Kerry spoke.');
    addDraft(state, para, draft(nobody('officials')));
    expect(para.drafts).toHaveLength(1);
    expect(state.lastSpeaker).toBeNull();
  });
});

describe('quoteAt', () => {
  it('gives the quoted words, the sentence, and the text before and after the quotation', () => {
    const { quote } = quotation('Kerry arrived. Later he said: "We are close, very close," to reporters.');
    expect(quote).toMatchObject({
      content: 'We are close, very close',
      before: 'Later he said: ',
      after: ' to reporters.',
      sentence: 'Later he said: "We are close, very close," to reporters.',
      ss: 15,
      at: 30,
    });
  });

  it('starts the text before at the end of the quotation before it', () => {
    const { para } = reading('"We are close," he said, "very close."');
    expect(quoteAt(para, para.spans[1]!, 1).before).toBe(' he said, ');
  });
});

describe('addDirect', () => {
  it('keeps the quotation’s words, inside the marks, as a direct quote', () => {
    const { state, para, quote } = quotation('"We are close," Kerry said.');
    addDirect(state, para, quote, nobody('Kerry'), 'said', '"…," X said', 0.3);
    expect(kept(para)).toEqual([{ kind: 'direct', text: 'We are close', speaker: null, cue: 'said', pattern: '"…," X said' }]);
    expect(para.drafts[0]?.span).toEqual([1, 14]);
  });
});

describe('participleSubject', () => {
  const speakerOf = (text: string) =>
    findQuotes(
      text.split('\n').map((t) => ({ text: t })),
      null,
    )[0]?.speaker;

  it('gives a participle without a subject to the subject of its sentence, not to an object named after it', () => {
    expect(speakerOf('Donald Trump spoke.\nTrump attacked Hillary Clinton over Libya, saying, "She is trigger-happy."')).toMatchObject({
      name: 'Donald Trump',
      status: 'attributed',
    });
  });

  it('is ambiguous, naming both, when the last person named is the subject of a clause of their own', () => {
    const text =
      'Secretary of State John Kerry met Russian officials.\nEric Draitser, the founder of, made the remarks on Tuesday as Kerry arrived in Moscow, saying "I look forward to making real progress."';
    expect(speakerOf(text)).toMatchObject({ name: 'John Kerry', status: 'ambiguous', candidates: ['John Kerry', 'Eric Draitser'] });
  });
});

describe('registerName of a shared surname', () => {
  it('records "Mr. Clinton" where two Clintons are named as a mention of neither', () => {
    const state = newArticleState(null);
    registerMentions(state, 'Bill Clinton and Hillary Clinton spoke.', 0);
    const before = state.mentions.length;
    registerMentions(state, 'Mr. Clinton agreed.', 1_000_000);
    expect(state.mentions).toHaveLength(before);
  });
});
