import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { type CommandDefinition, type OptionDefinition, optionsOf } from '../../commands/define.ts';
import { LIMITS } from './limits.ts';

/** Installed to servers and to users; usable in servers, in DMs with the bot and in group DMs. */
export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
export const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;

export interface DiscordOption {
  type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Boolean | ApplicationCommandOptionType.Integer;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  /** The least an integer option takes. */
  min_value?: number;
}

export interface DiscordCommand {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: DiscordOption[];
  integration_types: readonly ApplicationIntegrationType[];
  contexts: readonly InteractionContextType[];
}

/**
 * A message context-menu command (type 3): no description and no options; Discord shows its name in a message's
 * Apps menu and sends the message it was used on.
 */
export interface DiscordMessageCommand {
  type: ApplicationCommandType.Message;
  name: string;
  integration_types: readonly ApplicationIntegrationType[];
  contexts: readonly InteractionContextType[];
}

/** The message command that checks a message's quotes against the corpus, as /verify does. */
export const CHECK_IN_CORPUS = 'Check in corpus';

/** "Check in corpus" as Discord's API takes it: in server and user installs, in every context. */
export const checkInCorpusCommand = (): DiscordMessageCommand => ({
  type: ApplicationCommandType.Message,
  name: CHECK_IN_CORPUS,
  integration_types: INTEGRATION_TYPES,
  contexts: CONTEXTS,
});

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function option(o: OptionDefinition): DiscordOption {
  return {
    ...(o.type === 'integer'
      ? { type: ApplicationCommandOptionType.Integer, min_value: 1 }
      : { type: ApplicationCommandOptionType.String }),
    name: o.name,
    description: clip(o.description, LIMITS.optionDescription),
    ...(o.required ? { required: true } : {}),
    ...(o.autocomplete ? { autocomplete: true } : {}),
  };
}

/** The option every command has in Discord: answer only to the one who asked. */
export const HIDE_OPTION: DiscordOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Show the answer only to you',
};

/** A command's definition as Discord's API takes it (required options first, as Discord requires). */
export function toDiscordCommand(command: CommandDefinition): DiscordCommand {
  const options = [...optionsOf(command)].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false)).map(option);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: clip(command.description, LIMITS.commandDescription),
    options: [...options, HIDE_OPTION],
    integration_types: INTEGRATION_TYPES,
    contexts: CONTEXTS,
  };
}
