import { describe, expect, it } from 'vitest';
import { findNames, givenNameGender } from '../../src/nlp/people.ts';

const names = (text: string) => findNames(text).map((m) => [m.name, m.role]);

describe('givenNameGender', () => {
  it('tells the gender of a given name the lists agree on', () => {
    expect(givenNameGender('Hillary')).toBe('f');
    expect(givenNameGender('Donald')).toBe('m');
  });

  it('is null for a name the lists split on, an unknown word, or none', () => {
    expect(givenNameGender('Andrea')).toBeNull();
    expect(givenNameGender('Xqzt')).toBeNull();
    expect(givenNameGender(null)).toBeNull();
  });
});

describe('findNames', () => {
  it('starts the name after every title word, whatever words come first', () => {
    expect(names('Italian Prime Minister Matteo Renzi spoke.')).toEqual([['Matteo Renzi', 'Italian Prime Minister']]);
    expect(names('European Council President Donald Tusk spoke.')).toEqual([['Donald Tusk', 'European Council President']]);
  });

  it('starts it at a known given name after a word that is not one', () => {
    expect(names('Republican Donald Trump spoke.')).toEqual([['Donald Trump', 'Republican']]);
  });

  it('takes a run opening with a known given name as a person, but not a place', () => {
    expect(names('Yesterday Hillary Clinton spoke.')).toEqual([['Hillary Clinton', null]]);
    expect(names('They went to West Virginia and New York.')).toEqual([]);
  });

  it('keeps a long name joined by particles whole', () => {
    expect(names('Prince Bandar bin Sultan bin Abdulaziz Al Saud spoke.')).toEqual([['Bandar bin Sultan bin Abdulaziz Al Saud', 'Prince']]);
  });

  it('leaves a possessive out of the name, and ends the name there', () => {
    expect(names('Barack Obama’s plan failed.')).toEqual([['Barack Obama', null]]);
    expect(names('Mr. Trump’s RT show aired.')).toEqual([['Mr. Trump', null]]);
  });
});

describe('findNames titles', () => {
  it('keeps an abbreviated title out of the name, as its role, full stop and all', () => {
    expect(names('“A sad day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.')).toEqual([['G.K. Butterfield', 'Rep.']]);
    expect(names('Sen. Ted Cruz spoke.')).toEqual([['Ted Cruz', 'Sen.']]);
    expect(names('Lt. Gov. Dan Patrick spoke.')).toEqual([['Dan Patrick', 'Lt. Gov.']]);
  });

  it('takes a surname after a title as a person, but not a firm named after a title', () => {
    expect(findNames('President Obama spoke.').map((m) => [m.name, m.role, m.first])).toEqual([['Obama', 'President', null]]);
    expect(names('Secretary of State Kerry spoke.')).toEqual([['Kerry', 'Secretary of State']]);
    expect(names('General Motors said so.')).toEqual([]);
  });

  it('ends a name before "of" and a place, but keeps "of" inside a title', () => {
    expect(names('Rep. Elijah Cummings of Maryland said so.')).toEqual([['Elijah Cummings', 'Rep.']]);
    expect(names('Minister of Foreign Affairs Adel al-Jubeir said so.')).toEqual([['Adel al-Jubeir', 'Minister of Foreign Affairs']]);
  });

  it('takes the name after a quote and an inverted cue as a person, behind a few words of description', () => {
    expect(names('“It is wrong,” said 9/11 widow Terry Strada.')).toEqual([['Terry Strada', null]]);
    expect(names('The report said Acme Widgets grew.')).toEqual([]);
    expect(names('Debates rarely matter, noted NBC’s Dante Chinni.')).toEqual([['Dante Chinni', null]]);
  });

  it('takes a given name alone as a person when it is the subject of a speech verb, not a place', () => {
    expect(names('“I would,” Melanie said to the TV.')).toEqual([['Melanie', null]]);
    expect(names('Virginia said no.')).toEqual([]);
    expect(names('Melanie voted.')).toEqual([]);
  });

  it('does not take a place whose first word is a given name for a person', () => {
    expect(names('Donald Trump said at an event in Colorado Springs that it was so.')).toEqual([['Donald Trump', null]]);
  });
});

describe('findNames: places and bodies', () => {
  it('takes no body or place for a person, whatever marks it', () => {
    expect(names('The Oakland Education Association said so.')).toEqual([]);
    expect(names('In New Bern, the mayor said so.')).toEqual([]);
    expect(names('Chicago Avenue was closed.')).toEqual([]);
    expect(names('Mr. Park said so.')).toEqual([['Mr. Park', null]]);
  });

  it('reads a suffix as no part of the name, and a role word that ends a given name’s run as a surname', () => {
    expect(names('Martin Luther King Jr. said so.')).toEqual([['Martin Luther King', null]]);
  });

  it('takes no function word into a lower-case role', () => {
    expect(names('He turned to defense attorney Eric Nelson, who said so.')).toEqual([['Eric Nelson', 'defense attorney']]);
  });
});

describe('findNames roles', () => {
  it('takes no apposition that describes a body as a person’s role', () => {
    expect(names('He blamed his client, Peabody Energy, the nation’s largest coal company, for it.')).toEqual([]);
  });

  it('gives lower-case role words before the name as its role', () => {
    expect(names('Republican presidential nominee Donald Trump spoke.')).toEqual([['Donald Trump', 'Republican presidential nominee']]);
    expect(names('Democratic pollster Dana Ortiz spoke.')).toEqual([['Dana Ortiz', 'Democratic pollster']]);
  });

  it('gives no role from a word that opens the clause', () => {
    expect(names('While Mr Davis spoke, it rained.')).toEqual([['Mr Davis', null]]);
    expect(names('Yesterday Hillary Clinton spoke.')).toEqual([['Hillary Clinton', null]]);
  });
});

describe('findNames on a text it has read before', () => {
  it('gives fresh mentions each time: changing one does not change the next answer', () => {
    const text = 'Russian President Vladimir Putin met Mr Hammond.';
    const first = findNames(text);
    (first[0] as { name: string }).name = 'changed';
    first.pop();
    expect(findNames(text).map((m) => m.name)).toEqual(['Vladimir Putin', 'Mr Hammond']);
  });
});
