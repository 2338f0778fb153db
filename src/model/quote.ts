export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/**
 * How a speaker was found, the fact behind an attribution's confidence: named (`name`: a full name;
 * `surname`: the surname of someone the article names), `pronoun` ("he" after a named person), `author` ("we"
 * in a byline's article), `description` ("the analyst" to the person whose role fits), `apposition` (named
 * beside the description), `joint` (two people named together), `organisation` or `place` (a body or a
 * government), `quote-before` (no cue: the speaker of the quote before), `headline` (no cue and no one
 * before: the one speaker the headline names), `sentence-subject` (no speaker at the quote: the person the
 * sentence is about).
 */
export type SpeakerBasis =
  | 'name'
  | 'surname'
  | 'pronoun'
  | 'author'
  | 'description'
  | 'apposition'
  | 'joint'
  | 'organisation'
  | 'place'
  | 'quote-before'
  | 'headline'
  | 'sentence-subject';

/** Who said a quote, as far as the article tells. */
export interface SpeakerRef {
  /** How the text names the speaker at this quote: "Kerry", "he", "Washington's top diplomat". */
  mention: string;
  /** The speaker's name as the article gives it ("John Kerry"; "Putin’s spokesman" when never named); null when not told. */
  name: string | null;
  /** Each person of a joint speaker ("He and Kerry said"); one entry for a single speaker. */
  members: string[];
  kind: 'person' | 'organisation' | 'description' | 'unknown';
  /** attributed: the text says who; unattributed: it does not; ambiguous: it could be more than one. */
  status: 'attributed' | 'unattributed' | 'ambiguous';
  /** The speaker's role where the article gives it ("US Secretary of State"). */
  role: string | null;
  /** How the speaker was found (absent where no rule tells, and for a speaker the text does not give). */
  basis?: SpeakerBasis;
  /**
   * For an `ambiguous` speaker, the people the text could mean (two or more, the likeliest reading first):
   * `"…," Smith said` where two Smiths spoke, a participle after a clause of another subject. `name` is the
   * first of them only where the grammar prefers it, else null; an answer names them all.
   */
  candidates?: string[];
}

/** One paragraph's piece of a quote that runs over several: where it stands in that paragraph, and its words. */
export interface QuotePart {
  /** 0-based paragraph index. */
  paragraph: number;
  start: number;
  end: number;
  /** The quoted words of this paragraph (parts of a split quote joined with " … "). */
  text: string;
}

/** A quote found in an article, with how it was attributed. */
export interface Quote {
  article: string;
  /** 0-based paragraph index. */
  paragraph: number;
  /** The last paragraph of a quote that runs over several (absent when it stands in one). */
  lastParagraph?: number;
  /**
   * A quote that runs over several paragraphs, piece by piece (absent when it stands in one): each paragraph's
   * [start, end) offsets and the quoted words that stand there. `span` is then the first piece's, `text` them all.
   */
  parts?: QuotePart[];
  kind: QuoteKind;
  /** The quoted words (direct: inside the marks; parts of a split quote joined with " … "); indirect: the reported clause. */
  text: string;
  /** [start, end) offsets of the quote in the paragraph text. */
  span: [number, number];
  /** The sentence(s) the quote stands in. */
  sentence: string;
  speaker: SpeakerRef;
  /** The reporting verb or phrase. */
  cue: string;
  /** [start, end) in the paragraph text of the words that name the speaker at this quote; absent when the paragraph does not. */
  speakerSpan?: [number, number];
  /** [start, end) in the paragraph text of the cue; absent when it stands elsewhere or there is none. */
  cueSpan?: [number, number];
  /** The shape that attributed it, e.g. `"…," X said`. */
  pattern: string;
  /** 0–1: how sure the attribution is. */
  confidence: number;
}
