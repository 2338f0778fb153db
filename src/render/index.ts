import type { Answer } from '../answer/types.ts';
import { renderJson } from './json.ts';
import { type TerminalStyle, renderTerminal } from './terminal.ts';

/** An answer for the command line: one line of JSON, or text for a person in the given style. */
export const renderForCli = (answer: Answer, options: { json: boolean; style: TerminalStyle }): string =>
  options.json ? renderJson(answer) : renderTerminal(answer, options.style);
