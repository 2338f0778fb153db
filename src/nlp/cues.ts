/**
 * The words that tell who said what: reporting verbs, cue phrases, and the role words that make a
 * capitalised name a person. One list of data, used by the quote finder and the speaker registry.
 */

/** Verbs that report speech, in the forms news copy uses them. */
// prettier-ignore
export const REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'noted', 'notes', 'argued', 'argues', 'stressed',
  'stresses', 'warned', 'warns', 'insisted', 'insists', 'estimated', 'estimates', 'explained', 'explains', 'claimed',
  'claims', 'announced', 'announces', 'confirmed', 'confirms', 'asserted', 'asserts', 'declared', 'declares',
  'predicted', 'predicts', 'protested', 'protests', 'admitted', 'admits', 'reaffirmed', 'reaffirms', 'continued',
  'suggested', 'suggests', 'acknowledged', 'acknowledges', 'maintained', 'maintains', 'reported', 'reports', 'wrote',
  'writes', 'replied', 'replies', 'responded', 'responds', 'recalled', 'emphasized', 'emphasised', 'urged', 'urges',
  'accused', 'observed', 'remarked', 'stated', 'believes', 'believed', 'contended', 'asked', 'asks', 'agreed',
  'agrees',
  // Speech as news reports it from rallies, debates and social media.
  'tweeted', 'tweets', 'concluded', 'concludes', 'shouted', 'chanted', 'joked', 'quipped', 'yelled', 'answered',
  'exclaimed', 'demanded', 'boasted', 'wondered', 'cautioned', 'conceded', 'countered',
];

/** Participles that hang a quote on the subject of the sentence: "…, saying "…"", "Noting that …, Kerry …". */
// prettier-ignore
export const PARTICIPLE_CUES: readonly string[] = [
  'saying', 'adding', 'noting', 'stressing', 'warning', 'insisting', 'arguing', 'explaining', 'telling', 'calling',
  'asking', 'asserting', 'declaring', 'writing', 'tweeting', 'chanting', 'shouting', 'joking', 'replying', 'responding',
];

/** Phrases that put a source before its words: "according to X, …", "from X's viewpoint, …", "in the words of X". */
export const SOURCE_PHRASES: readonly string[] = ['according to', 'in the words of'];

/** Whom a speaker tells, between "told" and what was told: "told Press TV", "told reporters". */
export const AUDIENCE_WORDS: readonly string[] = [
  'reporters',
  'journalists',
  'the press',
  'the media',
  'lawmakers',
  'parliament',
  'an interview',
  'a news conference',
];

/** Words of a title or role before a name ("U.S. Secretary of State John Kerry"), never part of the name. */
// prettier-ignore
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'secretary', 'state', 'minister', 'foreign', 'defence', 'defense', 'prime', 'president', 'vice', 'deputy',
  'special', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'department', 'ambassador', 'senator', 'sen',
  'rep', 'gov', 'governor', 'general', 'gen', 'chief', 'head', 'director', 'editor', 'analyst', 'founder', 'leader',
  'king', 'prince', 'queen', 'chancellor', 'mayor', 'commander', 'adviser', 'advisor', 'official', 'officials',
  'diplomat', 'professor', 'prof', 'dr', 'mr', 'mrs', 'ms', 'sir', 'lord', 'russian', 'american', 'syrian',
  'turkish', 'iranian', 'british', 'french', 'german', 'israeli', 'saudi', 'us', 'u.s', 'u.s.', 'un', 'u.n', 'u.n.',
  'united', 'nations', 'kremlin', 'white', 'house', 'political', 'geopolitical', 'top', 'senior', 'former', 'syria',
  'for', 'of', 'the', 'mp', 'mep', 'lawmaker', 'congressman', 'congresswoman', 'interior', 'justice',
]);

/** Honorifics that stand before a surname alone: "Mr Hammond", "Mr. Strokan". */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'gen', 'prof', 'sir']);

