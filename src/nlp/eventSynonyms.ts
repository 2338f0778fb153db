import { terms } from './terms.ts';

/**
 * Words news uses for one kind of event, so that a question's "talks" finds "met" and its "began" finds
 * "launched": each group is one action. Only actions: names and places are never widened.
 */
const GROUPS: readonly string[] = [
  'talks talk meeting met meet negotiations negotiate discussed discuss summit',
  'start started starts began begin begun launched launch',
  'bombing bomb bombed airstrikes airstrike strikes aerial offensive raids campaign targeting targeted',
  'war conflict',
  'visit visited trip arrived arrival travelled traveled',
  'say said says told stated announced confirmed declared',
  'agreement deal accord',
  'ceasefire truce',
  'end ended ends',
];

/** Each index term of a group's words, mapped to every term of its group. */
const BY_TERM: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, readonly string[]>();
  for (const line of GROUPS) {
    const group = [...new Set(terms(line))];
    for (const t of group) map.set(t, group);
  }
  return map;
})();

/** The index terms that stand for the same action as `term` ("talk" → talk, meet, met, negoti, …); itself alone for any other word. */
export const actionTerms = (term: string): readonly string[] => BY_TERM.get(term) ?? [term];

/** The group of saying: it reports an event and names none ("Kerry said" fits every statement he made). */
const SAYING = BY_TERM.get(terms('say')[0] as string);

/**
 * The action a term names, as one term for its whole group ("met", "talks" and "discussed" give the same);
 * null for a word that is no action, and for saying.
 */
export const actionOf = (term: string): string | null => {
  const group = BY_TERM.get(term);
  return group === undefined || group === SAYING ? null : (group[0] as string);
};
