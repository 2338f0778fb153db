/**
 * The subject of a reporting verb in reported speech (`X said (that) …`, `according to X, …`), when the
 * speaker rules of `speaker.ts` do not take it: news often names a speaker with a description the rules have
 * no role for ("The campaign says", "Many lawmakers say") or a name behind a lowercase title ("longtime
 * pollster Pat Caddell said"). The speaker rules decide first; these only keep such a report from being lost,
 * and never name anyone the words do not name.
 */
import type { SpeakerRef } from '../../model/index.ts';
import { LONG_APPOSITION, NP } from './grammar.ts';
import { nobody, resolveMention, trimConnectives } from './speaker.ts';
import type { ArticleState } from './state.ts';

/** Words a noun phrase of a speaker never holds: pronouns, clause openers, auxiliaries, negations. */
const NOT_IN_SUBJECT =
  /\b(?:that|which|who|whom|whose|he|she|it|they|we|i|you|him|them|when|while|if|because|since|although|though|as|has|have|had|is|are|was|were|be|been|would|could|will|should|may|might|must|can|not|never|no|nor|then|also)\b/i;
/** How a description opens: a determiner or quantifier, or an owner ("Trump's"). */
const DESCRIPTION_OPENER =
  /^(?:the|a|an|one|some|many|most|several|few|two|three|four|five|both|other|another|all|his|her|its|their|[\p{Lu}][\p{L}.-]*['’]s)\s+\S/iu;
/** A bare plural of people or bodies that speak: "experts say", "campaign aides said", "Federal and state officials said". */
const PLURAL_SOURCE = /^(?:[\p{L}-]+\s+){0,3}[\p{Ll}][\p{L}-]*[^s’']s$/u;
/**
 * A plural head with what it belongs to, or a share of people: "Officials at the Homeland Security agency",
 * "Members of Congress", "63 percent of voters", "Most Republicans" (poll findings are reported as speech).
 */
const GROUP_SOURCE =
  /^(?:(?:[\p{L}-]+\s+){0,2}[\p{L}-]*[^s’'\s]s\s+(?:at|of|from|in|for|with|on)\s+\S.*|\d+(?:\.\d+)?\s*(?:percent|per cent|%)(?:\s+of\s+\S.*)?)$/u;
/**
 * A person's name closing a description, after a lowercase title word: "longtime Democratic pollster Pat
 * Caddell" (not "Commission on Presidential Debates": a preposition is no title).
 */
const NAME_AFTER_TITLE =
  /(?:^|\s)(?!(?:of|on|for|at|in|the|and|to|from|with|by|a|an)\s)[\p{Ll}][\p{L}-]*\s+(?<name>(?:[\p{Lu}][\p{L}'’-]*\.?\s+){1,2}[\p{Lu}][\p{L}'’-]+)$/u;

/**
 * `longtime Democratic pollster Pat Caddell said`: the name at the end of a subject whose title the speaker
 * rules do not know, resolved as that name alone.
 */
export function nameAfterTitle(np: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  const m = NAME_AFTER_TITLE.exec(np.trim());
  if (!m?.groups) return null;
  const found = resolveMention(m.groups.name as string, state, at, paragraph);
  return found?.kind === 'person' ? found : null;
}

/**
 * `The campaign says …`, `Many lawmakers say …`, `according to exit polls, …`: a description the article
 * does not resolve to anyone is the speaker as written, unattributed (no name is made up for it).
 */
export function unresolvedDescription(np: string): SpeakerRef | null {
  const t = np.trim();
  const wordCount = t.split(/\s+/).length;
  if (wordCount > 8 || NOT_IN_SUBJECT.test(t)) return null;
  if (GROUP_SOURCE.test(t) && !/^(?:in|on|at|for|after|before|during)\s/i.test(t)) return nobody(t);
  if (!DESCRIPTION_OPENER.test(t) && !PLURAL_SOURCE.test(t)) return null;
  // An adverbial of place or time is no speaker: "In recent years", "For months".
  if (
    /^(?:in|on|at|after|before|for|over|during|since|with|by|from|within|until)\s/i.test(t) ||
    /\b(?:years|months|weeks|days|hours|times)$/i.test(t)
  )
    return null;
  // The head of a description is a noun: not an adverb or a bare number.
  if (/(?:ly|\d)$/.test(t)) return null;
  return nobody(t);
}

/**
 * Who the subject of a report stands for: the speaker rules' answer, else a name behind a title, else the
 * description itself, unattributed. Pronouns and anything the speaker rules refuse stay refused.
 */
export function reportSubject(npRaw: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  const resolved = resolveMention(npRaw, state, at, paragraph);
  if (resolved) return resolved;
  const np = trimConnectives(npRaw);
  return nameAfterTitle(np, state, at, paragraph) ?? unresolvedDescription(np);
}

/** A finite verb after a subject: a form in -ed or -s, an auxiliary, or a common irregular past. */
const FINITE_VERB =
  '(?:[a-z]+(?:ed|es|s)|is|was|are|were|has|had|have|spoke|took|made|went|gave|told|said|met|came|sent|wrote|began|ran|led|won|lost|hit|left|sat|stood|drew|held|kept|put|set|cut)';
const SENTENCE_SUBJECT = new RegExp(
  `^\\s*(?:(?:But|And|However|Yet|Meanwhile|Still|Now|Then),?\\s+)?(?:[^,"“”]{0,80}?,\\s+)??(?<np>${NP})${LONG_APPOSITION}\\s+(?:[a-z]+ly\\s+)?${FINITE_VERB}\\b`,
  'u',
);

/**
 * `Trump attacked the plan on Friday, saying it would …`: the subject that opens a sentence, for a participle
 * cue that has none of its own. Resolved as any subject of a report is; null when the sentence does not open
 * with one (then no one is guessed).
 */
export function sentenceSubject(sentence: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  const m = SENTENCE_SUBJECT.exec(sentence);
  return m?.groups ? reportSubject(m.groups.np as string, state, at, paragraph) : null;
}
