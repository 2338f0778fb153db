import { type Steps, runNow } from './steps.ts';
import type { Quote } from '../model/index.ts';
import { HONORIFICS } from '../nlp/cues.ts';
import { type NameMention, findNames, firstNamesAgree, surnameKey } from '../nlp/people.ts';

/** One speaker of the corpus, with every name the corpus uses for them. */
export interface Speaker {
  /** Stable id: the canonical name in lower case with dashes ("john-kerry"). */
  id: string;
  name: string;
  kind: 'person' | 'organisation' | 'description';
  aliases: string[];
  /** A short role taken from the corpus ("US Secretary of State"), or null. */
  description: string | null;
  quoteCount: number;
}

/** What the registry reads of an article: the names its paragraphs give (in order) and its quotes' speakers. */
export interface RegistryArticle {
  names: readonly NameMention[];
  quotes: ReadonlyArray<{ speaker: Quote['speaker'] }>;
}

/** `localeCompare`'s order (the default locale), without setting it up at each comparison. */
export const byLocale = new Intl.Collator().compare;

const slug = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** What the registry reads of a person's quote: each member's surname key and first name, and a described role. */
interface SpeakerReading {
  members: Array<{ member: string; key: string; first: string | null }>;
  /** "The geopolitical analyst" said it: a description of the role, as the corpus gives it (one member only). */
  role: string | null;
}

/** Kept per quote, as long as the quote is: it does not depend on the other articles. */
const speakerReadings = new WeakMap<object, SpeakerReading>();

function speakerReadingOf(q: { speaker: Quote['speaker'] }): SpeakerReading {
  let r = speakerReadings.get(q);
  if (r) return r;
  const sp = q.speaker;
  const members = sp.members.map((member) => {
    // "Mr Barnier": an honorific is no first name, so he joins "Michel Barnier".
    const words = member.split(/\s+/);
    const first = words.length > 1 && !HONORIFICS.has((words[0] as string).toLowerCase().replace(/\.$/, '')) ? (words[0] as string) : null;
    return { member, key: surnameKey(member), first };
  });
  const described = /^(?:the|a|an)\s+(.+)$/i.exec(sp.mention);
  r = { members, role: described && !findNames(sp.mention).length ? (described[1] as string) : null };
  speakerReadings.set(q, r);
  return r;
}

/*
 * Stamps. The registry reads the articles in two passes: every article's names (corpus order), then every
 * article's quotes. What it makes depends on that order (which draft a name joins, which name or role wins a
 * tie), so each thing it reads carries a stamp, a number in that order: the pass, the article's place (a key
 * with room between articles, so that articles put among the others later get keys between theirs), the
 * operation's number in the article and pass, and a sub-step for the aliases one operation adds. The registry
 * built whole and the one appended to then rank by stamps alike.
 */
const SUBSTEPS = 4;
const OPS = 2 ** 16;
const KEY_LIMIT = 2 ** 33;
/** The room between two articles' keys in a registry built whole. */
const SPACING = 2 ** 12;
const stampOf = (pass: number, key: number, op: number): number => ((pass * KEY_LIMIT + key) * OPS + op) * SUBSTEPS;

/** A name or role and how often the corpus gives it, with the stamp of its first use. */
interface Counted {
  n: number;
  at: number;
}

/** A speaker in the making: everything read of them so far, with stamps. */
class Draft {
  /** The Speaker last made of it. */
  speaker: Speaker | null = null;
  /** Read more of since its Speaker was made. */
  stale = true;
  /** The Speaker was made in this round (no book holds it yet: its quote count may be set in place). */
  fresh = false;
  /** A person's names as the articles' names give them. */
  readonly names = new Map<string, Counted>();
  /**
   * A person without names from the articles: the first quote member read of them; an organisation or a
   * description: the name of the quote that made it.
   */
  named: { name: string; at: number } | null = null;
  /** Every alias, with the stamp of its first use. */
  readonly aliases = new Map<string, number>();
  readonly roles = new Map<string, Counted>();

  constructor(
    readonly kind: Speaker['kind'],
    readonly key: string,
    /** The stamp of the first thing read of it: its place among the speakers. */
    public at: number,
  ) {}

