import { corpusStatus, statusOfLoaded } from '../src/answer/corpusStatus.ts';
import { UsageError } from '../src/answer/types.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

/**
 * `/corpus status` everywhere; `/corpus add` and `/corpus remove` change the corpus folder and are Discord's
 * only (for members with Manage Server: src/discord/corpusCommand.ts), so the terminal answers them with where to go.
 */
export const Corpus = {
  name: 'corpus',
  description: 'Where the corpus stands: articles, paragraphs, last update, files that failed. In Discord, add and remove articles.',
  example: '/corpus status',
  options: [
    {
      name: 'action',
      type: 'string',
      required: true,
      description: 'status (add and remove are Discord subcommands, for members with Manage Server)',
    },
  ],
} as const satisfies CommandDefinition;

export default defineCommand(Corpus, ({ corpus, status }, { action }) => {
  const a = action.trim().toLowerCase();
  if (a === 'add' || a === 'remove')
    throw new UsageError(
      `/corpus ${a} works in Discord, for members with Manage Server; here, drop the file into (or delete it from) ${corpus.dir}`,
    );
  if (a !== 'status') throw new UsageError(`/corpus ${action}: the action is status (add and remove are in Discord)`);
  return corpusStatus(status?.() ?? statusOfLoaded(corpus, 'at load (the corpus is not live here)'));
});
