import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LIMITS } from './limits.ts';

/**
 * The state of a Previous / Next button, kept in the button's custom id so that paging survives a restart:
 * the command and its option values as given (not a line to parse again, so a value holding "to:" stays a
 * value), and the page. Who may turn the page is read from the message the button is on, not stored here.
 * Values are kept by position in the command's options, which is short enough for most questions in
 * Discord's 100 characters; a longer one is compressed; one too long even then cannot be paged.
 */
export interface PageState {
  command: string;
  values: Record<string, string>;
  page: number;
}

/** The option names of a command, in order; undefined for a command that does not exist. */
export type OptionNames = (command: string) => readonly string[] | undefined;

const PREFIX = 'qd2';
/** Between values: a character no one types in a query. */
const SEP = '\u241f';

export function encodePageState(state: PageState, optionNames: OptionNames): string | null {
  const names = optionNames(state.command);
  if (!names || Object.values(state.values).some((v) => v.includes(SEP))) return null;
  const positional = names.map((n) => state.values[n] ?? '');
  while (positional.length > 0 && positional[positional.length - 1] === '') positional.pop();
  const body = [state.command, ...positional].join(SEP);
  const plain = `${PREFIX}|${state.page}|p${body}`;
  if (plain.length <= LIMITS.customId) return plain;
  const packed = `${PREFIX}|${state.page}|z${deflateRawSync(Buffer.from(body, 'utf8')).toString('base64url')}`;
  return packed.length <= LIMITS.customId ? packed : null;
}

/** A Context button's id: the paragraph to show with the ones around it. */
const CONTEXT_ID = /^qdc\|(\d{1,6})\|(.+)$/s;

/**
 * The custom id of a Context button: the article and paragraph it opens, which is all it needs (anyone may
 * press it: the answer is private to them). Null when the article id is too long for Discord's 100 characters.
 */
export function encodeContextId(article: string, paragraph: number): string | null {
  const id = `qdc|${paragraph}|${article}`;
  return id.length <= LIMITS.customId ? id : null;
}

/** The article and paragraph of a Context button's id, or null when it is not one. */
export function decodeContextId(customId: string): { article: string; paragraph: number } | null {
  const m = CONTEXT_ID.exec(customId);
  return m ? { article: m[2] as string, paragraph: Number(m[1]) } : null;
}

/** The state in a custom id, or null when it is not one of ours or cannot be read. */
export function decodePageState(customId: string, optionNames: OptionNames): PageState | null {
  const m = /^qd2\|(\d{1,4})\|([pz])(.+)$/s.exec(customId);
  if (!m) return null;
  let body: string;
  try {
    body = m[2] === 'p' ? (m[3] as string) : inflateRawSync(Buffer.from(m[3] as string, 'base64url')).toString('utf8');
  } catch {
    return null;
  }
  const [command, ...positional] = body.split(SEP);
  const names = command === undefined ? undefined : optionNames(command);
  if (!names || positional.length > names.length) return null;
  const values: Record<string, string> = {};
  positional.forEach((v, i) => {
    if (v !== '') values[names[i] as string] = v;
  });
  return { command: command as string, values, page: Number(m[1]) };
}
