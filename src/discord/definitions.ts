import type { CommandDefinition, OptionDefinition } from '../router/command.ts';
import { LIMITS } from './limits.ts';

/** Discord's option types used here: 3 is a string, 5 a boolean. */
const STRING = 3;
const BOOLEAN = 5;

/** Installed to servers (0) and to users (1); usable in servers (0), DMs with the bot (1) and group DMs (2). */
export const INTEGRATION_TYPES = [0, 1] as const;
export const CONTEXTS = [0, 1, 2] as const;

export interface DiscordOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
}

export interface DiscordCommand {
  type: 1;
  name: string;
  description: string;
  options: DiscordOption[];
  integration_types: readonly number[];
  contexts: readonly number[];
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function option(o: OptionDefinition): DiscordOption {
  return {
    type: STRING,
    name: o.name,
    description: clip(o.description, LIMITS.optionDescription),
    ...(o.required ? { required: true } : {}),
    ...(o.autocomplete ? { autocomplete: true } : {}),
  };
}

/** The option every command has in Discord: answer only to the one who asked. */
export const HIDE_OPTION: DiscordOption = { type: BOOLEAN, name: 'hide', description: 'Show the answer only to you' };

/** A command's definition as Discord's API takes it (required options first, as Discord requires). */
export function toDiscordCommand(command: CommandDefinition): DiscordCommand {
  const options = [...command.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false)).map(option);
  return {
    type: 1,
    name: command.name,
    description: clip(command.description, LIMITS.commandDescription),
    options: [...options, HIDE_OPTION],
    integration_types: INTEGRATION_TYPES,
    contexts: CONTEXTS,
  };
}
