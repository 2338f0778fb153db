import { articleFilter } from '../src/answer/filters.ts';
import { articlesOf, quoteResult } from '../src/answer/quotes.ts';
import type { Answer } from '../src/answer/types.ts';
import { UsageError } from '../src/answer/types.ts';
import { defineCommand } from '../src/router/command.ts';

/** Speaker keys in the order `localeCompare` gives them (a collator is that, made once). */
const byKey = new Intl.Collator().compare;

/** How many quotes one answer lists. */
export const WHO_SAID_LIMIT = 10;

export default defineCommand({
  name: 'who-said',
  description: 'Who is quoted on a topic: the quote, the speaker and role, and every outlet that carries it.',
  example: '/who-said regime change',
  options: [
    {
      name: 'topic',
      type: 'string',
      required: true,
      description: 'What the quote is about; put a phrase in "quotes"',
      autocomplete: 'topic',
    },
    { name: 'speaker', type: 'string', description: 'Only quotes of this person (any name the corpus uses)', autocomplete: 'speaker' },
    { name: 'outlet', type: 'string', description: 'Only quotes carried by this outlet', autocomplete: 'outlet' },
  ],
  run({ corpus }, options): Answer {
    const topic = options.topic ?? '';
    let speakerIds: Set<string> | null = null;
    if (options.speaker !== undefined) {
      const found = corpus.quotes.findSpeakers(options.speaker);
      if (found.length === 0) throw new UsageError(`no speaker in the corpus is called "${options.speaker}"; /speakers lists them`);
      speakerIds = new Set(found.map((s) => s.id));
    }
    const filter = articleFilter(corpus, { outlet: options.outlet });
    const { hits, corrections, unknown } = corpus.quotes.query(topic, corpus.index);
    // A quote carried by more outlets, and a direct one, is stronger evidence of who said what.
    const weight = { direct: 1, mixed: 0.9, indirect: 0.8 } as const;
    for (const h of hits) h.score *= weight[h.group.kind] * (1 + 0.5 * Math.log2(corpus.quotes.articleCount(h.group)));
    // Grouped by speaker: speakers in the order of their best quote, each speaker's quotes best first. The key
    // and the speaker's best score are worked out once per quote, not at every comparison of the sort.
    const kept = hits
      .filter(
        ({ group }) =>
          (speakerIds === null || group.speakers.some((id) => speakerIds?.has(id))) &&
          (!filter.active || articlesOf(corpus, group).some((article) => filter.accept(article))),
      )
      .map((h) => ({ ...h, key: h.group.speakers.join('+') || `(${h.group.status})`, best: 0 }));
    const best = new Map<string, number>();
    for (const { key, score } of kept) best.set(key, Math.max(best.get(key) ?? 0, score));
    for (const h of kept) h.best = best.get(h.key) ?? 0;
    kept.sort((a, b) => b.best - a.best || byKey(a.key, b.key) || b.score - a.score);
    const notes: string[] = [];
    if (corrections.length > 0) notes.push(`read ${corrections.map(([typed, read]) => `"${typed}" as "${read}"`).join(', ')}`);
    if (unknown.length > 0) notes.push(`not in the corpus: ${unknown.map((w) => `"${w}"`).join(', ')}`);
    if (kept.length === 0)
      notes.unshift(`no quote in the corpus matches ${JSON.stringify(topic)}${options.speaker ? ` for ${options.speaker}` : ''}`);
    return {
      command: 'who-said',
      query: topic,
      total: kept.length,
      results: kept.slice(0, WHO_SAID_LIMIT).map(({ group, score }) => quoteResult(corpus, group, score)),
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
});
