/**
 * How a command is defined: a plain definition (`as const satisfies CommandDefinition`, shared by the
 * terminal, the harness and Discord) and a run of a few lines that calls `src/answer/`. A run's argument
 * types come from its definition (`ArgsOf<typeof Search>`), as yuudachi's `ArgsParam` does, so a required
 * option is a `string` and an optional one `string | undefined`: no `options.topic ?? ''` reads.
 */
import type { Answer } from '../src/answer/types.ts';
import type { AutocompleteKind } from '../src/answer/autocomplete.ts';
import type { LoadedCorpus } from '../src/index/loadedCorpus.ts';
import type { CorpusStatus } from '../src/index/live.ts';

/**
 * Kinds of option value, checked before the command runs: a `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, an
 * `integer` a whole number from 1 (a page, a paragraph).
 */
export type OptionType = 'string' | 'date' | 'integer';

export interface OptionDefinition {
  readonly name: string;
  readonly type: OptionType;
  /** Shown in /help and in Discord's option picker (at most 100 characters there). */
  readonly description: string;
  readonly required?: boolean;
  /** What Discord's autocomplete offers for this option, where it helps (`outlets`: the last of a comma-separated list). */
  readonly autocomplete?: AutocompleteKind;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  /** A real example of use, shown in /help. */
  readonly example: string;
  readonly options: readonly OptionDefinition[];
  /**
   * How many results a page of the answer shows at the command line (Discord shows fewer); a command that has
   * it takes the `page:` option. Without it, the answer is one page.
   */
  readonly pageSize?: number;
}

/** The option every paged command takes: which page of the answer to show. */
export const PAGE_OPTION = {
  name: 'page',
  type: 'integer',
  description: 'Which page of the answer to show (1 is the first)',
} as const satisfies OptionDefinition;

/** A command's options as typed: its own, then `page` when it is paged. */
export const optionsOf = (command: CommandDefinition): readonly OptionDefinition[] =>
  command.pageSize === undefined ? command.options : [...command.options, PAGE_OPTION];

/** A command's option values by name, typed from its definition: required ones are strings. */
export type ArgsOf<C extends CommandDefinition> = {
  readonly [O in C['options'][number] as O['name']]: O extends { readonly required: true } ? string : string | undefined;
};

export interface CommandContext {
  readonly corpus: LoadedCorpus;
  /** Every command, for /help. */
  readonly commands: CommandRegistry;
  /** Where the corpus stands (its last update, files that failed), where it is live; /corpus status reads it. */
  readonly status?: () => CorpusStatus;
}

/**
 * One slash command: its definition and a handler that returns plain data. Handlers throw `UsageError`
 * for a user's mistake; anything else is a bug. The router checks required options and dates before `run`.
 * `limit` is how many results from the top the caller will show (the pages up to the one asked for, or
 * every one): the run builds at least those, and says in `total` how many there are; the router cuts the page.
 */
export interface Command<C extends CommandDefinition = CommandDefinition> {
  readonly definition: C;
  run(ctx: CommandContext, args: ArgsOf<C>, limit: number): Answer;
}

/** Every command by name, in the order /help lists them. */
export type CommandRegistry = ReadonlyMap<string, Command>;

/** A command from its definition and its run; the run's arguments are typed from the definition. */
export const defineCommand = <const C extends CommandDefinition>(
  definition: C,
  run: (ctx: CommandContext, args: ArgsOf<C>, limit: number) => Answer,
): Command => ({ definition, run }) as unknown as Command;

/** The registry of the given commands; a name given twice is a bug of the code, found at start-up. */
export function registryOf(commands: readonly Command[]): CommandRegistry {
  const map = new Map<string, Command>();
  for (const c of commands) {
    if (map.has(c.definition.name)) throw new Error(`Quotedesk: command /${c.definition.name} is defined twice`);
    map.set(c.definition.name, c);
  }
  return map;
}

/** How many options at the head of a command are required: they can be typed without their names, in order. */
export const leadingRequired = (command: CommandDefinition): number => {
  const i = command.options.findIndex((o) => !o.required);
  return i === -1 ? command.options.length : i;
};

/** "/search <query> [outlet:<outlet>] [from:<date>]": the usage line of a command (paging is told once, in /help). */
export function usageOf(command: CommandDefinition): string {
  const lead = leadingRequired(command);
  const parts = command.options.map((o, i) =>
    i < lead
      ? `<${o.name}>`
      : o.required
        ? `${o.name}:<${o.type === 'date' ? 'date' : o.name}>`
        : `[${o.name}:<${o.type === 'date' ? 'date' : o.name}>]`,
  );
  return [`/${command.name}`, ...parts].join(' ');
}
