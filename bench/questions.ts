/**
 * The questions the benchmark asks each command that answers from the index: the drawn topics for the commands
 * that take one, people of the corpus's own registry for /quotes, paragraphs of its own articles for /context,
 * and the listing commands as they are. Deterministic for a corpus and seed.
 */
import type { LoadedCorpus } from '../src/index/loadedCorpus.ts';
import type { Topic } from './queries.ts';
import { rng } from './synthetic.ts';

/** How many /quotes and /context questions are asked. */
const SAMPLED = 200;

/** Command lines by command name. */
export function questions(corpus: LoadedCorpus, topics: readonly Topic[], seed: number): Record<string, string[]> {
  const random = rng(seed);
  const people = corpus.quotes.speakers.filter((s) => s.kind === 'person' && s.quoteCount > 0);
  const articles = corpus.articles.filter((a) => a.paragraphs.length > 0);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const about = (name: string): string[] => topics.map((t) => `/${name} ${t.text}`);
  return {
    search: about('search'),
    'who-said': about('who-said'),
    when: about('when'),
    timeline: about('timeline'),
    quotes: Array.from({ length: people.length === 0 ? 0 : SAMPLED }, (_, i) => {
      const name = pick(people).name;
      // Half by the whole name, half by the surname alone (as a user types it).
      return `/quotes ${i % 2 === 0 ? name : (name.split(' ').pop() as string)}`;
    }),
    context: Array.from({ length: articles.length === 0 ? 0 : SAMPLED }, () => {
      const a = pick(articles);
      return `/context ${a.id} ${1 + Math.floor(random() * a.paragraphs.length)}`;
    }),
    speakers: ['/speakers', '/speakers page:2'],
    sources: ['/sources', '/sources page:2'],
  };
}
