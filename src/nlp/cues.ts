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
