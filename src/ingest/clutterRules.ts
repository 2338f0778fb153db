/**
 * The signals that mark a block of a web page dump as page furniture rather than article text.
 *
 * Each rule names a kind of furniture that news sites share (cookie notices, newsletter boxes, share bars,
 * copyright and fair-use notices, mirror-site notices), not the wording of one site: they are meant to hold
 * for the next article too. A rule's name is reported with every block it sets aside.
 */
export interface ClutterRule {
  name: string;
  pattern: RegExp;
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
  { name: 'read-more link', pattern: /^\s*(?:read more|related|see also|more on this|recommended)\s*:/i },
];

/** A photo caption or credit: "X, left, shakes hands with Y", "(AP Photo/…)", "Photo: …". */
export const CAPTION_RULES: readonly ClutterRule[] = [
  {
    name: 'caption position marker',
    pattern: /,\s(?:left|right|centre|center|second (?:left|right)|top|bottom|front|rear),\s|\((?:L|R|C|left|right|center|centre)\)/,
  },
  {
    name: 'photo credit',
    pattern:
      /^\s*(?:photo|picture|image|file photo|video)\s*(?:credit)?\s*:|\((?:AP|AFP|Reuters|Getty|EPA)[^)]*(?:photo|images?)[^)]*\)|\b(?:AP|AFP|Reuters|Getty|EPA) Photo\b/i,
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
