import { describe, expect, it } from 'vitest';
import { Search as search } from '../../commands/search.ts';
import { parseCommandLine } from '../../src/router/parse.ts';
import { ask } from '../support/helpers.ts';

describe('reading a command line', () => {
  it('takes the text before the first option as the query', () => {
    expect(parseCommandLine('/search regime change outlet:Daily Sabah from:2015-12', search).options).toEqual({
      query: 'regime change',
      outlet: 'Daily Sabah',
      from: '2015-12',
    });
  });

  it("takes named options in any order, quoted or not, and keeps the query's phrase quotes", () => {
    expect(parseCommandLine('/search outlet:"Press TV" query:"regime change"', search).options).toEqual({
      outlet: 'Press TV',
      query: '"regime change"',
    });
  });

  it('leaves words with a colon that are not options in the query', () => {
    expect(parseCommandLine('/search time: 10 hours', search).options).toEqual({ query: 'time: 10 hours' });
  });

  it('refuses an option given twice', () => {
    expect(() => parseCommandLine('/search a outlet:x outlet:y', search)).toThrow('option outlet: is given twice');
  });
});

describe('the one path to a command', () => {
  it('gives the usage line for an empty query', () => {
    expect(ask('/search').error).toEqual({
      kind: 'usage',
      message: 'query is missing. Usage: /search <query> [outlet:<outlet>] [from:<date>] [to:<date>]',
    });
    expect(ask('/search    ').error?.kind).toBe('usage');
  });

  it('suggests the command meant', () => {
    expect(ask('/serch kerry').error?.message).toBe('unknown command /serch: did you mean /search?');
    expect(ask('/sourcs').error?.message).toBe('unknown command /sourcs: did you mean /sources?');
    expect(ask('/xyzzy').error?.message).toBe('unknown command /xyzzy: type /help for the list of commands');
  });

  it('explains a line that is not a command', () => {
    expect(ask('kerry moscow').error?.message).toMatch(/a command starts with "\/"/);
  });

  it('rejects a malformed date and a range that runs backwards', () => {
    expect(ask('/search kerry from:yesterday').error?.message).toBe('from: "yesterday" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY');
    expect(ask('/search kerry from:2016 to:2015').error?.message).toBe('from: 2016 is after to: 2015');
    expect(ask('/search kerry to:2015-02-30').error?.kind).toBe('usage');
  });

  it('refuses an empty option, and reports the query (not another option) in the answer', () => {
    expect(ask('/search kerry outlet:').error?.message).toMatch(/^outlet: is empty/);
    expect(ask('/search outlet:Press TV').query).toBe('');
    expect(ask('/search kerry from:2016 to:2015').query).toBe('kerry');
  });

  it('refuses options on a command that takes none', () => {
    expect(ask('/sources everything').error?.message).toMatch(/takes no words, only page:/);
  });

  it('turns a bug into a generic answer and reports it once', async () => {
    const { runCommand } = await import('../../src/router/router.ts');
    const { seedCorpus } = await import('../support/helpers.ts');
    const { defineCommand, registryOf } = await import('../../commands/define.ts');
    const boom = defineCommand({ name: 'boom', description: '', example: '/boom', options: [] }, () => {
      throw new Error('kaput');
    });
    const reported: string[] = [];
    const answer = runCommand({ corpus: seedCorpus(), commands: registryOf([boom]) }, 'boom', {}, (e, c) =>
      reported.push(`${c.command}: ${(e as Error).message}`),
    );
    expect(answer.error).toEqual({ kind: 'internal', message: 'something went wrong on our side while answering; it has been logged' });
    expect(reported).toEqual(['boom: kaput']);
  });
});

describe('/sources and /help', () => {
  it('lists every article with its outlet, date, link and paragraph count', () => {
    const a = ask('/sources');
    expect(a.results).toHaveLength(5);
    const sabah = a.results.find((r) => r.citations[0]?.article === '004_58819347198058c8');
    expect(sabah?.text).toBe("Daily Sabah: US says not after regime change in Syria, focus similar to Russia's");
    expect(sabah?.details).toMatchObject({ paragraphs: 5, published: '2015-12-17T00:00:00+03:00' });
    expect(sabah?.citations[0]).toMatchObject({ paragraph: null, urlKnown: true });
  });

  it('reads /verify’s quote, in quotes or not, and its speaker, with or without a space after the colon', () => {
    for (const line of [
      '/verify "You can\'t defeat DAESH without also de-escalating the fight" speaker: Sergei Lavrov',
      "/verify You can't defeat DAESH without also de-escalating the fight speaker:Sergei Lavrov",
    ]) {
      const a = ask(line);
      expect(a.query).toBe("You can't defeat DAESH without also de-escalating the fight");
      expect(a.verdict).toBe('misattributed');
    }
  });

  it('lists the commands with an example each', () => {
    const a = ask('/help');
    expect(a.results.map((r) => r.text.split(/[ :]/)[0])).toEqual([
      '/search',
      '/who-said',
      '/verify',
      '/when',
      '/timeline',
      '/compare',
      '/quotes',
      '/speakers',
      '/sources',
      '/context',
      '/corpus',
      '/help',
    ]);
    expect(a.results.every((r) => typeof r.details?.example === 'string')).toBe(true);
    expect(a.results.find((r) => r.text.startsWith('/compare'))?.details?.example).toBe('/compare Assad');
    // /verify's example is real: the words are Kerry's, the claim says Lavrov.
    const verify = ask(String(a.results[2]?.details?.example));
    expect(verify.verdict).toBe('misattributed');
    expect(verify.results[0]?.speaker).toBe('John Kerry');
    expect(a.notes?.join('\n')).toContain('page:2');
    expect(a.notes?.join('\n')).toContain('/context <article> <paragraph>');
  });
});