/** Lower-case particles inside names: "Staffan de Mistura", "Bashar al-Assad", "bin Sultan". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'van', 'von', 'bin', 'al', 'el', 'le', 'la', 'di', 'du', 'ibn']);

/** Last words of organisations and bodies: "Security Council", "Support Group", "State Department". */
// prettier-ignore
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'council', 'group', 'department', 'front', 'nations', 'union', 'agency', 'ministry', 'committee', 'office', 'tv',
  'news', 'network', 'assembly', 'forces', 'army', 'party', 'government', 'organization', 'organisation',
  'institute', 'university', 'times', 'post', 'press', 'agenda', 'research', 'sabah', 'state', 'states',
]);

/**
 * Verbs that report someone's words when a quoted fragment stands in their clause, beyond the verbs of saying
 * (lemmas, grouped as Levin's English verb classes group them): verbs of communication and of manner of
 * speaking, verbs that name or characterise (dub: call, label; characterize: describe, portray, cite), verbs
 * that judge aloud (praise and blame: hail, blast, accuse), and verbs that urge or promise. `verbForms` inflects
 * them. A quote in such a verb's clause is its subject's words (`Christie described Clinton as a "disgrace"`).
 */
// prettier-ignore
export const FRAMING_LEMMAS: readonly string[] = [
  // communication
  'say', 'tell', 'write', 'tweet', 'post', 'add', 'note', 'argue', 'claim', 'insist', 'assert', 'declare', 'announce',
  'proclaim', 'state', 'explain', 'warn', 'caution', 'predict', 'ask', 'demand', 'suggest', 'propose', 'concede',
  'admit', 'acknowledge', 'deny', 'dismiss', 'reject', 'question', 'wonder', 'recall', 'complain', 'protest',
  'lament', 'reply', 'respond', 'counter', 'retort', 'repeat', 'reiterate', 'stress', 'emphasize', 'emphasise',
  'maintain', 'contend', 'allege', 'testify', 'vow', 'pledge', 'promise', 'urge', 'encourage', 'advise', 'threaten',
  'boast', 'brag', 'joke', 'quip', 'confirm', 'report', 'describe', 'characterize', 'characterise', 'portray', 'depict',
  'cite', 'refer', 'mention', 'quote', 'recount', 'summarize', 'summarise', 'agree', 'observe', 'remark', 'express', 'voice',
  'answer', 'conclude', 'estimate',
  // manner of speaking
  'shout', 'yell', 'scream', 'chant', 'whisper', 'mutter', 'exclaim',
  // dub
  'call', 'dub', 'label', 'brand', 'term', 'nickname',
  // judgment: praise and blame
  'praise', 'hail', 'laud', 'applaud', 'commend', 'tout', 'thank', 'congratulate', 'criticize', 'criticise', 'condemn',
  'denounce', 'decry', 'blast', 'slam', 'attack', 'mock', 'ridicule', 'deride', 'lambaste', 'chastise', 'rebuke',
  'scold', 'blame', 'accuse', 'fault', 'castigate', 'excoriate',
];

/** Past tenses that do not end in -ed. */
const IRREGULAR_PAST: Readonly<Record<string, string>> = { say: 'said', tell: 'told', write: 'wrote' };
/** Verbs that double their last consonant before -ed and -ing (dubbed, slamming); true: British only (labelled). */
const DOUBLING: ReadonlyMap<string, boolean> = new Map([
  ['admit', false],
  ['quip', false],
  ['brag', false],
  ['dub', false],
  ['slam', false],
  ['refer', false],
  ['label', true],
]);

/** A verb's forms news copy uses: the lemma, -s, the past, -ing (`label`: labels, labeled, labelled, labeling). */
export function verbForms(lemma: string): string[] {
  const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const stem = lemma.endsWith('e') && !lemma.endsWith('ee') ? lemma.slice(0, -1) : lemma;
  const doubled = lemma + lemma.slice(-1);
  const regularPast = /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${stem}ed`;
  const past = IRREGULAR_PAST[lemma] ?? regularPast;
  const plain = DOUBLING.get(lemma) === false ? [] : [past, `${stem}ing`];
  const double = DOUBLING.has(lemma) ? [`${doubled}ed`, `${doubled}ing`] : [];
  return [...new Set([lemma, s, ...plain, ...double])];
}
