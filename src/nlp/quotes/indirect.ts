/**
 * Indirect speech: a reporting verb with its subject and the clause it reports (`X said (that) …`,
 * `…, X said.`, `according to X, …`, `Noting that …, X …`). `indirectIn` finds where the clauses of one
 * sentence are and who (as written) reports them; `indirectSpeech` keeps those no quote has used already.
 */
import type { SpeakerRef } from '../../model/index.ts';
import { SOURCE_PHRASES } from '../cues.ts';
import { ADVERBS, AUD, LONG_APPOSITION, NP, PROGRESSIVE, QUOTE_MARK, VERBS, cleanClause, words } from './grammar.ts';
import { confidenceOf, preferNamed } from './speaker.ts';
import { reportSubject, sentenceSubject } from './subject.ts';
import { quoteSpans } from './spans.ts';
import { type ArticleState, type ParagraphState, addDraft } from './state.ts';

/** The longest sentence read for indirect speech, and how many reports one sentence may chain. */
const MAX_SENTENCE_CHARS = 3000;
const MAX_CLAUSES = 4;

export interface IndirectMatch {
  np: string | null;
  cue: string;
  pattern: string;
  clauseStart: number;
  clauseEnd: number;
}

/** One sentence as the indirect rules read it: `body` is `s` without its leading space, `lead` long. */
export interface IndirectSentence {
  readonly s: string;
  readonly body: string;
  readonly lead: number;
  /** Where the sentence ends, before its full stop and trailing space. */
  readonly end: number;
  /** How many reports deep this sentence is read (see MAX_CLAUSES). */
  readonly depth: number;
}

const LEAD = '(?:(?:But|And|However|Yet|Meanwhile|Publicly|Still|Now),?\\s+)?';
const SUBJECT_VERB_VERB = `${PROGRESSIVE}|${VERBS}|respond|respond(?:s|ed)`;
const SUBJECT_VERB = new RegExp(
  `^(?<lead>${LEAD}(?:[^,"“”]{0,160}?(?:,|\\s[–—])\\s+)??)(?<np>${NP})${LONG_APPOSITION}\\s+${ADVERBS}(?<verb>${SUBJECT_VERB_VERB})\\b(?<aud>(?<=told|tells|tell)\\s+${AUD})?(?<rest>.*)$`,
  'su',
);
/**
 * Cheap tests asked before the long patterns, of words each of their matches holds, read with the same flags: a
 * space and then the verb (a space stands before it in each pattern), and for PARENTHETICAL the comma after it.
 */
const HAS_SUBJECT_VERB = new RegExp(`\\s(?:${SUBJECT_VERB_VERB})\\b`, 'su');
const HAS_INVERTED_VERB = new RegExp(`\\s(?:${VERBS})\\b`, 'su');
const HAS_PARENTHETICAL_VERB = new RegExp(`\\s(?:${VERBS}),`, 'su');
const SOURCE = SOURCE_PHRASES.join('|');
const ACCORDING_LEAD = new RegExp(`^\\s*(?:${LEAD})?(?:${SOURCE}) (?<np>${NP}),\\s+(?<clause>.+)$`, 'isu');
const ACCORDING_TAIL = new RegExp(`^(?<clause>.+?),\\s+(?:${SOURCE}) (?<np>${NP})(?:,.*)?[.!?]?$`, 'su');
const INVERTED = new RegExp(
  `^(?<clause>.{15,}?)[,;]\\s+(?<np>${NP})(?:,\\s+[^,"“”]{3,100},)?\\s+(?:has\\s+|have\\s+)?(?<verb>${VERBS})\\b(?<tail>[^"“”]*)$`,
  'su',
);
const PART_LEAD = new RegExp(
  `^\\s*(?<part>Noting|Stressing|Insisting|Warning|Arguing|Adding|Saying) that (?<clause>[^,]+),\\s+(?<np>${NP})\\s+\\w+`,
  'su',
);
const PART_TAIL = new RegExp(
  `,?\\s+(?:before\\s+(?:immediately\\s+)?|while\\s+)?(?<part>adding|noting|stressing|warning|insisting|saying|arguing|claiming|explaining|suggesting|predicting|acknowledging|declaring|asserting) that (?<clause>.+)$`,
  'su',
);
/** A participle cue with its clause and no "that", after a comma: ", saying it would …", ", promising to …". */
const PART_TAIL_BARE = new RegExp(
  `,\\s+(?:before\\s+|while\\s+)?(?:(?<part>saying|arguing|claiming)\\s+(?!that\\b)|(?<part2>promising|vowing|pledging)\\s+(?=to\\s))(?<clause>.+)$`,
  'su',
);
const PARENTHETICAL = new RegExp(`^(?<a>.{8,}?),\\s+(?<np>${NP})\\s+(?<verb>${VERBS}),\\s+(?<b>.+)$`, 'su');
const PREPOSITION_START = /^\s*(?:on|in|at|while|during|after|before|to|by|with|for|about|of|from|\.|$)/i;
/** Another speaker's cue inside a reported clause: "…, and Putin's spokesman said". */
const OTHER_SPEAKER = new RegExp(`[,;]\\s+(?:(?:and|but)\\s+)?${NP}\\s+${ADVERBS}(?:${VERBS})\\b`, 'u');
/** A second verb of the same speaker: "admitted … but stressed …". */
const SECOND_VERB = new RegExp(`\\s+(?:but|and)\\s+(?:also\\s+)?(?<verb>${VERBS})\\s+(?:that\\s+)?`, 'u');
const AUDIENCE_START = new RegExp(`^\\s*${AUD}`, 'u');
const CLAUSE_PREPOSITION = /^(?:in|on|at|while|during|after|before|to|by|with|for|about|of)\b/i;

