import type { Answer } from '../answer/types.ts';
import type { LoadedCorpus } from '../index/cache.ts';

/** Kinds of option value. A `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked before the command runs. */
export type OptionType = 'string' | 'date';

export interface OptionDefinition {
  readonly name: string;
  readonly type: OptionType;
  /** Shown in /help and in Discord's option picker (at most 100 characters there). */
  readonly description: string;
  readonly required?: boolean;
  /** What Discord's autocomplete offers for this option, where it helps. */
  readonly autocomplete?: 'outlet' | 'speaker' | 'topic';
}

export interface CommandContext {
  readonly corpus: LoadedCorpus;
  readonly commands: readonly CommandDefinition[];
}

/** Option values as given, by option name; required ones are present and dates are valid when `run` is called. */
export type OptionValues = Readonly<Record<string, string | undefined>>;

/**
 * One slash command: its definition (shared by the terminal, the harness and Discord) and a handler that
 * returns plain data. Handlers throw `UsageError` for a user's mistake; anything else is a bug.
 */
export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  /** A real example of use, shown in /help. */
  readonly example: string;
  readonly options: readonly OptionDefinition[];
  run(ctx: CommandContext, options: OptionValues): Answer;
}

export const defineCommand = (command: CommandDefinition): CommandDefinition => command;

/** "/search <query> [outlet:<outlet>] [from:<date>]": the usage line of a command. */
export function usageOf(command: CommandDefinition): string {
  const parts = command.options.map((o, i) =>
    i === 0 && o.required
      ? `<${o.name}>`
      : o.required
        ? `${o.name}:<${o.type === 'date' ? 'date' : o.name}>`
        : `[${o.name}:<${o.type === 'date' ? 'date' : o.name}>]`,
  );
  return [`/${command.name}`, ...parts].join(' ');
}
