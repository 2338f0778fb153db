/**
 * What a message claims was said, for "Check in corpus": its quoted passages (straight or curly double quotes,
 * guillemets, „low-high“ quotes), each with the speaker the message names for it, if it names one ("Kerry said
 * “…”", "“…,” said Kerry", "“…” — Lavrov", "According to the Russian foreign minister, “…”"). A message with
 * no quoted passage is one claim: its whole text (less a leading "X said (that)" or a trailing "— X", which
 * name the speaker).
 */
import type { LoadedCorpus } from '../index/loadedCorpus.ts';

/** Words a message says someone said, and who it says said them (as the message writes the name), if it says. */
export interface Claim {
  quote: string;
  speaker?: string;
}

/** How many passages of one message are checked: a reply holds one answer each. */
export const MAX_CLAIMS = 5;

/** A passage of fewer words is a scare quote or a title ("the “moderate” opposition"), not a claim of what was said. */
const MIN_WORDS = 3;

const PASSAGE = /"([^"]+)"|“([^”"]+)”|«([^»]+)»|„([^“”]+)[“”]/g;

// A name: capitalised words, with the particles names carry ("Bashar al-Assad", "Staffan de Mistura").
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:al|el|de|van|von|bin|da|di|du|le)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}`;
// A description: "the" and up to five words, none of them another "the" ("the Russian foreign minister").
const ROLE = String.raw`[Tt]he(?:\s+(?![Tt]he\b)[\p{L}'’-]+){1,5}`;
const WHO = `(${NAME}|${ROLE})`;
const SAID = String.raw`(?:said|says|told\s+[^"“«„]{0,40}?|stated|wrote|added|declared|claimed|tweeted|insisted|warned|replied|responded|answered|noted|stressed|argued|explained|put it)`;

/** Where a message names the speaker just before a passage: "Kerry said,", "According to Lavrov,", "Lavrov:". */
const BEFORE = [
  new RegExp(String.raw`(?:^|[^\p{L}])${WHO}\s+${SAID}(?:\s+that)?\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`[Aa]ccording to\s+${WHO}\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`(?:^|[^\p{L}])${WHO}\s*:\s*$`, 'u'),
];

/** Where a message names the speaker just after a passage: "— Lavrov", "Kerry said", "said Kerry". */
const AFTER = [
  new RegExp(String.raw`^\s*[,.!?]?\s*[—–-]+\s*${WHO}`, 'u'),
  new RegExp(String.raw`^\s*[,.!?]?\s*${WHO}\s+${SAID}`, 'u'),
  new RegExp(String.raw`^\s*[,.!?]?\s*${SAID}\s+${WHO}`, 'u'),
];

/** A mention of a user, role or channel (`<@123>`), which is no part of what was said. */
const MENTION = /<(?:@[!&]?|#)\d+>/g;

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const firstMatch = (patterns: readonly RegExp[], text: string): string | undefined => {
  for (const p of patterns) {
    const m = p.exec(text);
    // "said John Kerry." ends the sentence: the full stop is no part of the name.
    if (m?.[1]) return m[1].trim().replace(/[.,;:!?]+$/, '');
  }
  return undefined;
};

/** The claims of a message: each quoted passage with its speaker, or the whole text when nothing is quoted. */
export function claimsOf(message: string): Claim[] {
  const text = message.replace(MENTION, ' ').trim();
  const passages = [...text.matchAll(PASSAGE)]
    .map((m) => ({ quote: (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim(), start: m.index, end: m.index + m[0].length }))
    .filter((p) => wordCount(p.quote) >= MIN_WORDS);
  if (passages.length === 0) return wholeMessage(text);
  return passages.map((p, i) => {
    const before = text.slice(passages[i - 1]?.end ?? 0, p.start);
    const after = text.slice(p.end, passages[i + 1]?.start ?? text.length);
    const speaker = firstMatch(AFTER, after) ?? firstMatch(BEFORE, before);
    return speaker === undefined ? { quote: p.quote } : { quote: p.quote, speaker };
  });
}

/** A message with nothing quoted: its words, less "X said (that)" before them or "— X" after them. */
function wholeMessage(text: string): Claim[] {
  if (wordCount(text) < 2) return [];
  const lead = new RegExp(String.raw`^${WHO}\s+${SAID}(?:\s+that)?\s*[,:]?\s+(.+)$`, 'su').exec(text);
  if (lead?.[1] && lead[2] && wordCount(lead[2]) >= 2) return [{ quote: lead[2].trim(), speaker: lead[1] }];
  const tail = new RegExp(String.raw`^(.+?)\s*[—–]+\s*${WHO}\s*$`, 'su').exec(text);
  if (tail?.[1] && tail[2] && wordCount(tail[1]) >= 2) return [{ quote: tail[1].trim(), speaker: tail[2] }];
  return [{ quote: text }];
}

/**
 * The speaker a claim names, as the corpus knows them: the longest end of the name the corpus has a speaker for
 * ("Yesterday Kerry" is Kerry: a capitalised word before a name is often the sentence's first word). A name the
 * corpus does not have is kept whole: the claim is then about someone the corpus never quotes.
 */
export function claimedSpeaker(corpus: LoadedCorpus, name: string): string {
  const words = name.split(/\s+/);
  for (let k = 0; k < words.length; k += 1) {
    const tail = words.slice(k).join(' ');
    if (corpus.quotes.findSpeakers(tail).length > 0) return tail;
  }
  return name;
}