  /** The id of its Speaker (for the alias map). */
  get id(): string {
    return (this.speaker as Speaker).id;
  }

  addAlias(alias: string, at: number): void {
    const was = this.aliases.get(alias);
    if (was === undefined || at < was) this.aliases.set(alias, at);
  }

  addRole(role: string, at: number): void {
    count(this.roles, role, at);
  }
}

function count(map: Map<string, Counted>, k: string, at: number): void {
  const c = map.get(k);
  if (!c) map.set(k, { n: 1, at });
  else {
    c.n += 1;
    if (at < c.at) c.at = at;
  }
}

/** "Mr Barnier" is not the name to give when "Michel Barnier" is there. */
const honorific = (n: string): number => Number(/^(?:Mr|Mrs|Ms|Dr|Sen|Gen|Prof|Sir)\.?\s/.test(n));
const capitalised = (s: string): number => Number(/^[\p{Lu}]/u.test(s));
/** An apposition cut short by the page ("the founder of,") says nothing of the role. */
const cutShort = (role: string): boolean => /\b(?:of|for|in|at|to|the|a|an)$/i.test(role);

/** The canonical name: the fullest personal name used most often ("Sergey Lavrov" over "Lavrov", "Michel Barnier" over "Mr Barnier"). */
function canonicalName(d: Draft): string {
  if (d.names.size === 0) return d.named?.name ?? d.key;
  return (
    [...d.names.entries()].sort(
      (x, y) =>
        honorific(x[0]) - honorific(y[0]) || y[0].split(' ').length - x[0].split(' ').length || y[1].n - x[1].n || x[1].at - y[1].at,
    )[0] as [string, Counted]
  )[0];
}

/** The role the corpus gives most often, a title ("Russian Foreign Minister") before an apposition; ties to the first given. */
function roleOf(d: Draft): string | null {
  const ranked = [...d.roles.entries()]
    .filter(([r]) => !cutShort(r))
    .sort((x, y) => capitalised(y[0]) - capitalised(x[0]) || y[1].n - x[1].n || x[1].at - y[1].at);
  return ranked[0]?.[0] ?? null;
}

/** The surname alias a person gets from their canonical name, or null (none, or "Mr"). */
function surnameAlias(d: Draft, name: string): string | null {
  const surname = name.split(/\s+/).pop() as string;
  return d.kind === 'person' && !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(surname) ? surname : null;
}

function speakerOf(d: Draft): Speaker {
  const name = canonicalName(d);
  const aliases = [...d.aliases.entries()];
  const surname = surnameAlias(d, name);
  if (surname !== null && !d.aliases.has(surname)) aliases.push([surname, Infinity]);
  return {
    id: slug(name),
    name,
    kind: d.kind,
    aliases: aliases.sort((x, y) => byLocale(x[0], y[0]) || x[1] - y[1]).map(([a]) => a),
    description: roleOf(d),
    quoteCount: 0,
  };
}

/**
 * The person drafts of one surname key. A name joins the first draft (in the order they were made) whose
 * first name agrees with its own (`firstNamesAgree`; no first name agrees with any), else makes one; a draft
 * without a first name takes the first one that joins it. Only the first draft can be without one (a name
 * without a first name joins any draft), so which draft a name joins depends only on the order in which the
 * first names (in lower case) first come: `firsts` keeps, per first name, that stamp and its draft.
 */
class Bucket {
  /** The drafts in the order they were made. */
  drafts: Draft[] = [];
  /** Per draft: the first name (lower case) it took, null for the first draft while it has none. */
  lowers: Array<string | null> = [];
  firsts = new Map<string, { at: number; draft: Draft }>();
  /** The stamp of its first operation, and of its first one with an empty first name (a first name all the same). */
  firstAt = Infinity;
  blankAt = Infinity;
  /** Operations bound to the first draft whatever its first name: names without one, organisation names taken for the person. */
  bound = 0;
  /** From this stamp on, its first draft has a first name (an organisation's one-word name is then taken for it). */
  named = Infinity;

