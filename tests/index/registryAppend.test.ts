import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { quoteFactsOf } from '../../src/index/quoteBook.ts';
import { Registry, type RegistryArticle, type Speaker } from '../../src/index/registry.ts';
import type { Quote } from '../../src/model/index.ts';
import { HONORIFICS } from '../../src/nlp/cues.ts';
import { findNames, firstNamesAgree, surnameKey } from '../../src/nlp/people.ts';
import { CORPUS_DIR, tempCorpus } from '../support/helpers.ts';

/**
 * The registry as it was built before it could be appended to (two passes over the articles, drafts found by
 * surname key and first name): the reference the registry, built whole or appended to, must give.
 */
function referenceRegistry(articles: readonly RegistryArticle[]): Speaker[] {
  interface Draft {
    key: string;
    first: string | null;
    kind: Speaker['kind'];
    names: Map<string, number>;
    aliases: Set<string>;
    roles: string[];
  }
  const byLocale = new Intl.Collator().compare;
  const slug = (name: string): string =>
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '');
  const readingOf = (q: { speaker: Quote['speaker'] }) => {
    const sp = q.speaker;
    const members = sp.members.map((member) => {
      const words = member.split(/\s+/);
      const first =
        words.length > 1 && !HONORIFICS.has((words[0] as string).toLowerCase().replace(/\.$/, '')) ? (words[0] as string) : null;
      return { member, key: surnameKey(member), first };
    });
    const described = /^(?:the|a|an)\s+(.+)$/i.exec(sp.mention);
    return { members, role: described && !findNames(sp.mention).length ? (described[1] as string) : null };
  };
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft[]>();
  const find = (kind: Draft['kind'], key: string, test: (d: Draft) => boolean = () => true): Draft | undefined =>
    byKey.get(`${kind}\u0000${key}`)?.find(test);
  const make = (d: Draft): Draft => {
    drafts.push(d);
    const k = `${d.kind}\u0000${d.key}`;
    const at = byKey.get(k);
    if (at) at.push(d);
    else byKey.set(k, [d]);
    return d;
  };
  const person = (key: string, first: string | null): Draft => {
    let d = find('person', key, (x) => firstNamesAgree(x.first, first));
    if (!d) d = make({ key, first, kind: 'person', names: new Map(), aliases: new Set(), roles: [] });
    if (!d.first && first) d.first = first;
    return d;
  };
  for (const a of articles) {
    for (const m of a.names) {
      const d = person(m.key, m.first);
      d.names.set(m.name, (d.names.get(m.name) ?? 0) + 1);
      d.aliases.add(m.name);
      if (m.role) {
        d.roles.push(m.role);
        if (/^[\p{Lu}]/u.test(m.role)) d.aliases.add(`${m.role} ${m.name}`);
      }
    }
  }
  const personNamed = (name: string): Draft | undefined =>
    /^[\p{Lu}][\p{L}'’-]+$/u.test(name) ? find('person', surnameKey(name), (d) => d.first !== null) : undefined;
  for (const a of articles) {
    for (const q of a.quotes) {
      const sp = q.speaker;
      if (sp.kind === 'person') {
        const { members, role } = readingOf(q);
        for (const { member, key, first } of members) {
          const d = person(key, first);
          if (d.names.size === 0) d.names.set(member, 1);
          d.aliases.add(member);
          if (sp.members.length === 1 && !/^(?:he|she|him|her|we|\(.*\))$/i.test(sp.mention)) {
            d.aliases.add(sp.mention);
            if (role !== null) d.roles.push(role);
          }
        }
      } else if ((sp.kind === 'organisation' || sp.kind === 'description') && sp.name) {
        const named = personNamed(sp.name);
        if (named) {
          named.aliases.add(sp.name);
          continue;
        }
        const key = sp.name.toLowerCase();
        let d = find(sp.kind, key);
        d ??= make({ key, first: null, kind: sp.kind, names: new Map([[sp.name, 1]]), aliases: new Set([sp.name]), roles: [] });
        d.aliases.add(sp.mention);
      }
    }
  }
  return drafts.map((d) => {
    const honorific = (n: string): number => Number(/^(?:Mr|Mrs|Ms|Dr|Sen|Gen|Prof|Sir)\.?\s/.test(n));
    const name =
      [...d.names.entries()].sort(
        (x, y) => honorific(x[0]) - honorific(y[0]) || y[0].split(' ').length - x[0].split(' ').length || y[1] - x[1],
      )[0]?.[0] ?? d.key;
    const surname = name.split(/\s+/).pop() as string;
    if (d.kind === 'person' && !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(surname)) d.aliases.add(surname.replace(/^(?:al|el)-/, (m) => m));
    const counts = new Map<string, number>();
    for (const r of d.roles.filter((x) => !/\b(?:of|for|in|at|to|the|a|an)$/i.test(x))) counts.set(r, (counts.get(r) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((x, y) => Number(/^[\p{Lu}]/u.test(y[0])) - Number(/^[\p{Lu}]/u.test(x[0])) || y[1] - x[1]);
    return {
      id: slug(name),
      name,
      kind: d.kind,
      aliases: [...d.aliases].sort(byLocale),
      description: ranked[0]?.[0] ?? null,
      quoteCount: 0,
    };
  });
}

const NO_COUNTS = new Map<string, number>();

/** The registry of `before` (articles of `all`, in its order) appended to with the others; null when it declines. */
function appended(
  before: readonly RegistryArticle[],
  all: readonly RegistryArticle[],
  registry = Registry.build(before),
): Speaker[] | null {
  const renumber = new Int32Array(before.length);
  const added: number[] = [];
  let i = 0;
  all.forEach((a, j) => {
    if (i < before.length && a === before[i]) renumber[i++] = j;
    else added.push(j);
  });
  return registry.append(all, renumber, added) ? registry.speakers(NO_COUNTS) : null;
}

/** A small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'timeml-train', 'corpus');

/** The seed articles and the news articles of the development data (when present), in corpus order. */
function realArticles(): RegistryArticle[] {
  const seeds = loadCorpus(CORPUS_DIR).articles;
  const news = existsSync(DATA) ? loadCorpus(DATA).articles : [];
  return [...seeds, ...news].map(quoteFactsOf);
}

describe('the registry on real articles', () => {
  const facts = realArticles();
  const whole = referenceRegistry(facts);

  it('is built whole as the two passes build it', () => {
    expect(facts.length).toBeGreaterThan(existsSync(DATA) ? 200 : 5);
    expect(Registry.build(facts).speakers(NO_COUNTS)).toEqual(whole);
  });

  it('appended to with articles put anywhere in corpus order, gives the registry built whole, or declines', () => {
    const next = random(7);
    let taken = 0;
    const trials = 40;
    for (let trial = 0; trial < trials; trial += 1) {
      // 1 to 8 articles added, anywhere.
      const n = 1 + Math.floor(next() * 8);
      const out = new Set(Array.from({ length: n }, () => Math.floor(next() * facts.length)));
      const speakers = appended(
        facts.filter((_, i) => !out.has(i)),
        facts,
      );
      if (speakers === null) continue;
      taken += 1;
      expect(speakers).toEqual(whole);
    }
    expect(taken).toBeGreaterThanOrEqual(trials / 2);
  });

  it('appended to one article at a time, in random order, gives the registry built whole at each step', () => {
    const next = random(11);
    const order = facts.map((_, i) => i).sort(() => next() - 0.5);
    const start = Math.floor(facts.length * 0.6);
    let have = new Set(order.slice(0, start));
    let registry = Registry.build(facts.filter((_, i) => have.has(i)));
    let taken = 0;
    for (const k of order.slice(start)) {
      const before = facts.filter((_, i) => have.has(i));
      have = new Set([...have, k]);
      const now = facts.filter((_, i) => have.has(i));
      const speakers = appended(before, now, registry);
      if (speakers === null) registry = Registry.build(now);
      else {
        taken += 1;
        expect(speakers).toEqual(referenceRegistry(now));
      }
    }
    expect(taken).toBeGreaterThanOrEqual((facts.length - start) / 2);
  });

  it('appended to with half the corpus at once, gives the registry built whole or declines', () => {
    const next = random(3);
    for (let trial = 0; trial < 6; trial += 1) {
      const before = facts.filter(() => next() < 0.5);
      const speakers = appended(before, facts);
      if (speakers !== null) expect(speakers).toEqual(whole);
    }
  });
});

describe('the registry appended to on tiny corpora', () => {
  const FILLER = '"We will see what comes of it all," the envoy said.';
  const article = (published: string, ...paragraphs: string[]): string =>
    [`---\ntitle: T\noutlet: Post\npublished: ${published}\n---`, ...paragraphs, ''].join('\n\n');
  const factsOf = (files: Record<string, string>): RegistryArticle[] => loadCorpus(tempCorpus(files)).articles.map(quoteFactsOf);
  /** Builds `before` (file names) and appends the rest; the speakers appended, or null, and those built whole. */
  const tryAppend = (files: Record<string, string>, before: string[]) => {
    const names = Object.keys(files).sort();
    const facts = factsOf(files);
    const kept = facts.filter((_, i) => before.includes(names[i] as string));
    return { speakers: appended(kept, facts), whole: referenceRegistry(facts), facts };
  };

  it('appends a new person, an old one named again and a new quote of an old one, at the end and in between', () => {
    const files = {
      'a.txt': article('2020-01-01', '"We will keep talking," Russian Foreign Minister Sergei Lavrov said.'),
      'b.txt': article('2020-01-02', '"The grain must move," John Kerry said.', 'Kerry met Lavrov in Geneva.'),
      'c.txt': article('2020-01-03', '"Talks go on," Lavrov said.', 'Secretary of State John Kerry agreed.'),
      'd.txt': article('2020-01-04', '"We agree," said Theresa May, the British Prime Minister.'),
    };
    for (const before of [
      ['a.txt', 'b.txt'],
      ['a.txt', 'c.txt'],
      ['b.txt', 'd.txt'],
      ['a.txt', 'd.txt'],
    ]) {
      const { speakers, whole } = tryAppend(files, before);
      expect(speakers).toEqual(whole);
    }
  });

  it('puts a person read first by an article put before the others first among the speakers', () => {
    const files = {
      'a.txt': article('2020-01-05', '"We agree," said Theresa May, the British Prime Minister.'),
      'b.txt': article('2020-01-01', '"We will keep talking," Russian Foreign Minister Sergei Lavrov said.'),
    };
    const { speakers, whole } = tryAppend(files, ['b.txt']);
    expect(whole.map((s) => s.id)).toEqual(['theresa-may', 'sergei-lavrov']);
    expect(speakers).toEqual(whole);
  });

  it('declines a full name read before a quote that gave the surname alone ("Lavrov said", then "Sergei Lavrov")', () => {
    // "Lavrov said" alone is taken for an organisation; built whole, the new article's names come before the old
    // quote, and "Lavrov" is Sergei Lavrov's.
    const files = {
      'a.txt': article('2020-01-01', '"We will keep talking to everyone," Lavrov said.'),
      'b.txt': article('2020-01-02', 'Russian Foreign Minister Sergei Lavrov met the envoy.'),
    };
    const { facts, speakers, whole } = tryAppend(files, ['a.txt']);
    expect((facts[0] as RegistryArticle).quotes[0]?.speaker.kind).toBe('organisation');
    expect(whole.map((s) => [s.id, s.aliases.includes('Lavrov')])).toEqual([['sergei-lavrov', true]]);
    expect(speakers).toBeNull();
  });

  it('appends a full name read before a quote of the person without a first name ("Mr Lavrov said"): the name is theirs', () => {
    const files = {
      'a.txt': article('2020-01-01', '"We will keep talking to everyone," Mr Lavrov said.'),
      'b.txt': article('2020-01-02', 'Russian Foreign Minister Sergei Lavrov met the envoy.'),
    };
    const { speakers, whole } = tryAppend(files, ['a.txt']);
    expect(whole.map((s) => [s.id, s.aliases.includes('Mr Lavrov')])).toEqual([['sergei-lavrov', true]]);
    expect(speakers).toEqual(whole);
  });

  it('declines a first name that would move a name read before to another person', () => {
    // "Marco" and "Mark" do not agree; "Marko" agrees with both. Read "Marco" first (the new article comes
    // first in corpus order), "Marko" joins Marco; read without it, Marko joined Mark.
    const files = {
      'a.txt': article('2020-01-03', 'Marco Smith spoke in Rome.', FILLER),
      'b.txt': article('2020-01-01', 'Mark Smith spoke in Rome.', 'Marko Smith spoke in Rome too.', FILLER),
    };
    const { speakers, whole } = tryAppend(files, ['b.txt']);
    expect(whole.map((s) => s.name)).toEqual(['Marco Smith', 'Mark Smith']);
    expect(speakers).toBeNull();
    // After the others in corpus order, "Marco" is read last: it joins no one, and the registry appends.
    const later = { 'a.txt': files['b.txt'], 'b.txt': files['a.txt'] };
    const { speakers: appendedLater, whole: wholeLater } = tryAppend(later, ['a.txt']);
    expect(wholeLater.map((s) => s.name)).toEqual(['Mark Smith', 'Marco Smith']);
    expect(appendedLater).toEqual(wholeLater);
  });

  it('declines a first name that would merge two persons read before ("Marko" between "Mark" and "Marco")', () => {
    const files = {
      'a.txt': article('2020-01-03', 'Marko Smith spoke in Rome.', FILLER),
      'b.txt': article('2020-01-01', 'Mark Smith spoke in Rome.', 'Marco Smith spoke in Rome too.', FILLER),
    };
    const { speakers, whole } = tryAppend(files, ['b.txt']);
    expect(referenceRegistry(factsOf({ 'b.txt': files['b.txt'] })).map((s) => s.name)).toEqual(['Mark Smith', 'Marco Smith']);
    expect(whole.map((s) => s.name)).toEqual(['Marko Smith']);
    expect(speakers).toBeNull();
  });

  it('declines another first person of a surname put first while a quote without a first name is bound to the first ("Smith said")', () => {
    const files = {
      'a.txt': article('2020-01-03', 'Jane Smith spoke in Rome.', FILLER),
      'b.txt': article('2020-01-01', 'John Smith spoke in Rome.', '"The talks must go on," Smith said.'),
    };
    const { speakers, whole } = tryAppend(files, ['b.txt']);
    expect(whole.map((s) => [s.name, s.aliases.includes('Smith')])).toEqual([
      ['Jane Smith', true],
      ['John Smith', true],
    ]);
    expect(whole[0]?.aliases).toContain('Smith');
    expect(speakers).toBeNull();
    // Without the quote, nothing is bound to John: Jane is put first.
    const { speakers: unbound, whole: wholeUnbound } = tryAppend(
      { ...files, 'b.txt': article('2020-01-01', 'John Smith spoke in Rome.', FILLER) },
      ['b.txt'],
    );
    expect(unbound).toEqual(wholeUnbound);
  });

  it('declines a person named in full before an organisation\'s one-word name read before ("May said")', () => {
    const files = {
      'a.txt': article('2020-01-01', '"The deal is done for now," May said.', FILLER),
      'b.txt': article('2020-01-02', 'Prime Minister Theresa May met the envoy.', FILLER),
    };
    const { facts, speakers, whole } = tryAppend(files, ['a.txt']);
    expect((facts[0] as RegistryArticle).quotes[0]?.speaker.kind).toBe('organisation');
    expect(whole.map((s) => [s.id, s.aliases])).toEqual([['theresa-may', ['May', 'Prime Minister Theresa May', 'Theresa May']]]);
    expect(speakers).toBeNull();
    // The other way round, "May said" is read with Theresa May there: it is hers, appended.
    const { speakers: hers, whole: wholeHers } = tryAppend(files, ['b.txt']);
    expect(hers).toEqual(wholeHers);
  });

  it('declines an organisation read first in another case ("Nato said" before "NATO said")', () => {
    const files = {
      'a.txt': article('2020-01-02', '"The deal is done for now," Nato said.', FILLER),
      'b.txt': article('2020-01-01', '"The deal is done for good," NATO said.', FILLER),
    };
    const { speakers, whole } = tryAppend(files, ['b.txt']);
    expect(whole.map((s) => s.name)).toEqual(['Nato']);
    expect(speakers).toBeNull();
    // In the same case, it only moves the organisation's first stamp.
    const same = { ...files, 'a.txt': article('2020-01-02', '"The deal is done for now," NATO said.', FILLER) };
    const { speakers: moved, whole: wholeSame } = tryAppend(same, ['b.txt']);
    expect(moved).toEqual(wholeSame);
  });

  it('declines a canonical name that changes the surname alias ("Omar Bashir", then "Omar al-Bashir" twice)', () => {
    const files = {
      'a.txt': article('2020-01-01', 'President Omar Bashir spoke in Khartoum.', FILLER),
      'b.txt': article('2020-01-02', 'President Omar al-Bashir spoke.', 'President Omar al-Bashir left.', FILLER),
    };
    const { speakers, whole } = tryAppend(files, ['a.txt']);
    expect(whole.map((s) => [s.name, s.aliases.includes('Bashir')])).toEqual([['Omar al-Bashir', false]]);
    expect(speakers).toBeNull();
  });

  it('declines when the keys leave no room for an article between two others, and appends after a build whole', () => {
    // Each new article sorts just after a.txt: the room between a.txt's key and the next halves each time.
    const day = (i: number): string => article('2020-01-01', `"We will talk about the grain number ${i}," Lavrov said.`);
    const names = Array.from({ length: 16 }, (_, i) => `b${String(20 - i).padStart(2, '0')}.txt`);
    let files: Record<string, string> = { 'a.txt': day(0), 'z.txt': day(1) };
    let registry = Registry.build(factsOf(files));
    let before = factsOf(files);
    let declined = 0;
    for (const [i, name] of names.entries()) {
      files = { ...files, [name]: day(i + 2) };
      const all = factsOf(files);
      // Facts are read anew each time: the articles read before are carried over, so that they are the same objects.
      const byFile = Object.keys(files).sort();
      const old = byFile.filter((f) => f !== name);
      const now = byFile.map((f, k) => (f === name ? all[k] : before[old.indexOf(f)]) as RegistryArticle);
      const speakers = appended(before, now, registry);
      if (speakers === null) {
        declined += 1;
        registry = Registry.build(now);
      } else expect(speakers).toEqual(referenceRegistry(now));
      before = now;
    }
    expect(declined).toBe(1);
  });
});

describe('the registry of an article too long for its stamps', () => {
  it('is built whole in reading order all the same, and declines appends', () => {
    const mention = (name: string, role: string | null = null) => {
      const words = name.split(' ');
      return {
        start: 0,
        end: 0,
        name,
        role,
        key: (words[words.length - 1] as string).toLowerCase(),
        first: words.length > 1 ? (words[0] as string) : null,
      };
    };
    const quote = (members: string[], mention: string, kind: Quote['speaker']['kind'] = 'person', name: string | null = null) => ({
      speaker: { mention, name: name ?? members[0] ?? null, members, kind, status: 'attributed' as const, role: null },
    });
    // 70,000 names in one article: more operations than a stamp has room for.
    const long: RegistryArticle = {
      names: Array.from({ length: 70_000 }, (_, i) =>
        mention(['Anna Berg', 'Berg', 'Carl Berg', 'Dora Lund'][i % 4] as string, i % 7 === 0 ? 'an analyst' : null),
      ),
      quotes: [quote(['Berg'], 'Berg')],
    };
    const other: RegistryArticle = {
      names: [mention('Erik Lund', 'Minister')],
      quotes: [
        quote([], 'Lund', 'organisation', 'Lund'),
        quote([], 'the analyst', 'description', 'the analyst'),
        quote(['Anna Berg'], 'the analyst'),
      ],
    };
    const articles = [other, long];
    expect(Registry.build(articles).speakers(NO_COUNTS)).toEqual(referenceRegistry(articles));
    expect(appended([other], articles)).toBeNull();
  });
});
