import { describe, expect, it } from 'vitest';
import { ask } from '../support/helpers.ts';

/** Whom `/quotes NAME` answers for on the seeds: the name in its first note, or the error. */
const whom = (name: string): string => {
  const a = ask(`/quotes ${name}`);
  return a.error ? `error: ${a.error.message}` : (a.notes?.[0] ?? '').replace(/ \(.*$|: \d+ quotes?$/, '');
};

describe('/quotes finds a speaker however a user names them, on the seeds', () => {
  it('a role, with or without "the"', () => {
    expect(whom('the Russian foreign minister')).toBe('Sergey Lavrov');
    expect(whom('Russian Foreign Minister')).toBe('Sergey Lavrov');
    expect(whom('the US secretary of state')).toBe('John Kerry');
    expect(whom('geopolitical analyst')).toBe('Eric Draitser');
  });

  it('a description with a straight or a curly apostrophe, and a role of the same kind and place', () => {
    expect(whom("Putin's spokesman")).toBe('Putin’s spokesman');
    expect(whom('Putin’s spokesman')).toBe('Putin’s spokesman');
    expect(whom('Kremlin spokesman')).toBe('Putin’s spokesman');
  });

  it('a given name, or one name of a long name', () => {
    expect(whom('sergei')).toBe('Sergey Lavrov');
    expect(whom('Bandar')).toBe('Bandar bin Sultan bin Abdulaziz Al Saud');
  });

  it('says which people a name could be, rather than guess', () => {
    expect(whom('john')).toMatch(/could be John Kerry or John Kirby/);
  });
});
