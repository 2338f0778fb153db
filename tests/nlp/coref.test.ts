import { describe, expect, it } from 'vitest';
import {
  describedPeople,
  fitsDescription,
  genderOf,
  namedPeople,
  officeOf,
  personDescribed,
  placeOf,
  placeServed,
  readDescription,
  titledSurnames,
} from '../../src/nlp/coref.ts';

/** An invented article: two diplomats of two countries, a head of state, an analyst, a spokeswoman. */
const ARTICLE = [
  'Secretary of State Anna Bell flew to Oslo to see Russian Foreign Minister Pavel Orlov.',
  'Russian President Ivan Sokol later received them both.',
  'Tom Reyes, a political analyst in Ohio, said the meeting was overdue.',
  'Foreign Ministry spokeswoman Vera Lind said the talks would go on.',
];
const people = namedPeople(ARTICLE);
const nameOf = (np: string) => personDescribed(np, people)?.name ?? null;

describe('officeOf', () => {
  it('reads the most specific office of a title', () => {
    expect(officeOf('U.S. Secretary of State')).toBe('diplomat');
    expect(officeOf('Foreign Minister')).toBe('diplomat');
    expect(officeOf('Prime Minister')).toBe('leader');
    expect(officeOf('Defence Minister')).toBe('minister');
    expect(officeOf('Vice President')).toBe('deputy');
    expect(officeOf('presidential spokesman')).toBe('spokesperson');
    expect(officeOf('the founder of')).toBe('analyst');
  });

  it('names no office for words that are not a title', () => {
    expect(officeOf('the monitoring group')).toBeNull();
  });
});

describe('placeOf', () => {
  it('folds nationalities and capitals to the place they name', () => {
    expect(placeOf("Washington's")).toBe('us');
    expect(placeOf('the American envoy')).toBe('us');
    expect(placeOf('U.S.')).toBe('us');
    expect(placeOf('the Kremlin leader')).toBe('russia');
    expect(placeOf('Moscow')).toBe('russia');
    expect(placeOf('Secretary of State')).toBeNull();
  });

  it('finds no place in a word that only contains one', () => {
    expect(placeOf('the usual envoy')).toBeNull();
    expect(placeOf('campus editor')).toBeNull();
  });
});

describe('placeServed', () => {
  it('reads the country an institution or a title belongs to, where no place is named', () => {
    expect(placeServed('Secretary of State')).toBe('us');
    expect(placeServed('State Department spokesman')).toBe('us');
    expect(placeServed('Russian Foreign Minister')).toBe('russia');
    expect(placeServed('Foreign Minister')).toBeNull();
  });
});

describe('genderOf', () => {
  it('reads gender from an honorific or a gendered role word, else null', () => {
    expect(genderOf('Mrs. Hale', null)).toBe('f');
    expect(genderOf('Dan Hale', 'spokesman')).toBe('m');
    expect(genderOf('Dan Hale', 'analyst')).toBeNull();
  });
});

describe('titledSurnames', () => {
  it('reads a title before a surname alone as a person with that role', () => {
    expect(titledSurnames('Later, Russian President Sokol and the Pope met.').map((m) => [m.name, m.role])).toEqual([
      ['Sokol', 'Russian President'],
    ]);
  });

  it('takes no title before a full name, a role word or a function word', () => {
    expect(titledSurnames('President Ivan Sokol spoke.')).toEqual([]);
    expect(titledSurnames('The Prime Minister said so.')).toEqual([]);
  });
});

describe('namedPeople', () => {
  it('lists each person once, with every role the text gives them and the text first naming them', () => {
    const twice = namedPeople(['It rained.', 'Secretary of State Anna Bell spoke.', 'U.S. Secretary of State Anna Bell left.']);
    expect(twice.map((p) => [p.name, p.roles, p.firstSeen])).toEqual([['Anna Bell', ['Secretary of State', 'U.S. Secretary of State'], 1]]);
  });

  it('joins a titled surname to the one person of that surname, or keeps it alone', () => {
    const both = namedPeople(['Ivan Sokol, a former banker, spoke.', 'President Sokol left; President Vale stayed.']);
    expect(both.map((p) => [p.name, p.roles])).toEqual([
      ['Ivan Sokol', ['a former banker', 'President']],
      ['Vale', ['President']],
    ]);
  });

  it('joins a titled surname to no one when two people share it', () => {
    const two = namedPeople(['Ivan Sokol, a banker, spoke.', 'Olga Sokol, an editor, spoke.', 'President Sokol left.']);
    expect(two.map((p) => [p.name, p.roles])).toEqual([
      ['Ivan Sokol', ['a banker']],
      ['Olga Sokol', ['an editor']],
    ]);
  });
});

describe('readDescription', () => {
  it('reads office, place and gender', () => {
    expect(readDescription('the U.S. envoy')).toEqual({ office: 'diplomat', title: null, place: 'us', gender: null, former: false });
    expect(readDescription("Washington's top diplomat")).toEqual({
      office: 'diplomat',
      title: null,
      place: 'us',
      gender: null,
      former: false,
    });
    expect(readDescription('the Kremlin leader')).toEqual({ office: 'leader', title: null, place: 'russia', gender: null, former: false });
    expect(readDescription('the secretary of state')).toEqual({
      office: 'diplomat',
      title: 'secretary',
      place: 'us',
      gender: null,
      former: false,
    });
    expect(readDescription('The spokeswoman')).toEqual({ office: 'spokesperson', title: null, place: null, gender: 'f', former: false });
    expect(readDescription('the former president')).toEqual({
      office: 'leader',
      title: 'president',
      place: null,
      gender: null,
      former: true,
    });
  });

  it('reads no description of an indefinite, a plural, another person, or an owner who is not a place', () => {
    expect(readDescription('a Western diplomat')).toBeNull();
    expect(readDescription('the two leaders')).toBeNull();
    expect(readDescription('the new envoy')).toBeNull();
    expect(readDescription('the most recent president')).toBeNull();
    expect(readDescription("Sokol's spokesman")).toBeNull();
    expect(readDescription("the country's leader")).toBeNull();
    expect(readDescription('the monitoring group')).toBeNull();
  });
});

