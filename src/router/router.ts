import type { Answer } from '../answer/types.ts';
import { UsageError } from '../answer/types.ts';
import { levenshteinDistance } from '../nlp/natural.ts';
import {
  type Command,
  type CommandContext,
  type CommandDefinition,
  type CommandRegistry,
  optionsOf,
  PAGE_OPTION,
  usageOf,
} from '../../commands/define.ts';
import { parseDateOption } from '../answer/dates.ts';
import { commandNameOf, ParseError, parseCommandLine } from './parse.ts';

/** The longest query a command takes, in characters. */
export const MAX_QUERY_CHARS = 500;

/** Where a bug is reported: the terminal prints to stderr, the bot logs through pino. */
export type BugReporter = (error: unknown, context: { command: string; query: string }) => void;

const errorAnswer = (command: string, query: string, message: string, kind: 'usage' | 'internal'): Answer => ({
  command,
  query,
  results: [],
  error: { message, kind },
});

/** The closest command names to a mistyped one ("/serch" → "search"). */
export function suggestCommands(name: string, commands: CommandRegistry): string[] {
  return [...commands.keys()]
    .map((known) => ({ name: known, d: levenshteinDistance(name, known) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(name.length / 3)) || (name.length >= 3 && c.name.startsWith(name)))
    .sort((a, b) => a.d - b.d)
    .map((c) => c.name);
}

/** Checks option values against the command's definition; returns the usage error message, if any. */
function validate(command: CommandDefinition, options: Record<string, string>): string | null {
  for (const def of optionsOf(command)) {
    const value = options[def.name];
    if (value === undefined || value.trim() === '') {
      if (def.required) return `${def.name} is missing. Usage: ${usageOf(command)}`;
      if (value !== undefined) return `${def.name}: is empty; give a value or leave the option out. Usage: ${usageOf(command)}`;
      continue;
    }
    if (value.length > MAX_QUERY_CHARS) return `${def.name} is too long (${value.length} characters; at most ${MAX_QUERY_CHARS})`;
    if (def.type === 'date' && parseDateOption(value) === null) {
      return `${def.name}: "${value}" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY`;
    }
    if (def.type === 'integer' && wholeNumber(value) === null) return `${def.name}: "${value}" is not a whole number from 1`;
  }
  const known = new Set(optionsOf(command).map((o) => o.name));
  const unknown = Object.keys(options).filter((k) => !known.has(k));
  if (unknown.length > 0) return `/${command.name} has no option ${unknown.join(', ')}. Usage: ${usageOf(command)}`;
  return null;
}

/** A whole number from 1 ("3", " 12 "), or null. */
export const wholeNumber = (value: string): number | null => {
  const t = value.trim();
  return /^\d{1,9}$/.test(t) && Number(t) >= 1 ? Number(t) : null;
};

/**
 * Which part of an answer to show: a page (1 is the first) of `size` results (the command's own page size
 * unless given: Discord's pages are smaller), or every result. A `page:` option in the line is the page too.
 */
export interface Paging {
  page?: number;
  size?: number;
  all?: boolean;
}

/**
 * One page of an answer, with where it stands (`page`, `pages`, `perPage`); every result with `all`. A page
 * past the last is the user's mistake, said plainly.
 */
function pageOf(answer: Answer, page: number, size: number, all: boolean): Answer {
  if (all || answer.error) return answer;
  if (size === Number.POSITIVE_INFINITY) {
    if (page > 1) throw new UsageError(`/${answer.command} answers in one page: leave out the page`);
    return answer;
  }
  const total = answer.total ?? answer.results.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const results = answer.results.slice((page - 1) * size, page * size);
  if (page > pages || (page > 1 && results.length === 0)) {
    const what =
      total === 0
        ? 'there are no results'
        : `${total} result${total === 1 ? '' : 's'} make${total === 1 ? 's' : ''} ${pages} page${pages === 1 ? '' : 's'} of ${size}`;
    throw new UsageError(`page ${page} is past the last page: ${what}`);
  }
  return { ...answer, results, page, pages, perPage: size };
}

/**
 * Runs a command by name with its option values: the one path from any entry point (terminal, harness,
 * Discord) to a command. A user's mistake becomes an answer with a `usage` error; anything else thrown is a
 * bug, reported through `reportBug` and answered with a generic `internal` error.
 */
export function runCommand(
  ctx: CommandContext,
  name: string,
  rawOptions: Record<string, string>,
  reportBug: BugReporter,
  paging: Paging = {},
): Answer {
  const command = ctx.commands.get(name);
  const first = command?.definition.options[0]?.name;
  const query = (first === undefined ? undefined : rawOptions[first]) ?? '';
  if (!command) {
    const close = suggestCommands(name, ctx.commands);
    const hint = close.length > 0 ? `did you mean ${close.map((n) => `/${n}`).join(' or ')}?` : 'type /help for the list of commands';
    return errorAnswer(name, query, `unknown command /${name}: ${hint}`, 'usage');
  }
  const { [PAGE_OPTION.name]: pageOption, ...options } = rawOptions;
  const invalid = validate(command.definition, rawOptions);
  if (invalid) return errorAnswer(name, query, invalid, 'usage');
  if (pageOption !== undefined && paging.page !== undefined)
    return errorAnswer(name, query, 'page is given twice: as page: and as --page', 'usage');
  const page = pageOption === undefined ? (paging.page ?? 1) : (wholeNumber(pageOption) as number);
  const all = paging.all === true;
  if (all && page > 1) return errorAnswer(name, query, '--all gives every result: leave out the page', 'usage');
  const size = paging.size ?? command.definition.pageSize ?? Number.POSITIVE_INFINITY;
  try {
    // Checked above against the definition: required options are present, dates are dates, numbers numbers.
    const answer = command.run(ctx, options as Parameters<Command['run']>[1], all ? Number.POSITIVE_INFINITY : page * size);
    return pageOf(answer, page, size, all);
  } catch (error) {
    if (error instanceof UsageError) return errorAnswer(name, query, error.message, 'usage');
    reportBug(error, { command: name, query });
    return errorAnswer(name, query, 'something went wrong on our side while answering; it has been logged', 'internal');
  }
}

/** Runs one line as typed: `/search regime change outlet:Daily Sabah`. */
export function runLine(ctx: CommandContext, line: string, reportBug: BugReporter, paging: Paging = {}): Answer {
  const trimmed = line.trim();
  const name = commandNameOf(trimmed);
  if (name === null) {
    return errorAnswer('', trimmed, 'a command starts with "/": try /search <words>, or /help', 'usage');
  }
  if (name === '') return errorAnswer('', trimmed, 'a command name follows the "/": try /help', 'usage');
  const command = ctx.commands.get(name);
  if (!command) return runCommand(ctx, name, {}, reportBug);
  try {
    return runCommand(ctx, name, parseCommandLine(trimmed, command.definition).options, reportBug, paging);
  } catch (error) {
    if (error instanceof ParseError) return errorAnswer(name, '', `${error.message}. Usage: ${usageOf(command.definition)}`, 'usage');
    throw error;
  }
}
