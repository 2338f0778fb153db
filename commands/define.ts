/**
 * How a command is defined: a plain definition (`as const satisfies CommandDefinition`, shared by the
 * terminal, the harness and Discord) and a run of a few lines that calls `src/answer/`. A run's argument
 * types come from its definition (`ArgsOf<typeof Search>`), as yuudachi's `ArgsParam` does, so a required
 * option is a `string` and an optional one `string | undefined`: no `options.topic ?? ''` reads.
 */
import type { Answer } from '../src/answer/types.ts';
import type { LoadedCorpus } from '../src/index/loadedCorpus.ts';

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

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  /** A real example of use, shown in /help. */
  readonly example: string;
  readonly options: readonly OptionDefinition[];
}

/** A command's option values by name, typed from its definition: required ones are strings. */
export type ArgsOf<C extends CommandDefinition> = {
  readonly [O in C['options'][number] as O['name']]: O extends { readonly required: true } ? string : string | undefined;
};

export interface CommandContext {
  readonly corpus: LoadedCorpus;
  /** Every command, for /help. */
  readonly commands: CommandRegistry;
}

/**
 * One slash command: its definition and a handler that returns plain data. Handlers throw `UsageError`
 * for a user's mistake; anything else is a bug. The router checks required options and dates before `run`.
 */
export interface Command<C extends CommandDefinition = CommandDefinition> {
  readonly definition: C;
  run(ctx: CommandContext, args: ArgsOf<C>): Answer;
}

/** Every command by name, in the order /help lists them. */
export type CommandRegistry = ReadonlyMap<string, Command>;

/** A command from its definition and its run; the run's arguments are typed from the definition. */
export const defineCommand = <const C extends CommandDefinition>(
  definition: C,
  run: (ctx: CommandContext, args: ArgsOf<C>) => Answer,
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
