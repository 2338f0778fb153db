import { findQuotes } from '../../../src/nlp/quotes/index.ts';
import { describe, expect, it } from 'vitest';
import {
  SPEAKER_RULES,
  type SpeakerRule,
  confidenceOf,
  descriptionByRole,
  fitsDescription,
  fullName,
  genericSource,
  indefiniteSource,
  institutionSpokeBefore,
  itIsTheOrganisation,
  jointSpeaker,
  negatedReport,
  notAnOrganisation,
  nobody,
  organisation,
  person,
  personsOrganisation,
  placeAsOrganisation,
  preferNamed,
  pronounToLastPerson,
  pronounWithoutPerson,
  resolveMention,
  subordinateSubject,
  surname,
  trimConnectives,
  unresolvedCommonNoun,
  weIsTheAuthor,
} from '../../../src/nlp/quotes/speaker.ts';
import type { ArticleState } from '../../../src/nlp/quotes/state.ts';
import { NEXT, lastSpoke, reading } from './fixtures.ts';

const ARTICLE = 'Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva.';
/** The state after the article's first paragraph: Kerry and Lavrov named, Lavrov last. */
const known = (text = ARTICLE) => reading(text).state;
/** What a speaker rule says of a noun phrase in the paragraph after the article's first. */
const decide = (rule: SpeakerRule, np: string, state: ArticleState = known()) => rule(np, state, NEXT, 1);
const nameOf = (r: ReturnType<typeof resolveMention> | undefined) => (r ? [r.name, r.status] : r);

describe('trimConnectives', () => {
  it('drops a connective before the subject and an adverb after it', () => {
    expect(trimConnectives(' But Kerry also ')).toBe('Kerry');
  });

  it('keeps a subject with neither', () => {
    expect(trimConnectives('Secretary of State John Kerry')).toBe('Secretary of State John Kerry');
  });
});

describe('resolveMention', () => {
  it('tries the rules in order until one decides', () => {
    expect(SPEAKER_RULES[0]).toBe(pronounToLastPerson);
    expect(nameOf(resolveMention('But Kerry also', known(), NEXT, 1))).toEqual(['John Kerry', 'attributed']);
  });

  it('is null for a phrase of more than ten words, and for one no rule takes', () => {
    expect(resolveMention('one two three four five six seven eight nine ten eleven', known(), NEXT, 1)).toBeNull();
    expect(resolveMention('rebels', known(), NEXT, 1)).toBeNull();
  });
});

describe('pronounToLastPerson', () => {
  it('takes "he" to the subject before it, not to the last name of the sentence', () => {
    expect(nameOf(decide(pronounToLastPerson, 'he'))).toEqual(['John Kerry', 'attributed']);
  });

  it('takes "he" to the last person named when no subject or speaker is near', () => {
    const state = known('The talks, with Secretary of State John Kerry and Foreign Minister Sergei Lavrov, ended.');
    expect(nameOf(decide(pronounToLastPerson, 'he', state))).toEqual(['Sergei Lavrov', 'attributed']);
  });

  it('passes over a subject whose given name tells another gender', () => {
    const state = known('Hillary Clinton met Secretary of State John Kerry.');
    expect(nameOf(decide(pronounToLastPerson, 'he', state))).toEqual(['John Kerry', 'attributed']);
  });

  it('never takes "she" to a man', () => {
    const state = known('Mrs. Jane Smith met Mr. Sergei Lavrov.');
    expect(nameOf(decide(pronounToLastPerson, 'she', state))).toEqual(['Mrs. Jane Smith', 'attributed']);
    expect(nameOf(decide(pronounToLastPerson, 'she', known('Mr. Sergei Lavrov spoke.')))).toEqual([null, 'ambiguous']);
  });

  it('does not decide for other words', () => {
    expect(decide(pronounToLastPerson, 'they')).toBeUndefined();
  });
});

describe('weIsTheAuthor', () => {
  it('takes "we" to the author of the article', () => {
    expect(nameOf(decide(weIsTheAuthor, 'we', reading(ARTICLE, 'Jane Doe').state))).toEqual(['Jane Doe', 'attributed']);
  });

  it('leaves "we" unattributed without a byline, and does not decide for other words', () => {
    expect(nameOf(decide(weIsTheAuthor, 'we'))).toEqual([null, 'unattributed']);
    expect(decide(weIsTheAuthor, 'he')).toBeUndefined();
  });
});

