/**
 * The signals that mark a block of a web page dump as page furniture rather than article text.
 *
 * Each rule names a kind of furniture that news sites share (cookie notices, newsletter boxes, share bars,
 * copyright and fair-use notices, mirror-site notices), not the wording of one site: they are meant to hold
 * for the next article too. A rule's name is reported with every block it sets aside.
 */
/** A photo gallery's counter before its caption: "1 of 3 | …". */
export const GALLERY_COUNTER = /^\s*\d{1,3} of \d{1,3}\s*[|·:]\s*/;

export interface ClutterRule {
  name: string;
  pattern: RegExp;
  /**
   * Words every match of `pattern` holds, read with its flags: a cheap test asked first, for a pattern that is slow to
   * fail on prose (every block is tested against every rule). Never true of less than `pattern` is.
   */
  mustHave?: RegExp;
}

export const BOILERPLATE_RULES: readonly ClutterRule[] = [
  { name: 'cookie notice', pattern: /\bcookies?\b/i },
  { name: 'privacy notice', pattern: /\bprivacy (?:policy|notice)|\bpersonal data\b|\bdata protection\b|\bGDPR\b/i },
  { name: 'terms notice', pattern: /\bterms (?:of (?:use|service)|and conditions)\b/i },
  { name: 'captcha notice', pattern: /\b(?:re)?captcha\b/i },
  {
    name: 'newsletter box',
    pattern:
      /\bunsubscribe\b|\bsubscribe (?:to|for) (?:our|the|updates)\b|\bby signing up\b|\bsign up (?:for|to) (?:our|the|updates)\b|\bnewsletter\b|\b(?:keep|stay) up to date with\b/i,
  },
  {
    name: 'share bar',
    pattern: /^\s*(?:share|tweet|email|print)(?: this(?: article| story| page)?)?\s*$|\bshare (?:this|on)\b|\bfollow us\b/i,
  },
  { name: 'social prompt', pattern: /\b(?:comment|like|join) (?:on|us on)\b.*\b(?:facebook|twitter|telegram|instagram|page)\b/i },
  {
    name: 'membership box',
    pattern: /\bbecome a (?:member|subscriber|patron)\b|\bdonate (?:now|today|to us)\b|\bsupport (?:our|independent) journalism\b/i,
  },
  { name: 'copyright notice', pattern: /copyright|©|\ball rights reserved\b|\bfair use\b|\bcopyrighted material\b/i },
  { name: 'disclaimer', pattern: /^\s*disclaimer\b/i },
  {
    name: 'republication notice',
    pattern: /\b(?:the )?original source of this article\b|\boriginally (?:published|appeared) (?:on|at|in)\b/i,
  },
  { name: 'contact line', pattern: /\b(?:media|press|advertising) (?:inquiries|enquiries|contact)\b|^\S+@\S+\.\w+$/i },
  {
    name: 'mirror-site notice',
    pattern: /\b(?:alternate|alternative|mirror) (?:addresses|address|sites?|domains?)\b|\bcan also be accessed at\b/i,
  },
  {
    name: 'read-more link',
    pattern: /^\s*(?:read more|related(?: stor(?:y|ies)| articles?| coverage| links?)?|see also|more on this|recommended)\s*:/i,
  },
  // "Weiterlesen »", "Read more ›": a short link label ending in an arrow, in any language.
  { name: 'continue-reading link', pattern: /^[\p{L}\s]{2,30}[»›→]$/u },
  // A related link's kicker glued to its headline by the dump ("'Something that lives with me':Derek Chauvin jurors
  // share …"): a colon straight before a capital, and no sentence end.
  { name: 'related link', pattern: /^[^:]{3,60}:\p{Lu}[^:]*[^.!?:;"”’']$/u },
  {
    name: 'comment prompt',
    pattern:
      /^\s*(?:no|\d+) comments?\s*$|\b(?:post|leave|drop|add|write) a (?:comment|reply)\b|\byour email address will not be published\b|\brequired fields are marked\b/i,
  },
  {
    name: 'call to action',
    pattern: /^\s*click here\b|\bclick here (?:to|for)\b|\b(?:download|get) (?:the|our) [\p{L}\s]{0,30}\bapp\b/iu,
    mustHave: /click here|(?:download|get) (?:the|our) /iu,
  },
  { name: 'advertising notice', pattern: /^\s*advertise(?:ment)? (?:on|with|here)\b|\badvert(?:ising)? enquir/i },
  { name: 'update notice', pattern: /\bthis is a developing story\b|\bcheck back (?:for|later)\b/i },
  {
    name: 'syndication notice',
    pattern: /\b(?:this|the) content\b.*\b(?:embargo|may not be (?:published|broadcast|rewritten|redistributed))\b/i,
  },
  // Twitter's embed: "… pic.twitter.com/x — Name (@handle) May 15, 2023".
  { name: 'embedded post', pattern: /\bpic\.twitter\.com\/|\s[—–-]\s[^()]{1,60}\(@\w+\)\s+\p{L}+\.? \d{1,2}, \d{4}\s*$/u },
  { name: 'video player label', pattern: /^\s*(?:up next|now playing|watch (?:now|live|next)|play video)\s*$/i },
];

/** A photo caption or credit: "X, left, shakes hands with Y", "(AP Photo/…)", "Photo: …", "1 of 3 | …". */
export const CAPTION_RULES: readonly ClutterRule[] = [
  { name: 'gallery caption', pattern: GALLERY_COUNTER },
  {
    name: 'caption position marker',
    pattern: /,\s(?:left|right|centre|center|second (?:left|right)|top|bottom|front|rear),\s|\((?:L|R|C|left|right|center|centre)\)/,
  },
  {
    name: 'photo credit',
    pattern:
      /^\s*(?:photo|picture|image|file photo|video)\s*(?:credit)?\s*:|\((?:AP|AFP|Reuters|Getty|EPA)[^)]*(?:photo|images?)[^)]*\)|\b(?:AP|AFP|Reuters|Getty|EPA) Photo\b/i,
    mustHave: /photo|picture|image|video/i,
  },
];

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** A full date with a year, in the shapes page headers and sidebars use ("Dec 17, 2015", "25 July 2016"). */
export const FULL_DATE = new RegExp(
  `${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\b\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
);

/** A sidebar entry for another post: "Some headline - November 6, 2020". */
export const LISTING_ENTRY = new RegExp(`^.{3,200}\\s[-–—|]\\s+(?:${FULL_DATE.source})\\s*$`);