  /** The draft a name with this first name joins, read in stamp order (each stamp later than every one read before). */
  join(first: string | null, at: number, make: (at: number) => Draft): Draft {
    if (this.drafts.length === 0) {
      this.drafts.push(make(at));
      this.lowers.push(null);
      this.firstAt = at;
      if (first === '') this.named = at;
    }
    if (!first) {
      this.bound += 1;
      if (first === '' && at < this.blankAt) this.blankAt = at;
      return this.drafts[0] as Draft;
    }
    const g = first.toLowerCase();
    const seen = this.firsts.get(g);
    if (seen) return seen.draft;
    return this.#take(g, at, make);
  }

  /** A first name not seen before, later than every one seen: the first draft it agrees with, else a new one. */
  #take(g: string, at: number, make: (at: number) => Draft): Draft {
    let i = this.lowers.findIndex((x) => x === null || firstNamesAgree(x, g));
    if (i < 0) {
      i = this.drafts.length;
      this.drafts.push(make(at));
      this.lowers.push(g);
    } else if (this.lowers[i] === null) this.lowers[i] = g;
    const draft = this.drafts[i] as Draft;
    this.firsts.set(g, { at, draft });
    if (at < this.named) this.named = at;
    return draft;
  }

  /**
   * Takes in operations of appended articles, stamped anywhere among those read: the same drafts as reading
   * them all in stamp order, or null when that would move a name read before to another draft or make the
   * first draft another one while something is bound to it. Returns the drafts that changed place (their first
   * stamp is earlier now); new drafts are made by `make`.
   */
  takeIn(ops: ReadonlyArray<{ first: string | null; at: number }>, make: (at: number) => Draft): Set<Draft> | null {
    const wasEmpty = this.drafts.length === 0;
    const oldFirst = this.drafts[0];
    const wasBound = this.bound > 0;
    let latest = -Infinity;
    for (const f of this.firsts.values()) if (f.at > latest) latest = f.at;
    const fresh = new Map<string, number>();
    let earlier = false;
    for (const { first, at } of ops) {
      if (at < this.firstAt) this.firstAt = at;
      if (!first) {
        this.bound += 1;
        if (first === '' && at < this.blankAt) this.blankAt = at;
        continue;
      }
      const g = first.toLowerCase();
      const seen = this.firsts.get(g);
      if (seen) {
        if (at < seen.at) {
          seen.at = at;
          earlier = true;
        }
      } else if ((fresh.get(g) ?? Infinity) > at) fresh.set(g, at);
    }
    const added = [...fresh.entries()].sort((x, y) => x[1] - y[1]);
    if (!earlier && (added[0]?.[1] ?? Infinity) > latest) {
      // Every new first name comes after those read: reading on in order is reading them all in order.
      if (wasEmpty && added.length === 0) {
        this.drafts.push(make(this.firstAt));
        this.lowers.push(null);
      }
      for (const [g, at] of added) {
        if (this.drafts.length === 0) {
          this.drafts.push(make(this.firstAt));
          this.lowers.push(null);
        }
        this.#take(g, at, make);
      }
    } else if (!this.#replay(added, wasEmpty ? undefined : oldFirst, wasBound, make)) return null;
    return this.#restamp();
  }

  /** Reads every first name again in stamp order; null when a name read before would join another draft (see `takeIn`). */
  #replay(added: ReadonlyArray<[string, number]>, oldFirst: Draft | undefined, wasBound: boolean, make: (at: number) => Draft): boolean {
    const all: Array<[string, number, Draft | undefined]> = [...this.firsts.entries()].map(([g, f]) => [g, f.at, f.draft]);
    for (const [g, at] of added) all.push([g, at, undefined]);
    all.sort((x, y) => x[1] - y[1]);
    const made: Array<{ lower: string; draft: Draft | undefined; firsts: Array<[string, number]> }> = [];
    for (const [g, at, draft] of all) {
      let group = made.find((m) => firstNamesAgree(m.lower, g));
      if (!group) {
        group = { lower: g, draft: undefined, firsts: [] };
        made.push(group);
      }
      group.firsts.push([g, at]);
      if (draft) {
        if (group.draft && group.draft !== draft) return false;
        group.draft = draft;
      }
    }
    const used = new Set<Draft>();
    for (const m of made) {
      if (!m.draft) continue;
      if (used.has(m.draft)) return false;
      used.add(m.draft);
    }
    const head = made[0] as (typeof made)[number];
    if (oldFirst && this.firsts.size === 0) head.draft = oldFirst;
    else if (oldFirst && wasBound && head.draft !== oldFirst) return false;
    this.drafts = made.map((m) => m.draft ?? make(Math.min(...m.firsts.map(([, at]) => at))));
    this.lowers = made.map((m) => m.lower);
    this.firsts = new Map(made.flatMap((m, i) => m.firsts.map(([g, at]) => [g, { at, draft: this.drafts[i] as Draft }] as const)));
    return true;
  }

  /** Each draft's first stamp and the bucket's `named` worked out again; the drafts whose first stamp changed. */
  #restamp(): Set<Draft> {
    const firstOf = new Map<Draft, number>();
    let named = this.blankAt === this.firstAt ? this.firstAt : Infinity;
    for (const { at, draft } of this.firsts.values()) {
      if (at < (firstOf.get(draft) ?? Infinity)) firstOf.set(draft, at);
      if (at < named) named = at;
    }
    this.named = named;
    const head = this.drafts[0] as Draft;
    firstOf.set(head, Math.min(firstOf.get(head) ?? Infinity, this.firstAt));
    const moved = new Set<Draft>();
    for (const [d, at] of firstOf)
      if (at !== d.at) {
        d.at = at;
        moved.add(d);
      }
    return moved;
  }
}

