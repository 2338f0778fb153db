import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { ALL_DAYS, type DayRange, dateWindow, withinDays } from './dates.ts';
import { foldText } from '../nlp/text.ts';
import { UsageError } from './types.ts';

/** The outlet names of the corpus, each once, in corpus order. */
export function outletNames(corpus: LoadedCorpus): string[] {
  return [...new Set(corpus.articles.map((a) => a.meta.outlet ?? 'unknown outlet'))];
}

/** Articles whose outlet (or id) contains the given name; a UsageError naming the outlets when none does. */
export function outletFilter(corpus: LoadedCorpus, name: string | undefined): ((a: Article) => boolean) | null {
  if (name === undefined) return null;
  const want = foldText(name);
  // Tested on every hit: each outlet name is folded once (a corpus has few outlets and many articles).
  const matches = new Map<string, boolean>();
  const test = (a: Article): boolean => {
    const outlet = a.meta.outlet ?? '';
    let yes = matches.get(outlet);
    if (yes === undefined) {
      yes = foldText(outlet).includes(want);
      matches.set(outlet, yes);
    }
    return yes;
  };
  if (!corpus.articles.some(test)) {
    throw new UsageError(`no outlet matches "${name}"; the outlets are: ${outletNames(corpus).join(', ')}`);
  }
  return test;
}

export interface ArticleFilter {
  accept: (a: Article) => boolean;
  /** False when no filter was asked for: the index then need not test each hit. */
  active: boolean;
  /** Articles the date window left out because they have no date: they might have matched. */
  undated: (a: Article) => boolean;
  window: DayRange | null;
  /** True when an outlet was asked for. */
  byOutlet: boolean;
}

/** The outlet and date filters of a command, as one test of an article. */
export function articleFilter(
  corpus: LoadedCorpus,
  options: { outlet?: string | undefined; from?: string | undefined; to?: string | undefined },
): ArticleFilter {
  const byOutlet = outletFilter(corpus, options.outlet);
  const window = dateWindow(options.from, options.to);
  const inWindow = (a: Article): boolean => {
    if (!window) return true;
    return a.meta.published !== null && withinDays(a.meta.published, window);
  };
  return {
    accept: (a) => (byOutlet ? byOutlet(a) : true) && inWindow(a),
    active: byOutlet !== null || window !== null,
    undated: (a) => window !== null && a.meta.published === null && (byOutlet ? byOutlet(a) : true),
    window,
    byOutlet: byOutlet !== null,
  };
}

/** A window in words: "from 2016-01-01 to 2016-12-31", "on or after 0999-01-01". */
function periodText(window: DayRange): string {
  if (window.from === ALL_DAYS.from) return `on or before ${window.to}`;
  if (window.to === ALL_DAYS.to) return `on or after ${window.from}`;
  return window.from === window.to ? `on ${window.from}` : `from ${window.from} to ${window.to}`;
}

/**
 * When the date filter leaves no article at all, a note saying so and naming the period: the query is not
 * what found nothing. Null when some article is left to search.
 */
export function emptyPeriodNote(corpus: LoadedCorpus, filter: ArticleFilter): string | null {
  if (filter.window === null || corpus.articles.some(filter.accept)) return null;
  return `no article${filter.byOutlet ? ' of that outlet' : ''} was published in that period (${periodText(filter.window)})`;
}

/** A note naming the undated articles a date filter left out, if any. */
export function undatedNote(corpus: LoadedCorpus, filter: ArticleFilter): string | null {
  const left = corpus.articles.filter(filter.undated);
  if (left.length === 0) return null;
  const names = left.map((a) => `${a.meta.outlet ?? 'unknown outlet'} (${a.id})`).join(', ');
  return `left out by the date filter because they have no publication date: ${names}`;
}
