import { articlesOf, quoteResult } from '../src/answer/quotes.ts';
import type { Answer } from '../src/answer/types.ts';
import { UsageError } from '../src/answer/types.ts';
import { defineCommand } from '../src/router/command.ts';

/** How many quotes one answer lists (the oldest); a speaker quoted more is narrowed with /who-said. */
export const QUOTES_LIMIT = 50;

export default defineCommand({
  name: 'quotes',
  description: 'Everything one person is quoted saying, oldest first.',
  example: '/quotes sergei',
  options: [
    {
      name: 'speaker',
      type: 'string',
      required: true,
      description: 'The person: any name the corpus uses ("Kerry", "Sergei Lavrov")',
      autocomplete: 'speaker',
    },
  ],
  run({ corpus }, options): Answer {
    const name = options.speaker ?? '';
    const found = corpus.quotes.findSpeakers(name);
    if (found.length === 0) throw new UsageError(`no speaker in the corpus is called "${name}"; /speakers lists them`);
    const withQuotes = found.filter((s) => s.quoteCount > 0);
    if (withQuotes.length > 1) {
      throw new UsageError(`"${name}" could be ${withQuotes.map((s) => s.name).join(' or ')}; give more of the name`);
    }
    const speaker = withQuotes[0] ?? (found[0] as (typeof found)[number]);
    const groups = corpus.quotes.groups.filter((g) => g.speakers.includes(speaker.id));
    // Oldest first by the earliest article carrying each quote; undated articles last, in corpus order.
    const when = (g: (typeof groups)[number]): string => articlesOf(corpus, g)[0]?.meta.published?.slice(0, 10) ?? '9999';
    groups.sort((a, b) => when(a).localeCompare(when(b)) || a.refs[0]!.article - b.refs[0]!.article || a.refs[0]!.quote - b.refs[0]!.quote);
    const notes = [
      `${speaker.name}${speaker.description ? ` (${speaker.description})` : ''}: ${groups.length} quote${groups.length === 1 ? '' : 's'}`,
    ];
    if (groups.length > QUOTES_LIMIT)
      notes.push(`showing the oldest ${QUOTES_LIMIT}; /who-said TOPIC speaker:${speaker.name} finds the rest by topic`);
    // Only the quotes listed are read from the index file.
    const results = groups.slice(0, QUOTES_LIMIT).map((g) => quoteResult(corpus, g));
    return { command: 'quotes', query: name, total: groups.length, results, notes };
  },
});
