import * as chrono from 'chrono-node';
import { type Block, segment } from './clean.ts';
import { findQuotes } from '../nlp/quotes/index.ts';
import { type DatableBlock, findEvents } from './events.ts';
import { FULL_DATE } from './clutterRules.ts';
import { type FrontMatter, splitFrontMatter } from './frontMatter.ts';
import { splitSentences } from '../nlp/sentences.ts';
import { cleanSpan } from '../nlp/text.ts';
import type { Article, ArticleMeta, Paragraph } from '../model/index.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Reads the date (and time, where given) of a dateline such as "Wed Dec 16, 2015 09:34:26". */
export function datelineToIso(text: string): string | null {
  // Page dumps glue a city to the date ("ISTANBULDec 17, 2015"); chrono needs the space back.
  const spaced = text.replace(/(\p{Lu}{2,})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z.\s])/u, '$1 ');
  const found = chrono.parse(spaced, undefined, { forwardDate: false })[0];
  if (!found?.start.isCertain('year') || !found.start.isCertain('day')) return null;
  const s = found.start;
  // Four digits: a year before 1000 as 0999, so that dates compare as text.
  const date = `${String(s.get('year')).padStart(4, '0')}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`;
  if (!s.isCertain('hour')) return date;
  const time = `${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}:${pad(s.get('second') ?? 0)}`;
  const offset = s.get('timezoneOffset');
  if (!s.isCertain('timezoneOffset') || offset === null) return `${date}T${time}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "Global Research, July 26, 2016" names its outlet before the date; "ISTANBUL Dec 17" names a city. */
function outletOfDateline(text: string): string | null {
  const m = FULL_DATE.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).replace(/[\s,–—-]+$/, '');
  if (/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$/.test(before)) return null;
  if (!/^(?:[\p{Lu}][\p{Ll}]+|The|of|and)(?:\s(?:[\p{Lu}][\p{Ll}]+|of|and))*$/u.test(before)) return null;
  return before.split(/\s+/).length <= 5 ? before : null;
}

function inferMeta(fm: FrontMatter | null, blocks: Block[], file: string): ArticleMeta {
  const meta: ArticleMeta = {
    title: fm?.title ?? null,
    outlet: fm?.outlet ?? null,
    outletUrl: fm?.outlet_url ?? null,
    url: fm?.url ?? null,
    published: fm?.published ?? null,
    author: fm?.author ?? null,
    provenance: {},
  };
  for (const key of ['title', 'outlet', 'published', 'author'] as const) {
    if (meta[key] !== null) meta.provenance[key] = 'front matter';
  }
  const where = (b: Block): string => `${file}: "${b.text.slice(0, 60)}"`;
  const title = blocks.find((b) => b.role === 'title');
  if (meta.title === null && title) {
    meta.title = title.text;
    meta.provenance.title = where(title);
  }
  const byline = blocks.find((b) => b.role === 'byline');
  if (meta.author === null && byline) {
    meta.author = byline.text.replace(/^by\s+/i, '');
    meta.provenance.author = where(byline);
  }
  // Datelines count only before the body: a date further down is another post's, in a sidebar.
  const firstBody = blocks.findIndex((x) => x.role === 'body');
  for (const b of blocks.filter((x, i) => x.role === 'dateline' && (firstBody < 0 || i < firstBody))) {
    if (meta.published === null) {
      const iso = datelineToIso(b.text);
      if (iso) {
        meta.published = iso;
        meta.provenance.published = where(b);
      }
    }
    if (meta.outlet === null) {
      const outlet = outletOfDateline(b.text);
      if (outlet) {
        meta.outlet = outlet;
        meta.provenance.outlet = where(b);
      }
    }
  }
  return meta;
}

/**
 * Turns one corpus file into an article: metadata from front matter (or inferred from the text), the body
 * split into paragraphs and sentences with their offsets into the file, and every block set aside with the
 * rule that set it aside. Throws `FrontMatterError` for a broken front-matter block.
 */
export function ingestArticle(id: string, file: string, raw: string): Article {
  const { frontMatter, bodyStart } = splitFrontMatter(raw);
  const blocks = segment(raw, bodyStart, frontMatter?.title ?? null);
  const meta = inferMeta(frontMatter, blocks, file);
  const paragraphs: Paragraph[] = [];
  const setAside: Article['setAside'] = [];
  const datable: DatableBlock[] = [];
  for (const b of blocks) {
    if (b.role === 'body') {
      const mapped = cleanSpan(raw, b);
      const sentences = splitSentences(mapped);
      datable.push({ paragraph: paragraphs.length, mapped, sentences });
      paragraphs.push({ index: paragraphs.length, start: b.start, end: b.end, text: mapped.text, sentences });
    } else {
      setAside.push({ start: b.start, end: b.end, role: b.role, rule: b.rule, text: b.text });
      if (b.role === 'caption') {
        const mapped = cleanSpan(raw, b);
        datable.push({ paragraph: null, mapped, sentences: splitSentences(mapped) });
      }
    }
  }
  const quotes = findQuotes(paragraphs, meta.author, meta.title).map((q) => ({ ...q, article: id }));
  // Captions are dated too: a caption's full date may be the only anchor an undated article has.
  const events = findEvents(datable, meta.published, quotes);
  return { id, file, meta, paragraphs, setAside, quotes, events };
}