/** Indirect speech in one sentence: where the reported clause is, and who (as written) reports it. */
export function indirectIn(s: string, depth = 0): IndirectMatch[] {
  // A "sentence" this long is a dump without punctuation, not prose: reading it clause by clause would
  // take time for nothing.
  if (s.length > MAX_SENTENCE_CHARS) return [];
  const sentence = indirectSentence(s, depth);
  const parenthetical = parentheticalCue(sentence);
  if (parenthetical) return [parenthetical];
  const out: IndirectMatch[] = [];
  const participle = participleLead(sentence);
  if (participle) out.push(participle);
  const according = accordingToLead(sentence) ?? accordingToTail(sentence);
  if (according) return [...out, according];
  out.push(...subjectVerb(sentence));
  const inverted = invertedCue(sentence);
  if (inverted) out.push(inverted);
  const adding = participleTail(sentence);
  if (adding) out.push(adding);
  return out;
}

/** A sentence made ready for the indirect rules. */
export function indirectSentence(s: string, depth = 0): IndirectSentence {
  const lead = /^\s*/.exec(s)?.[0].length ?? 0;
  const body = s.slice(lead);
  return { s, body, lead, end: lead + body.replace(/[\s.]+$/, '').length, depth };
}

/** `The Russian campaign, analysts say, has broken …`: one clause around a parenthetical cue (no quotation marks). */
export function parentheticalCue({ body, lead, end }: IndirectSentence): IndirectMatch | null {
  const par = HAS_PARENTHETICAL_VERB.test(body) ? PARENTHETICAL.exec(body) : null;
  if (!par?.groups || QUOTE_MARK.test(body)) return null;
  return { np: par.groups.np as string, cue: par.groups.verb as string, pattern: '…, X said, …', clauseStart: lead, clauseEnd: end };
}

/** `Noting that the talks had stalled, Lavrov left Geneva`: a participle cue opening the sentence. */
export function participleLead({ body, lead }: IndirectSentence): IndirectMatch | null {
  const pl = PART_LEAD.exec(body);
  if (!pl?.groups) return null;
  const clause = pl.groups.clause as string;
  const c0 = lead + body.indexOf(clause);
  return {
    np: pl.groups.np as string,
    cue: `${pl.groups.part} that`,
    pattern: `${pl.groups.part} that …, X …`,
    clauseStart: c0,
    clauseEnd: c0 + clause.length,
  };
}

/** `According to Kerry, the convoy reached Aleppo.` */
export function accordingToLead({ body, lead, end }: IndirectSentence): IndirectMatch | null {
  const al = ACCORDING_LEAD.exec(body);
  if (!al?.groups) return null;
  const c0 = lead + body.lastIndexOf(al.groups.clause as string);
  return { np: al.groups.np as string, cue: 'according to', pattern: 'according to X, …', clauseStart: c0, clauseEnd: end };
}

/** `The convoy reached Aleppo on Monday, according to Kerry.` */
export function accordingToTail({ body, lead }: IndirectSentence): IndirectMatch | null {
  const at = ACCORDING_TAIL.exec(body);
  if (!at?.groups) return null;
  const clauseEnd = lead + (at.groups.clause as string).length;
  return { np: at.groups.np as string, cue: 'according to', pattern: '…, according to X', clauseStart: lead, clauseEnd };
}