describe('pronounWithoutPerson', () => {
  it('makes "they", "it" or "which" no speaker', () => {
    expect(decide(pronounWithoutPerson, 'they')).toBeNull();
    expect(decide(pronounWithoutPerson, 'which')).toBeNull();
  });

  it('does not decide for a name', () => {
    expect(decide(pronounWithoutPerson, 'Kerry')).toBeUndefined();
  });
});

describe('negatedReport', () => {
  it('makes "Kerry never" (said) and "nobody" (said) no speaker', () => {
    expect(decide(negatedReport, 'Kerry never')).toBeNull();
    expect(decide(negatedReport, 'Kerry did not')).toBeNull();
    expect(decide(negatedReport, 'nobody')).toBeNull();
  });

  it('does not decide for a plain subject', () => {
    expect(decide(negatedReport, 'Kerry')).toBeUndefined();
  });
});

describe('subordinateSubject', () => {
  it('resolves the subject after "though"', () => {
    expect(nameOf(decide(subordinateSubject, 'though Kerry'))).toEqual(['John Kerry', 'attributed']);
  });

  it('does not decide without a subordinating word', () => {
    expect(decide(subordinateSubject, 'Kerry')).toBeUndefined();
  });
});

describe('jointSpeaker', () => {
  it('joins two people into one speaker', () => {
    expect(decide(jointSpeaker, 'Kerry and Lavrov')).toMatchObject({
      name: 'John Kerry and Sergei Lavrov',
      members: ['John Kerry', 'Sergei Lavrov'],
      kind: 'person',
    });
  });

  it('does not decide when one side is not a person', () => {
    expect(decide(jointSpeaker, 'Kerry and the rebels')).toBeUndefined();
  });
});

describe('fullName', () => {
  it('takes a name with its title to the person already named', () => {
    expect(decide(fullName, 'Secretary of State John Kerry')).toMatchObject({ name: 'John Kerry', role: 'Secretary of State' });
  });

  it('does not decide for a description', () => {
    expect(decide(fullName, 'the minister')).toBeUndefined();
  });
});

describe('surname', () => {
  it('takes a bare surname to the one person who has it', () => {
    expect(nameOf(decide(surname, 'Kerry'))).toEqual(['John Kerry', 'attributed']);
  });

  it('is ambiguous when two people share it, and does not decide for a lower-case word', () => {
    expect(nameOf(decide(surname, 'Smith', known('Senator Tom Smith met Senator Jane Smith.')))).toEqual([null, 'ambiguous']);
    expect(decide(surname, 'the minister')).toBeUndefined();
  });

  it('takes a shared surname to the subject of the paragraphs before, when no one else of that surname was named since', () => {
    const bill = known('Former President Bill Clinton spoke in Flint for his wife Hillary Clinton.\nClinton said the system is crazy.');
    expect(nameOf(surname('Clinton', bill, NEXT + 5))).toEqual([null, 'ambiguous']);
    const again = known('The rally in Flint was for Hillary Clinton.\nFormer President Bill Clinton spoke there on Monday.');
    expect(nameOf(surname('Clinton', again, 2 * NEXT))).toEqual(['Bill Clinton', 'attributed']);
    const both = known('Senator Tom Smith and Senator Jane Smith met on Friday.');
    expect(nameOf(surname('Smith', both, NEXT))).toEqual([null, 'ambiguous']);
  });
});

describe('indefiniteSource', () => {
  it('never attributes "a Western diplomat" to a diplomat already named', () => {
    expect(nameOf(decide(indefiniteSource, 'a Western diplomat'))).toEqual([null, 'unattributed']);
  });

  it('does not decide for "the Russian diplomat"', () => {
    expect(decide(indefiniteSource, 'the Russian diplomat')).toBeUndefined();
  });
});

describe('descriptionByRole', () => {
  it('takes a description to the one person whose role and place fit', () => {
    expect(nameOf(decide(descriptionByRole, 'the Russian diplomat'))).toEqual(['Sergei Lavrov', 'attributed']);
    expect(nameOf(decide(descriptionByRole, 'the American diplomat'))).toEqual(['John Kerry', 'attributed']);
  });

  it('prefers a recent last speaker whose role fits', () => {
    const state = known();
    lastSpoke(state, 'kerry', 0);
    expect(nameOf(decide(descriptionByRole, 'the diplomat', state))).toEqual(['John Kerry', 'attributed']);
  });

  it('keeps "Putin’s spokesman" as a description when no one fits, and "the editor" unattributed', () => {
    expect(decide(descriptionByRole, "Putin's spokesman")).toMatchObject({ name: "Putin's spokesman", kind: 'description' });
    expect(nameOf(decide(descriptionByRole, 'the editor'))).toEqual([null, 'unattributed']);
  });

  it('does not decide for a name', () => {
    expect(decide(descriptionByRole, 'Kerry')).toBeUndefined();
  });
});