/** A one-word name ("May", "Zakharova") the rules took for an organisation may be the surname of a person. */
const surnameLike = (name: string): boolean => /^[\p{Lu}][\p{L}'’-]+$/u.test(name);
const pronoun = (mention: string): boolean => /^(?:he|she|him|her|we|\(.*\))$/i.test(mention);

/** Makes a draft: a person's, unless said otherwise. */
type Make = (at: number, kind?: Speaker['kind'], key?: string) => Draft;

/** One thing the registry reads of an article, with its stamp. */
type Operation =
  | { pass: 1; at: number; mention: NameMention }
  | { pass: 2; at: number; member: string; key: string; first: string | null; single: boolean; mention: string; role: string | null }
  | { pass: 3; at: number; kind: 'organisation' | 'description'; name: string; mention: string };

type Stamp = (pass: number, key: number, op: number) => number;

/** Pass 1 of an article (its key `key`): each name its paragraphs give, with its stamp. */
function eachName(article: RegistryArticle, key: number, stamp: Stamp, read: (mention: NameMention, at: number) => void): void {
  article.names.forEach((mention, i) => read(mention, stamp(0, key, i)));
}

/** Pass 2 of an article: each member of a person's quote, and each organisation or description that has a name. */
function eachSpeaker(
  article: RegistryArticle,
  key: number,
  stamp: Stamp,
  person: (op: Extract<Operation, { pass: 2 }>) => void,
  other: (op: Extract<Operation, { pass: 3 }>) => void,
): void {
  let op = 0;
  for (const q of article.quotes) {
    const sp = q.speaker;
    if (sp.kind === 'person') {
      const { members, role } = speakerReadingOf(q);
      for (const { member, key: k, first } of members)
        person({ pass: 2, at: stamp(1, key, op++), member, key: k, first, single: sp.members.length === 1, mention: sp.mention, role });
    } else if ((sp.kind === 'organisation' || sp.kind === 'description') && sp.name)
      other({ pass: 3, at: stamp(1, key, op++), kind: sp.kind, name: sp.name, mention: sp.mention });
  }
}

/** Does an article's reading have room in the stamps (fewer than `OPS` operations in each pass)? */
function fitsStamps(article: RegistryArticle): boolean {
  let n = 0;
  for (const q of article.quotes) {
    const sp = q.speaker;
    if (sp.kind === 'person') n += sp.members.length;
    else if ((sp.kind === 'organisation' || sp.kind === 'description') && sp.name) n += 1;
  }
  return article.names.length < OPS && n < OPS;
}

/**
 * The speaker registry of a corpus, built from the names in the articles and the speakers of their quotes,
 * and kept so that articles can be added to it (`append`) with the same result as building it whole.
 *
 * Built whole, it reads every article's names, then every article's quotes: a name joins a person of its
 * surname whose first name agrees (see `Bucket`), an organisation's one-word name is taken for the person of
 * that surname once one has a first name ("May said", after "Theresa May"), other organisations and
 * descriptions are kept by name. Speakers come in the order they were first read of; each gets the fullest
 * name used most often, every alias, and the role the corpus gives most often.
 */
export class Registry {
  /** Per article (corpus order): its key in stamps; null when the stamps leave no room (built whole only). */
  #keys: number[] | null;
  readonly #buckets = new Map<string, Bucket>();
  readonly #others = new Map<string, Draft>();
  /** Per surname key: the latest stamp at which an organisation's one-word name of that surname was not taken for a person. */
  readonly #untaken = new Map<string, number>();
  /** Every draft, in the order of their first stamps. */
  #order: Draft[] = [];
  /** Lower-case alias → the first draft (in order) with it. */
  readonly #byAlias = new Map<string, Draft>();
  /** Drafts whose Speaker was made in this round. */
  #fresh: Draft[] = [];

  private constructor(keys: number[] | null) {
    this.#keys = keys;
  }

  /** The registry of `articles` (corpus order). */
  static build(articles: readonly RegistryArticle[]): Registry {
    return runNow(Registry.buildSteps(articles));
  }

  /** `build` in steps (see `steps.ts`), pausing every few articles. */
  static *buildSteps(articles: readonly RegistryArticle[]): Steps<Registry> {
    const room = articles.length * SPACING < KEY_LIMIT / 2 && articles.every(fitsStamps);
    const registry = new Registry(room ? articles.map((_, i) => (i + 1) * SPACING) : null);
    // Without room in the stamps, stamps in reading order all the same (nothing can be appended).
    const counters = [0, 0];
    const stamp: Stamp = room ? stampOf : (pass) => (pass * 2 ** 48 + (counters[pass] as number)++) * SUBSTEPS;
    const make = registry.#maker();
    const person = (key: string, first: string | null, at: number): Draft =>
      registry.#bucket(key).join(first, at, (made) => make(made, 'person', key));
    for (let i = 0; i < articles.length; i += 1) {
      if (i % 256 === 255) yield;
      eachName(articles[i] as RegistryArticle, (i + 1) * SPACING, stamp, (m, at) => registry.#readName(person(m.key, m.first, at), m, at));
    }
    for (let i = 0; i < articles.length; i += 1) {
      if (i % 256 === 255) yield;
      eachSpeaker(
        articles[i] as RegistryArticle,
        (i + 1) * SPACING,
        stamp,
        (op) => registry.#read(op, person(op.key, op.first, op.at)),
        (op) => registry.#readOther(op, make),
      );
    }
    yield;
    for (const d of registry.#order) registry.#remake(d);
    yield;
    for (const d of registry.#order)
      for (const a of (d.speaker as Speaker).aliases)
        if (!registry.#byAlias.has(a.toLowerCase())) registry.#byAlias.set(a.toLowerCase(), d);
    return registry;
  }

  /** The alias map the quote book reads speakers by: lower-case alias → the first speaker (in order) with it. */
  get byAlias(): ReadonlyMap<string, { readonly id: string }> {
    return this.#byAlias;
  }

  /** Makes drafts, keeping them in `#order` (in the order made: a whole build makes them in stamp order). */
  #maker(made?: Draft[]): Make {
    return (at, kind = 'person', key = '') => {
      const d = new Draft(kind, key, at);
      if (made) made.push(d);
      else this.#order.push(d);
      return d;
    };
  }

  #bucket(key: string): Bucket {
    let b = this.#buckets.get(key);
    if (!b) {
      b = new Bucket();
      this.#buckets.set(key, b);
    }
    return b;
  }

  /** What a name of the articles gives its person's draft. */
  #readName(d: Draft, m: NameMention, at: number): void {
    d.stale = true;
    count(d.names, m.name, at);
    d.addAlias(m.name, at);
    if (m.role) {
      d.addRole(m.role, at);
      if (capitalised(m.role)) d.addAlias(`${m.role} ${m.name}`, at + 1);
    }
  }

  /** What a person's name or quote member gives their draft. */
  #read(op: Extract<Operation, { pass: 1 | 2 }>, d: Draft): void {
    if (op.pass === 1) {
      this.#readName(d, op.mention, op.at);
      return;
    }
    d.stale = true;
    if (!d.named || op.at < d.named.at) d.named = { name: op.member, at: op.at };
    d.addAlias(op.member, op.at);
    if (op.single && !pronoun(op.mention)) {
      d.addAlias(op.mention, op.at + 1);
      if (op.role !== null) d.addRole(op.role, op.at);
    }
  }

  /**
   * An organisation's or description's quote: the person whose surname its one-word name is, once that person
   * has a first name (the stamp says whether they had by then), else the organisation or description of that
   * name. False when appending would make another one the first of that name (a name in another case).
   */
  #readOther(op: Extract<Operation, { pass: 3 }>, make: Make, moved?: Set<Draft>): Draft | null {
    if (surnameLike(op.name)) {
      const key = surnameKey(op.name);
      const b = this.#buckets.get(key);
      if (b && b.named < op.at) {
        const head = b.drafts[0] as Draft;
        head.stale = true;
        head.addAlias(op.name, op.at);
        b.bound += 1;
        return head;
      }
      if ((this.#untaken.get(key) ?? -Infinity) < op.at) this.#untaken.set(key, op.at);
    }
    const key = op.name.toLowerCase();
    const k = `${op.kind}\u0000${key}`;
    let d = this.#others.get(k);
    if (!d) {
      d = make(op.at, op.kind, key);
      d.named = { name: op.name, at: op.at };
      d.addAlias(op.name, op.at);
      this.#others.set(k, d);
    } else if (op.at < d.at) {
      if ((d.named as { name: string }).name !== op.name) return null;
      d.at = op.at;
      d.named = { name: op.name, at: op.at };
      d.addAlias(op.name, op.at);
      moved?.add(d);
    }
    d.stale = true;
    d.addAlias(op.mention, op.at + 1);
    return d;
  }

  /** Makes the draft's Speaker again. */
  #remake(d: Draft): void {
    d.speaker = speakerOf(d);
    d.stale = false;
    d.fresh = true;
    this.#fresh.push(d);
  }

  /** Lists the draft's aliases in the alias map where it comes before the draft listed. */
  #list(d: Draft): void {
    for (const a of (d.speaker as Speaker).aliases) {
      const k = a.toLowerCase();
      const at = this.#byAlias.get(k);
      if (!at || at === d || d.at < at.at) this.#byAlias.set(k, d);
    }
  }

  /**
   * The speakers in order, each with its quote count from `counts` (by id). A Speaker made in this round gets
   * its count in place; one an earlier book holds is copied when its count changed.
   */
  speakers(counts: ReadonlyMap<string, number>): Speaker[] {
    const out = this.#order.map((d) => {
      const s = d.speaker as Speaker;
      const n = counts.get(s.id) ?? 0;
      if (s.quoteCount === n) return s;
      if (d.fresh) s.quoteCount = n;
      else d.speaker = { ...s, quoteCount: n };
      return d.speaker as Speaker;
    });
    for (const d of this.#fresh) d.fresh = false;
    this.#fresh = [];
    return out;
  }

  /**
   * Goes on with `articles` (corpus order): this registry's articles (`renumber[old]` is each one's number
   * there) and the articles `added` (their numbers, ascending). True when the registry is then the one built
   * whole of `articles`; false when appending cannot tell it is (the registry is then left half changed: build
   * it whole). It declines when the stamps leave no room for an added article, when an added name would move
   * a name read before to another person, or make another person the first of a surname while names without
   * a first name are bound to the first (`Bucket.takeIn`), when an organisation's one-word name read before
   * would now be taken for a person, when an added quote would give an organisation its name in another case,
   * or when a speaker's surname alias changes.
   */
  append(articles: readonly RegistryArticle[], renumber: Int32Array, added: readonly number[]): boolean {
    const keys = this.#rekey(articles.length, renumber, added);
    if (!keys) return false;
    this.#keys = keys;
    const ops: Operation[] = [];
    for (const j of added) {
      const a = articles[j] as RegistryArticle;
      if (!fitsStamps(a)) return false;
      eachName(a, keys[j] as number, stampOf, (mention, at) => ops.push({ pass: 1, at, mention }));
    }
    for (const j of added)
      eachSpeaker(
        articles[j] as RegistryArticle,
        keys[j] as number,
        stampOf,
        (op) => ops.push(op),
        (op) => ops.push(op),
      );
    const made: Draft[] = [];
    const make = this.#maker(made);
    const moved = new Set<Draft>();
    const changed = new Set<Draft>();
    // Person operations by surname key, taken in by each surname's drafts at once.
    const byKey = new Map<string, Array<Extract<Operation, { pass: 1 | 2 }>>>();
    for (const op of ops) {
      if (op.pass === 3) continue;
      const key = op.pass === 1 ? op.mention.key : op.key;
      const list = byKey.get(key);
      if (list) list.push(op);
      else byKey.set(key, [op]);
    }
    for (const [key, list] of byKey) {
      const b = this.#bucket(key);
      const named = b.named;
      const shifted = b.takeIn(
        list.map((op) => ({ first: op.pass === 1 ? op.mention.first : op.first, at: op.at })),
        (at) => make(at, 'person', key),
      );
      if (!shifted) return false;
      if (b.named < named && (this.#untaken.get(key) ?? -Infinity) > b.named) return false;
      for (const d of shifted) moved.add(d);
      for (const op of list) {
        const first = op.pass === 1 ? op.mention.first : op.first;
        const d = first ? (b.firsts.get(first.toLowerCase()) as { draft: Draft }).draft : (b.drafts[0] as Draft);
        this.#read(op, d);
        changed.add(d);
      }
    }
    for (const op of ops) {
      if (op.pass !== 3) continue;
      const d = this.#readOther(op, make, moved);
      if (!d) return false;
      changed.add(d);
    }
    this.#reorder(moved, made);
    for (const d of changed) {
      const was = d.speaker;
      this.#remake(d);
      if (was && !keepsAliases(d, was)) return false;
    }
    for (const d of changed) this.#list(d);
    for (const d of moved) this.#list(d);
    return true;
  }

  /** The article keys of `articles` (see `append`), new ones between their neighbours'; null when there is no room. */
  #rekey(n: number, renumber: Int32Array, added: readonly number[]): number[] | null {
    const old = this.#keys;
    if (!old) return null;
    const keys = new Array<number>(n);
    renumber.forEach((j, i) => {
      keys[j] = old[i] as number;
    });
    for (let r = 0; r < added.length;) {
      // A run of added articles, numbers s..e.
      const s = added[r] as number;
      let e = s;
      while (r + 1 < added.length && added[r + 1] === e + 1) {
        r += 1;
        e += 1;
      }
      r += 1;
      const prev = s > 0 ? (keys[s - 1] as number) : 0;
      const next = e + 1 < n ? (keys[e + 1] as number) : null;
      const step = next === null ? SPACING : Math.floor((next - prev) / (e - s + 2));
      if (step < 1 || (next === null && prev + step * (e - s + 1) >= KEY_LIMIT)) return null;
      for (let k = s; k <= e; k += 1) keys[k] = prev + step * (k - s + 1);
    }
    return keys;
  }

  /** Puts the drafts made and those whose first stamp is earlier now in their places in `#order`. */
  #reorder(moved: ReadonlySet<Draft>, made: readonly Draft[]): void {
    if (moved.size === 0 && made.length === 0) return;
    const shifting = new Set([...moved, ...made]);
    const rest = moved.size === 0 ? this.#order : this.#order.filter((d) => !shifting.has(d));
    const incoming = [...shifting].sort((x, y) => x.at - y.at);
    const order: Draft[] = [];
    let i = 0;
    for (const d of incoming) {
      while (i < rest.length && (rest[i] as Draft).at < d.at) order.push(rest[i++] as Draft);
      order.push(d);
    }
    while (i < rest.length) order.push(rest[i++] as Draft);
    this.#order = order;
  }
}

/**
 * Does the speaker made again keep every alias the one before had (in lower case)? Aliases read are only
 * added to; the surname alias may change with the canonical name.
 */
function keepsAliases(d: Draft, was: Speaker): boolean {
  const before = surnameAlias(d, was.name);
  const now = d.speaker as Speaker;
  if (before === null || d.aliases.has(before) || before === surnameAlias(d, now.name)) return true;
  const lower = before.toLowerCase();
  return now.aliases.some((a) => a.toLowerCase() === lower);
}