/**
 * `Lavrov told Reuters (that) the ceasefire would hold.`: subject, verb, clause. The clause ends where a
 * participle (", adding that"), another speaker's cue or a second verb of the same speaker begins; those are
 * read as reports of their own.
 */
export function subjectVerb(sentence: IndirectSentence): IndirectMatch[] {
  const { body, lead, end } = sentence;
  const sv = HAS_SUBJECT_VERB.test(body) ? SUBJECT_VERB.exec(body) : null;
  if (!sv?.groups) return [];
  const rest = sv.groups.rest as string;
  const afterAdverbial = thatAfterAdverbial(rest, AUDIENCE_VERB.test(sv.groups.verb as string));
  const clause = afterAdverbial === null ? rest.replace(/^\s*(?:publicly\s+)?(?:that\s+)?/i, '') : rest.slice(afterAdverbial);
  if (CLAUSE_PREPOSITION.test(clause.trim()) || clause.trim() === '') return [];
  const np = sv.groups.np as string;
  const c0 = lead + body.length - rest.length + (rest.length - clause.length);
  const tail = participleAfter(clause);
  const other = OTHER_SPEAKER.exec(clause);
  const second = SECOND_VERB.exec(clause);
  const cut = Math.min(tail?.index ?? clause.length, other?.index ?? clause.length, second?.index ?? clause.length);
  const out: IndirectMatch[] = [
    { np, cue: sv.groups.verb as string, pattern: 'X said (that) …', clauseStart: c0, clauseEnd: Math.min(end, c0 + cut) },
  ];
  if (other && other.index === cut && sentence.depth < MAX_CLAUSES) {
    out.push(...otherSpeakerReport(sentence, c0 + other.index + (/^[,;]\s+(?:(?:and|but)\s+)?/.exec(other[0])?.[0].length ?? 0)));
  }
  if (second?.groups && second.index < (tail?.index ?? clause.length)) {
    const s0 = c0 + second.index + second[0].length;
    out.push({ np, cue: second.groups.verb as string, pattern: 'X said … and said …', clauseStart: s0, clauseEnd: end });
  }
  return out;
}

/** What may stand between a reporting verb and its "that": a place, a time, a medium, whom it was told. */
const ADVERBIAL_START =
  /^\s*,?\s*(?:in|on|at|during|after|before|to|with|from|via|through|over|earlier|later|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|repeatedly|privately|recently|frequently|often|again|reporters|journalists|[a-z]+ly)\b/;
