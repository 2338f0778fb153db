import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
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

/** The name of the command that changes the corpus (`/corpus add`, `remove`, `status`). */
export const CORPUS_COMMAND = 'corpus';

/** How long an option of `/corpus add` may be, in characters (a URL longer than a page's is not one). */
export const CORPUS_ADD_LIMITS = { title: 300, outlet: 200, url: 2000, published: 40, author: 200 } as const;

/**
 * `/corpus` as Discord's API takes it: three subcommands, only in servers (never in DMs), only for members with
 * Manage Server by default (`default_member_permissions`; the bot checks again when it runs), installed to servers.
 */
export const corpusCommand = () =>
  ({
    type: ApplicationCommandType.ChatInput,
    name: CORPUS_COMMAND,
    description: 'Add, remove or check the articles of the corpus (Manage Server)',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description: 'Add an article: a .txt or .md file (UTF-8, at most 5 MB) with what is known of its source',
        options: [
          { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The article, a .txt or .md file', required: true },
          { type: ApplicationCommandOptionType.String, name: 'title', description: 'Its headline', max_length: CORPUS_ADD_LIMITS.title },
          {
            type: ApplicationCommandOptionType.String,
            name: 'outlet',
            description: 'Who published it',
            max_length: CORPUS_ADD_LIMITS.outlet,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'url',
            description: 'Its web address (https://…)',
            max_length: CORPUS_ADD_LIMITS.url,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'published',
            description: 'When it was published, as YYYY-MM-DD',
            max_length: CORPUS_ADD_LIMITS.published,
          },
          { type: ApplicationCommandOptionType.String, name: 'author', description: 'Who wrote it', max_length: CORPUS_ADD_LIMITS.author },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'remove',
        description: 'Remove an article from the corpus (asks you to confirm)',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'article',
            description: 'The article id (its file name without the extension)',
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: 'Articles, paragraphs, last update, files that failed to load',
      },
    ],
  }) as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export type DiscordCorpusCommand = ReturnType<typeof corpusCommand>;