describe('fitsDescription', () => {
  it('fits a person of the same role class and place', () => {
    const lavrov = known().people.get('lavrov')![0]!;
    expect(fitsDescription({ office: 'diplomat', title: null, place: 'russia', gender: null, former: false })(lavrov)).toBe(true);
  });

  it('does not fit a person of another place, or of another role', () => {
    const state = known('U.S. Secretary of State John Kerry met UN spokesman Stephane Dujarric.');
    const kerry = state.people.get('kerry')![0]!;
    expect(fitsDescription({ office: 'spokesperson', title: null, place: null, gender: null, former: false })(kerry)).toBe(false);
    expect(fitsDescription({ office: 'diplomat', title: null, place: 'russia', gender: null, former: false })(kerry)).toBe(false);
  });
});

describe('genericSource', () => {
  it('leaves "officials" and "Western diplomats" unattributed', () => {
    expect(nameOf(decide(genericSource, 'officials'))).toEqual([null, 'unattributed']);
    expect(nameOf(decide(genericSource, 'Western diplomats'))).toEqual([null, 'unattributed']);
  });

  it('does not decide for a name', () => {
    expect(decide(genericSource, 'Kerry')).toBeUndefined();
  });
});

describe('placeAsOrganisation', () => {
  it('takes "Washington" for the United States', () => {
    expect(decide(placeAsOrganisation, 'Washington')).toMatchObject({ name: 'United States', kind: 'organisation' });
  });

  it('does not decide for a longer phrase', () => {
    expect(decide(placeAsOrganisation, 'the people of Russia')).toBeUndefined();
  });
});

describe('organisation', () => {
  it('takes "Press TV" and "the Foreign Ministry" for organisations', () => {
    expect(decide(organisation, 'Press TV')).toMatchObject({ name: 'Press TV', kind: 'organisation' });
    expect(decide(organisation, 'the Foreign Ministry')).toMatchObject({ name: 'Foreign Ministry', kind: 'organisation' });
  });

  it('makes "In Geneva" no speaker, and does not decide for lower-case words', () => {
    expect(decide(organisation, 'In Geneva')).toBeNull();
    expect(decide(organisation, 'rebels')).toBeUndefined();
  });
});

describe('preferNamed', () => {
  it('takes the person named in an apposition over an unattributed description', () => {
    const state = known('The minister, Mr. Jones, told reporters.');
    expect(preferNamed(nobody('The minister'), 'The minister, Mr. Jones, told reporters', state)?.name).toBe('Mr. Jones');
  });

  it('keeps a speaker already attributed', () => {
    const state = known();
    const kerry = person(state.people.get('kerry')![0]!, 'Kerry');
    expect(preferNamed(kerry, 'Kerry, with Sergei Lavrov, said', state)).toBe(kerry);
  });
});

describe('confidenceOf', () => {
  it('keeps the figure for a name, and lowers it for a pronoun', () => {
    const kerry = person(known().people.get('kerry')![0]!, 'Kerry');
    expect(confidenceOf(kerry, 0.95)).toBe(0.95);
    expect(confidenceOf({ ...kerry, mention: 'he' }, 0.95)).toBe(0.81);
  });

  it('caps an unattributed speaker at 0.3', () => {
    expect(confidenceOf(nobody('officials'), 0.95)).toBe(0.3);
  });
});

describe('notAnOrganisation', () => {
  it('leaves an age unattributed, and takes no participle, possessive phrase, lower-case word or person’s name for an organisation', () => {
    expect(nameOf(decide(notAnOrganisation, 'the 69-year-old'))).toEqual([null, 'unattributed']);
    expect(decide(notAnOrganisation, 'Having')).toBeNull();
    expect(decide(notAnOrganisation, 'Obama’s America')).toBeNull();
    expect(decide(notAnOrganisation, 'and')).toBeNull();
    expect(decide(notAnOrganisation, 'Kerry Speech')).toBeNull();
  });

  it('does not decide for a name an organisation may have', () => {
    expect(decide(notAnOrganisation, 'Press TV')).toBeUndefined();
  });
});