/** Whom a speaker told or warned, before "that": "told a young woman that …", "warned voters that …". */
const AUDIENCE_THEN_THAT = /^\s*(?:a|an|the|his|her|their|[\p{Lu}][\p{L}'’.-]*|[a-z]+s)\s/u;
/** Verbs whose audience stands before "that": told, warned, assured, reminded. */
const AUDIENCE_VERB =
  /^(?:(?:is|are|was|were)\s+)?(?:told|tells|tell|telling|warn|warns|warned|warning|assured|assures|assuring|reminded|reminds|reminding)$/;
/** Words that end the adverbial before "that" as a verb or a conjunction would: then "that" opens another clause. */
const NOT_ADVERBIAL = /\b(?:[a-z]+ing|and|but|or|said|says|told|added|was|were|is|are|had|has)\s*,?\s*$/;

/**
 * `Clinton says at a campaign stop in Toledo, Ohio, that …`, `Stenger announced in a statement this month
 * that …`, `Trump is telling a veterans group that …`: the verb is followed by an adverbial (or whom it was
 * told, for `told`) and then "that"; the reported clause starts after "that". Returns that offset in `rest`,
 * or null when `rest` does not read so: no adverbial first, no "that" within 120 characters of plain words, or
 * a verb or conjunction just before "that" (`on Monday the talks stalled, adding that …`).
 */
export function thatAfterAdverbial(rest: string, told = false): number | null {
  if (!ADVERBIAL_START.test(rest) && !(told && AUDIENCE_THEN_THAT.test(rest))) return null;
  const m = /^[^.;:!?"“”]{0,120}?\bthat\s+/.exec(rest);
  if (!m || m[0].trim() === 'that') return null;
  const before = m[0].replace(/\bthat\s+$/, '');
  return NOT_ADVERBIAL.test(before) || /[,;]\s+(?:and|but)\s/.test(before) ? null : m[0].length;
}

/** `…, Western nations have accused Moscow of …`: another speaker's own report, read from `o0` (their subject) on. */
export function otherSpeakerReport({ s, depth }: IndirectSentence, o0: number): IndirectMatch[] {
  return indirectIn(s.slice(o0), depth + 1).map((m) => ({ ...m, clauseStart: m.clauseStart + o0, clauseEnd: m.clauseEnd + o0 }));
}

/** `The talks have failed, Kerry said in Geneva.`: the clause first, then subject and verb. */
export function invertedCue({ body, lead }: IndirectSentence): IndirectMatch | null {
  const inv = HAS_INVERTED_VERB.test(body) ? INVERTED.exec(body) : null;
  if (!inv?.groups) return null;
  const tail = inv.groups.tail as string;
  const verb = inv.groups.verb as string;
  const tailFits = words(tail) <= 2 || PREPOSITION_START.test(tail) || (/^(?:told|tells)$/.test(verb) && AUDIENCE_START.test(tail));
  if (!tailFits) return null;
  const clause = inv.groups.clause as string;
  const clauseText = clause.replace(/^(?:But|And|However|Yet)\s+/, '');
  return {
    np: inv.groups.np as string,
    cue: verb,
    pattern: '…, X said',
    clauseStart: lead + clause.length - clauseText.length,
    clauseEnd: lead + clause.length,
  };
}

/** A participle cue in `text` and its clause: `, adding that …` or `, saying …`, whichever comes first. */
export function participleAfter(text: string): { index: number; cue: string; clause: string } | null {
  const found = [PART_TAIL.exec(text), PART_TAIL_BARE.exec(text)]
    .filter((m): m is RegExpExecArray => m?.groups !== undefined)
    .sort((a, b) => a.index - b.index)[0];
  if (!found?.groups) return null;
  const g = found.groups;
  const cue = g.part2 ?? (found[0].includes(`${g.part} that `) ? `${g.part} that` : (g.part as string));
  return { index: found.index, cue, clause: g.clause as string };
}

/**
 * `…, adding that the convoy would leave on Monday`, `…, saying it would leave`, `…, promising to leave`: a
 * participle cue whose subject is the sentence's speaker.
 */
export function participleTail({ body, lead, end }: IndirectSentence): IndirectMatch | null {
  const pt = participleAfter(body);
  if (!pt) return null;
  const c0 = lead + body.lastIndexOf(pt.clause);
  return { np: null, cue: pt.cue, pattern: `…, ${pt.cue} …`, clauseStart: c0, clauseEnd: end };
}

/** Indirect speech in one sentence of the paragraph, where no quote found before used the same words. */
export function indirectSpeech(state: ArticleState, para: ParagraphState, si: number): void {
  const T = para.text;
  const ss = para.sentenceStarts[si] as number;
  const se = para.sentenceStarts[si + 1] ?? T.length;
  const s = T.slice(ss, se);
  for (const found of indirectIn(s)) {
    const from = ss + found.clauseStart;
    const to = ss + found.clauseEnd;
    if (para.used.some(([u0, u1]) => from < u1 && to > u0)) continue;
    const clause = cleanClause(T.slice(from, to));
    if (!isReportedClause(clause)) continue;
    const speaker = indirectSpeaker(state, para, found.np, ss, se);
    if (!speaker) continue;
    const confidence = confidenceOf(speaker, 0.8);
    addDraft(state, para, {
      kind: 'indirect',
      text: clause,
      span: [from, to],
      sentence: s.trim(),
      speaker,
      cue: found.cue,
      pattern: found.pattern,
      confidence,
      at: para.base + from,
    });
  }
}

/**
 * Who reports an indirect clause of the sentence [ss, se): its subject as written, or for `…, adding that …`
 * (no subject) the last speaker the sentence has attributed, else the subject the sentence opens with.
 */
export function indirectSpeaker(state: ArticleState, para: ParagraphState, np: string | null, ss: number, se: number): SpeakerRef | null {
  if (np === null) {
    const inSentence = para.drafts.filter((d) => d.at >= para.base + ss && d.at < para.base + se && d.speaker.status === 'attributed');
    return inSentence.pop()?.speaker ?? sentenceSubject(para.text.slice(ss, se), state, para.base + ss, para.index);
  }
  const s = para.text.slice(ss, se);
  return preferNamed(reportSubject(np, state, para.base + ss + Math.max(0, s.indexOf(np)), para.index), np, state);
}

/**
 * A clause of three words or more with no quotation in it: quotation marks in reported speech are fine when
 * they only set off a name or a word ("moderate").
 */
export function isReportedClause(clause: string): boolean {
  const inner = quoteSpans(clause).filter((q) => words(q.content) >= 2 && !q.content.split(/\s+/).every((w) => /^[\p{Lu}]/u.test(w)));
  return words(clause) >= 3 && inner.length === 0;
}
