import { type AutocompleteKind, type Choice, autocomplete } from '../answer/autocomplete.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { LIMITS } from './limits.ts';

/** Autocomplete choices within Discord's limits (at most 25, names and values within 100 characters); what was typed is read up to a value's length. */
export const discordChoices = (corpus: LoadedCorpus, kind: AutocompleteKind, typed: string): Choice[] =>
  autocomplete(corpus, kind, typed.slice(0, LIMITS.choiceValue), {
    choices: LIMITS.autocompleteChoices,
    name: LIMITS.choiceName,
    value: LIMITS.choiceValue,
  });
