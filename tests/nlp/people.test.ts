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

describe('findNames roles', () => {
  it('gives no role from a word that opens the clause', () => {
    expect(names('While Mr Davis spoke, it rained.')).toEqual([['Mr Davis', null]]);
    expect(names('Yesterday Hillary Clinton spoke.')).toEqual([['Hillary Clinton', null]]);
  });
});