describe('unresolvedCommonNoun', () => {
  it('keeps a description no one is given for as the speaker, unattributed', () => {
    expect(decide(unresolvedCommonNoun, 'the announcer')).toMatchObject({ mention: 'the announcer', name: null, status: 'unattributed' });
    expect(decide(unresolvedCommonNoun, 'his campaign aides')).toMatchObject({ name: null, status: 'unattributed' });
  });

  it('does not decide for a name, a clause or an adverb', () => {
    expect(decide(unresolvedCommonNoun, 'Kerry')).toBeUndefined();
    expect(decide(unresolvedCommonNoun, 'his best response was to')).toBeUndefined();
    expect(decide(unresolvedCommonNoun, 'the only')).toBeUndefined();
  });
});

describe('personsOrganisation', () => {
  it('takes "the Clinton campaign" to the campaign of the one Clinton the article names', () => {
    const state = known('Hillary Clinton spoke in Ohio.');
    expect(decide(personsOrganisation, 'The Clinton campaign', state)).toMatchObject({
      name: 'Hillary Clinton campaign',
      kind: 'organisation',
    });
    expect(decide(personsOrganisation, 'The Smith campaign', state)).toBeUndefined();
  });
});

describe('institutionSpokeBefore', () => {
  it('takes "the ministry" and "the statement" to the organisation that spoke just before', () => {
    const q = findQuotes(
      [
        'The Foreign Ministry said the talks were useful.',
        '"We will continue," the statement said.',
        '"It is fine," the ministry said.',
      ].map((text) => ({ text })),
      null,
    );
    expect(q.map((x) => [x.speaker.name, x.speaker.kind])).toEqual([
      ['Foreign Ministry', 'organisation'],
      ['Foreign Ministry', 'organisation'],
      ['Foreign Ministry', 'organisation'],
    ]);
  });

  it('does not decide when no organisation of that kind spoke', () => {
    expect(decide(institutionSpokeBefore, 'the ministry')).toBeUndefined();
  });
});

describe('jointSpeaker of bodies', () => {
  it('takes two organisations named together as one joint organisation speaker', () => {
    expect(decide(jointSpeaker, 'The Oakland Education Association and Oakland Unified School District')).toMatchObject({
      name: 'Oakland Education Association and Oakland Unified School District',
      kind: 'organisation',
    });
  });
});

describe('sharedSurnameSpeaker', () => {
  it('takes a shared surname to the one of them who has spoken, when none of the others has', () => {
    const text = [
      '"We will win," said Senator Ted Cruz.',
      'Donald Trump attacked Heidi Cruz and Rafael Cruz on Friday.',
      '"It is personal," Cruz said.',
    ];
    expect(
      findQuotes(
        text.map((t) => ({ text: t })),
        null,
      )[1]?.speaker,
    ).toMatchObject({ name: 'Ted Cruz', status: 'attributed' });
  });
});

describe('pronounToLastPerson after a report', () => {
  it('gives "he" right after `…, Lavrov said.` to Lavrov, not to the speaker of the quote before', () => {
    const text = [
      'Secretary of State John Kerry met Foreign Minister Sergei Lavrov.',
      '"We are close," Kerry said after meeting Putin. "We are committed to try to destroy Daesh," he added.',
      'The talks were long, Lavrov said. "It was useful," he said.',
    ];
    const q = findQuotes(
      text.map((t) => ({ text: t })),
      null,
    );
    expect(q.map((x) => [x.text, x.speaker.name])).toEqual([
      ['We are close', 'John Kerry'],
      ['We are committed to try to destroy Daesh', 'John Kerry'],
      ['The talks were long', 'Sergei Lavrov'],
      ['It was useful', 'Sergei Lavrov'],
    ]);
  });
});

describe('itIsTheOrganisation', () => {
  it('takes "it" to the organisation that spoke just before, and leaves it no speaker when none did', () => {
    const q = findQuotes(
      ['The Detroit News said the race was close.', '"Voters deserve better," it added.'].map((text) => ({ text })),
      null,
    );
    expect(q[1]?.speaker).toMatchObject({ name: 'Detroit News', kind: 'organisation' });
    expect(decide(itIsTheOrganisation, 'it')).toBeUndefined();
  });
});