describe('fitsDescription', () => {
  const bell = { name: 'Anna Bell', roles: ['Secretary of State'] };
  it('fits when the office agrees and the place the description names is one of theirs', () => {
    expect(fitsDescription({ office: 'diplomat', title: null, place: 'us', gender: null, former: false }, bell)).toBe(true);
    expect(fitsDescription({ office: 'diplomat', title: null, place: null, gender: 'f', former: false }, bell)).toBe(true);
  });

  it('fits a title only to a role with that title, a general office to any of its titles', () => {
    const president = readDescription('the president')!;
    expect(fitsDescription(president, { name: 'Cy Vale', roles: ['civil rights leader'] })).toBe(false);
    expect(fitsDescription(president, { name: 'Al Moss', roles: ['President'] })).toBe(true);
    expect(fitsDescription(readDescription('the leader')!, { name: 'Al Moss', roles: ['President'] })).toBe(true);
  });

  it('fits a past office only to a past office', () => {
    const past = { office: 'leader', title: null, place: null, gender: null, former: true } as const;
    expect(fitsDescription(past, { name: 'Bo Lake', roles: ['Former President'] })).toBe(true);
    expect(fitsDescription(past, { name: 'Al Moss', roles: ['President'] })).toBe(false);
    expect(fitsDescription({ ...past, former: false }, { name: 'Bo Lake', roles: ['Former President'] })).toBe(false);
  });

  it('does not fit another office, another place, an untold place, or another gender', () => {
    expect(fitsDescription({ office: 'leader', title: null, place: null, gender: null, former: false }, bell)).toBe(false);
    expect(fitsDescription({ office: 'diplomat', title: null, place: 'russia', gender: null, former: false }, bell)).toBe(false);
    expect(
      fitsDescription(
        { office: 'diplomat', title: null, place: 'us', gender: null, former: false },
        { name: 'Jo Park', roles: ['Ambassador'] },
      ),
    ).toBe(false);
    expect(
      fitsDescription(
        { office: 'spokesperson', title: null, place: null, gender: 'm', former: false },
        { name: 'Vera Lind', roles: ['spokeswoman'] },
      ),
    ).toBe(false);
  });
});

describe('personDescribed', () => {
  it('takes a description to the one person whose role and place fit', () => {
    expect(nameOf('the U.S. envoy')).toBe('Anna Bell');
    expect(nameOf('the American diplomat')).toBe('Anna Bell');
    expect(nameOf('the Russian foreign minister')).toBe('Pavel Orlov');
    expect(nameOf('the Kremlin leader')).toBe('Ivan Sokol');
    expect(nameOf('the analyst')).toBe('Tom Reyes');
    expect(nameOf('the spokeswoman')).toBe('Vera Lind');
  });

  it('takes nothing when two fit or none does', () => {
    expect(nameOf('the diplomat')).toBeNull();
    expect(nameOf('the envoy')).toBeNull();
    expect(nameOf('the spokesman')).toBeNull();
    expect(nameOf('the Syrian leader')).toBeNull();
  });
});

describe('describedPeople', () => {
  it('finds each description of a sentence with its span and person', () => {
    const s = 'Even as the U.S. envoy and the Kremlin leader met on Monday, talks went on.';
    expect(describedPeople(s, people, ARTICLE.length)).toEqual([
      { name: 'Anna Bell', description: 'the U.S. envoy', span: [8, 22] },
      { name: 'Ivan Sokol', description: 'the Kremlin leader', span: [27, 45] },
    ]);
  });

  it('takes a possessive of a description for its person', () => {
    expect(describedPeople('In the analyst’s view, it is late.', people, ARTICLE.length).map((d) => d.name)).toEqual(['Tom Reyes']);
  });

  it('takes no one named only after the description', () => {
    const later = namedPeople(['The analyst spoke first.', 'Tom Reyes, a political analyst, agreed.']);
    expect(describedPeople('The analyst spoke first.', later, 0)).toEqual([]);
    expect(describedPeople('The analyst spoke again.', later, 2).map((d) => d.name)).toEqual(['Tom Reyes']);
  });

  it('takes no one when a person named by title alone also fits', () => {
    const titled = namedPeople([...ARTICLE, 'President Vale spoke.']);
    expect(describedPeople('The president left.', people, 9).map((d) => d.name)).toEqual(['Ivan Sokol']);
    expect(describedPeople('The president left.', titled, 9)).toEqual([]);
  });

  it('leaves a title before a name, a description with a complement, and one inside a quotation', () => {
    expect(describedPeople('He met the Russian President Ivan Sokol.', people, ARTICLE.length)).toEqual([]);
    expect(describedPeople('She met the leader of the opposition.', people, ARTICLE.length)).toEqual([]);
    expect(describedPeople('She would be the president they need.', people, ARTICLE.length)).toEqual([]);
    expect(describedPeople('Reyes said: "the Kremlin leader is wrong."', people, ARTICLE.length)).toEqual([]);
  });
});
