/**
 * Speech acts whose speaker is certain: "Draitser said", "the geopolitical analyst noted", "…," said Kerry,
 * "Eric Draitser, the founder of …, made the remarks". What dates a speaker's words by the day of their
 * remarks reads these (src/nlp/dates/remarks.ts); a pronoun ("he said") is never certain enough for it.
 */
import { REPORTING_VERBS } from './cues.ts';
import { type NamedPerson, describedPeople, insideQuotation } from './coref.ts';
import { findNames, firstNamesAgree, surnameKey } from './people.ts';
import { allMatches } from './text.ts';

/** A speaker and the act of speaking the sentence gives them. */
export interface SpeechAct {
  /** The person, as the article names them at their fullest ("Eric Draitser"). */
  speaker: string;
  /** How the sentence names them: by name (or surname), or by a description the article resolves. */
  by: 'name' | 'description';
  /** The description, when `by` is one: "The geopolitical analyst". */
  description: string | null;
  /** [start, end) of the words that name the speaker. */
  subject: [number, number];
  /** [start, end) of the speech verb or phrase: "said", "told", "made the remarks". */
  cue: [number, number];
}

/** Verbs of reporting that tell of an act of speaking in the past, not a belief ("believed") or a sum ("estimated"). */
const NOT_SPEAKING = new Set(['believed', 'estimated', 'agreed', 'reported', 'predicted']);
const PAST_SPEECH = REPORTING_VERBS.filter((v) => /(?:ed|^said|^told|^wrote)$/.test(v) && !NOT_SPEAKING.has(v));

/** A speech verb, or "made the remarks" / "gave an interview": the act of speaking itself. */
const CUE = new RegExp(
  `\\b(?:${PAST_SPEECH.join('|')}|spoke|made (?:the|these|those|his|her|their) (?:remarks|comments)|gave (?:an|the) interview)\\b`,
  'gi',
);

/** A cue after these is not the act of that day: "had said", "has said" (before), "would say", "never said". */
const NOT_THE_ACT = /\b(?:had|has|have|would|will|could|may|might|not|never|n['’]t)\s+(?:\p{L}+ly\s+)?$/iu;

/**
 * What may stand between a subject and its cue: an apposition (", the founder of …,"), a short phrase of
 * time, place or manner ("on Tuesday", "in a statement"), an adverb ("further", "also").
 */
const BETWEEN_SUBJECT_AND_CUE =
  /^(?:\s*,[^,;:"“”]{1,120},)?\s*(?:(?:on|in|at|last|this|late|early)\s+[\p{L}.]+(?:\s+[\p{L}.]+){0,2}\s+)?(?:(?:also|further|then|later|again|\p{L}+ly)\s+)?$/u;

/**
 * Before a subject, words that make it not this sentence's own speaker alone: one of two ("Kerry and Lavrov
 * admitted", "He and Kerry said"), or a speaker inside someone else's report ("Lavrov saying that Kerry told").
 */
const JOINT_OR_REPORTED = /\b(?:and|or|that|saying|says)\s+$/i;

/** Before a cue that comes first (`"…," said Kerry`): the end of the quote or a comma. */
const INVERTED = /[,"”]\s*$/;

/**
 * The speech acts of a sentence whose speaker is certain: named by name, by the surname of one person the
 * article names, or by a description only one of them fits (see coref.ts); `people` and `at` as
 * `describedPeople` takes them. The subject stands just before the cue (an adverb or an apposition between)
 * or, after a quote, just after it. Acts told inside quotation marks or inside another's report, and acts of two
 * speakers together, are left out.
 */
export function speechActs(sentence: string, people: readonly NamedPerson[], at: number): SpeechAct[] {
  const cues = allMatches(CUE, sentence);
  if (cues.length === 0) return [];
  const subjects = subjectsOf(sentence, people, at);
  const out: SpeechAct[] = [];
  for (const m of cues) {
    const cue: [number, number] = [m.index, m.index + m[0].length];
    const before = sentence.slice(0, cue[0]);
    if (NOT_THE_ACT.test(before) || insideQuotation(sentence, cue[0])) continue;
    const subject =
      subjects.find((s) => s.subject[1] <= cue[0] && BETWEEN_SUBJECT_AND_CUE.test(sentence.slice(s.subject[1], cue[0]))) ??
      (INVERTED.test(before) ? subjects.find((s) => /^\s+$/.test(sentence.slice(cue[1], s.subject[0]))) : undefined);
    if (!subject || insideQuotation(sentence, subject.subject[0])) continue;
    if (JOINT_OR_REPORTED.test(sentence.slice(0, subject.subject[0])) || /^\s+and\b/.test(sentence.slice(subject.subject[1]))) continue;
    out.push({ ...subject, cue });
  }
  return out;
}

/** A capitalised word, not inside another word: a surname alone ("Draitser said"). */
const CAPITALISED = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]+/gu;

/** The people a sentence names with certainty, each at the words that name them. */
function subjectsOf(sentence: string, people: readonly NamedPerson[], at: number): Array<Omit<SpeechAct, 'cue'>> {
  const known = people.filter((p) => p.firstSeen <= at);
  const out: Array<Omit<SpeechAct, 'cue'>> = describedPeople(sentence, people, at).map((d) => ({
    speaker: d.name,
    by: 'description',
    description: d.description,
    subject: d.span,
  }));
  const full = findNames(sentence);
  for (const n of full) {
    const who = known.filter((p) => p.key === n.key && firstNamesAgree(p.first, n.first));
    if (who.length === 1) out.push({ speaker: (who[0] as NamedPerson).name, by: 'name', description: null, subject: [n.start, n.end] });
  }
  // A surname alone ("Draitser said"): the one person of the article who has it.
  for (const m of allMatches(CAPITALISED, sentence)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (full.some((n) => n.start <= start && end <= n.end)) continue;
    const who = known.filter((p) => p.key === surnameKey(m[0]));
    if (who.length === 1) out.push({ speaker: (who[0] as NamedPerson).name, by: 'name', description: null, subject: [start, end] });
  }
  return out.sort((a, b) => b.subject[1] - a.subject[1]);
}
