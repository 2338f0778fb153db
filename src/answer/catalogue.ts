import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { paragraphCountOf } from '../index/articleStore.ts';
import { citationOf } from './citation.ts';
import { withNotes } from './notes.ts';
import type { Answer } from './types.ts';

/** `/speakers`: the speaker registry, the most quoted first. */
export function speakers(corpus: LoadedCorpus): Answer {
  const list = [...corpus.quotes.speakers].sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
  return {
    command: 'speakers',
    query: '',
    total: list.length,
    results: list.map((s) => ({
      text: s.description ? `${s.name}: ${s.description}` : s.name,
      details: { quotes: s.quoteCount, aliases: s.aliases.join('; '), kind: s.kind },
      citations: [],
    })),
  };
}

/**
 * `/sources`: every article with its outlet, title, date and link, and the files that did not load. Only the
 * first `limit` articles are made results (the pages the caller shows): a citation per article of a corpus of
 * 100,000 articles cost a quarter of a second, for a page of 50.
 */
export function sources(corpus: LoadedCorpus, limit = Number.POSITIVE_INFINITY): Answer {
  const notes = corpus.warnings.map((w) => `not loaded: ${w.file}: ${w.reason}`);
  return {
    command: 'sources',
    query: '',
    total: corpus.articles.length,
    results: corpus.articles.slice(0, limit).map((a) => ({
      text: `${a.meta.outlet ?? 'unknown outlet'}: ${a.meta.title ?? 'untitled'}`,
      details: { paragraphs: paragraphCountOf(a), published: a.meta.published ?? 'unknown', author: a.meta.author ?? 'unknown' },
      citations: [citationOf(a)],
    })),
    ...withNotes(notes),
  };
}

/** `/help`: each command's usage line, what it does and an example. */
export function help(entries: ReadonlyArray<{ usage: string; description: string; example: string }>): Answer {
  return {
    command: 'help',
    query: '',
    results: entries.map((c) => ({ text: `${c.usage}: ${c.description}`, details: { example: c.example }, citations: [] })),
    notes: [
      'Options are written name:value, e.g. outlet:Daily Sabah. Every answer cites the paragraph it comes from.',
      'Long answers come in pages: add page:2 for the second (at the command line also --page 2, and --all for every result; in Discord, the Previous and Next buttons).',
      '/context <article> <paragraph> shows a cited paragraph whole with the ones before and after it (in Discord, the Context button of a result).',
      '/timeline comes with a picture of its events on a date axis, coloured by outlet (in Discord attached; at the command line, --png FILE writes it).',
      'In Discord, a message\'s Apps menu has "Check in corpus": it runs /verify on each quote in the message (and the speaker it names), and only you see the answer.',
    ],
  };
}
