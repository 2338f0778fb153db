import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { outletNames } from './filters.ts';

export interface Choice {
  name: string;
  value: string;
}

/** How many choices, and how long a choice's name and value may be (a client's limits: Discord's are 25, 100, 100). */
export interface ChoiceLimits {
  choices: number;
  name: number;
  value: number;
}

const fold = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Best first: names that start with what was typed, then names with a word that does, then the rest that contain it. */
function rank<T>(items: T[], typed: string, names: (t: T) => string[]): T[] {
  const t = fold(typed.trim());
  if (t === '') return items;
  const score = (item: T): number => {
    let best = 0;
    for (const n of names(item).map(fold)) {
      if (n.startsWith(t)) best = Math.max(best, 3);
      else if (n.split(/\s+/).some((w) => w.startsWith(t))) best = Math.max(best, 2);
      else if (n.includes(t)) best = Math.max(best, 1);
    }
    return best;
  };
  return items
    .map((item) => ({ item, s: score(item) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.item);
}

/** What an option's autocomplete offers: `outlets` completes the last name of a comma-separated list of outlets. */
export type AutocompleteKind = 'speaker' | 'outlet' | 'outlets' | 'topic' | 'article';

/**
 * An `outlets:` list as typed, completed at its last name: the names before it kept as they are, the outlets
 * already listed not offered again ("Press TV, da" → "Press TV, Daily Sabah").
 */
function outletListChoices(corpus: LoadedCorpus, typed: string): Array<{ name: string; value: string }> {
  const parts = typed.split(',');
  const last = parts.pop() ?? '';
  const before = parts.map((p) => p.trim()).filter((p) => p !== '');
  const listed = new Set(before.map(fold));
  const head = before.length > 0 ? `${before.join(', ')}, ` : '';
  return rank(
    outletNames(corpus).filter((o) => !listed.has(fold(o))),
    last,
    (o) => [o],
  ).map((o) => ({ name: `${head}${o}`, value: `${head}${o}` }));
}

/**
 * Autocomplete choices for an option: speakers (matched on any alias, answering the canonical name),
 * outlets, article ids (matched on the id or the title), or topics (words of the corpus, most frequent first). Within the client's limits.
 */
export function autocomplete(corpus: LoadedCorpus, kind: AutocompleteKind, typed: string, limits: ChoiceLimits): Choice[] {
  const clip = (s: string): string => (s.length <= limits.name ? s : `${s.slice(0, limits.name - 1)}…`);
  let choices: Choice[];
  if (kind === 'speaker') {
    const speakers = [...corpus.quotes.speakers].filter((s) => s.quoteCount > 0).sort((a, b) => b.quoteCount - a.quoteCount);
    choices = rank(speakers, typed, (s) => [s.name, ...s.aliases]).map((s) => ({
      name: clip(`${s.name}${s.description ? ` (${s.description})` : ''}`),
      value: s.name.slice(0, limits.value),
    }));
  } else if (kind === 'outlet') {
    choices = rank(outletNames(corpus), typed, (o) => [o]).map((o) => ({ name: clip(o), value: o.slice(0, limits.value) }));
  } else if (kind === 'outlets') {
    // A list longer than a value may be cannot be offered whole: such a choice is left out, not cut.
    choices = outletListChoices(corpus, typed)
      .filter((c) => c.value.length <= limits.value)
      .map((c) => ({ name: clip(c.name), value: c.value }));
  } else if (kind === 'article') {
    // An id longer than a value may be cannot be given back whole: left out, not cut.
    const ids = corpus.articles.filter((a) => a.id.length <= limits.value);
    choices = rank(ids, typed, (a) => [a.id, a.meta.title ?? '']).map((a) => ({
      name: clip(a.meta.title ? `${a.id} (${a.meta.title})` : a.id),
      value: a.id,
    }));
  } else {
    choices = corpus.index.lexicon.topicWords(typed, limits.choices).map((w) => ({ name: clip(w), value: w.slice(0, limits.value) }));
  }
  return choices.slice(0, limits.choices);
}
