import { type CommandDefinition, leadingRequired, optionsOf } from '../../commands/define.ts';

export interface ParsedLine {
  name: string;
  options: Record<string, string>;
}

export class ParseError extends Error {
  override name = 'ParseError';
}

const unquote = (s: string): string => {
  const t = s.trim();
  const m = /^(["“'])(.*)(["”'])$/s.exec(t);
  return m ? (m[2] as string).trim() : t;
};

/** The command name of a line: "/who-said regime change" → "who-said"; null when the line is not a command. */
export function commandNameOf(line: string): string | null {
  const m = /^\s*\/([^\s]*)/.exec(line);
  return m ? (m[1] as string).toLowerCase() : null;
}

/**
 * Reads a command line as a user types it in Discord: `/search regime change outlet:Daily Sabah from:2015-12`.
 * Only the command's own option names followed by a colon start an option, so "time: 10" in a query stays
 * query text. Text before the first option is the first option (the query), unless it is given by name.
 */
export function parseCommandLine(line: string, command: CommandDefinition): ParsedLine {
  const rest = line.replace(/^\s*\/\S*/, '');
  const names = optionsOf(command).map((o) => o.name);
  const options: Record<string, string> = {};
  if (names.length === 0) {
    if (rest.trim() !== '') throw new ParseError(`/${command.name} takes no options; got "${rest.trim()}"`);
    return { name: command.name, options };
  }
  const pattern = new RegExp(`(^|\\s)(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')}):`, 'gi');
  const marks = [...rest.matchAll(pattern)].map((m) => ({
    name: (m[2] as string).toLowerCase(),
    at: m.index + (m[1] as string).length,
    valueAt: m.index + m[0].length,
  }));
  const head = rest.slice(0, marks[0]?.at ?? rest.length).trim();
  marks.forEach((m, i) => {
    // The query keeps its quotes: they mark a phrase. Other values may be quoted for readability.
    const text = rest.slice(m.valueAt, marks[i + 1]?.at ?? rest.length);
    const value = m.name === names[0] ? text.trim() : unquote(text);
    if (m.name in options) throw new ParseError(`option ${m.name}: is given twice`);
    options[m.name] = value;
  });
  if (head !== '' && command.options.length === 0) throw new ParseError(`/${command.name} takes no words, only page:<n>; got "${head}"`);
  if (head !== '') {
    const first = names[0] as string;
    if (first in options) throw new ParseError(`${first} is given twice: "${head}" and ${first}:"${options[first]}"`);
    // Required options after the first may be typed without their names, in order: "/context 004_x 3".
    const unnamed = names.slice(1, leadingRequired(command)).filter((n) => !(n in options));
    const words = head.split(/\s+/);
    if (unnamed.length > 0 && words.length > unnamed.length) {
      unnamed.forEach((n, i) => {
        options[n] = words[words.length - unnamed.length + i] as string;
      });
      options[first] = words.slice(0, words.length - unnamed.length).join(' ');
    } else options[first] = head;
  }
  return { name: command.name, options };
}
