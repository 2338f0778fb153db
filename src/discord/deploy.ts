import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import type { CommandRegistry } from '../../commands/define.ts';
import {
  CORPUS_COMMAND,
  type DiscordCommand,
  type DiscordCorpusCommand,
  type DiscordMessageCommand,
  checkInCorpusCommand,
  corpusCommand,
  toDiscordCommand,
} from './definitions.ts';

type AnyDiscordCommand = DiscordCommand | DiscordCorpusCommand | DiscordMessageCommand;

/**
 * What a deploy changes: names added, changed, removed and left as they were. Discord answers with fields
 * of its own (ids, versions, defaults): only what we send is compared, and contexts and install types only
 * for global commands, where Discord keeps them.
 */
export function planDeploy(existing: Array<Record<string, unknown>>, wanted: AnyDiscordCommand[], scope: 'guild' | 'global' = 'global') {
  const option = (o: Record<string, unknown>): unknown[] => [
    o.type,
    o.name,
    o.description,
    o.required === true,
    o.autocomplete === true,
    ((o.options as Array<Record<string, unknown>> | undefined) ?? []).map(option),
  ];
  const comparable = (c: Record<string, unknown>) =>
    JSON.stringify({
      type: c.type ?? 1,
      description: c.description ?? '',
      options: ((c.options as Array<Record<string, unknown>> | undefined) ?? []).map(option),
      permissions: c.default_member_permissions ?? null,
      ...(scope === 'global' ? { contexts: c.contexts ?? null, integration_types: c.integration_types ?? null } : {}),
    });
  const before = new Map(existing.map((c) => [String(c.name), c]));
  const added = wanted.filter((c) => !before.has(c.name)).map((c) => c.name);
  const changed = wanted
    .filter(
      (c) =>
        before.has(c.name) &&
        comparable(before.get(c.name) as Record<string, unknown>) !== comparable(c as unknown as Record<string, unknown>),
    )
    .map((c) => c.name);
  const names = new Set(wanted.map((c) => c.name));
  const removed = [...before.keys()].filter((n) => !names.has(n));
  const unchanged = wanted.map((c) => c.name).filter((n) => !added.includes(n) && !changed.includes(n));
  return { added, changed, removed, unchanged };
}

export interface DeployTarget {
  token: string;
  /** REST base URL (a fake Discord in tests); discord.js's default when unset. */
  apiUrl?: string | undefined;
  /** One server (the commands show at once), or every server and DM (global) when unset. */
  guildId?: string | undefined;
}

/** Discord refused the deploy; the message says what to check, in words. */
export class DeployError extends Error {
  override name = 'DeployError';
}

/** What to check when Discord answers a deploy with this status. */
const REFUSED: Record<number, string> = {
  401: '401 Unauthorized: check DISCORD_TOKEN (Discord refused the token: it was reset or revoked; copy the current one from the Developer Portal into .env)',
  403: '403 Forbidden: check DISCORD_GUILD_ID (the bot is not in that server, or may not add commands there)',
  404: '404 Not Found: check DISCORD_GUILD_ID and DISCORD_API_URL',
};

/** A refusal by Discord (any status, with a numeric or text code) as a DeployError; anything else as it was. */
function explained(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError || error instanceof HTTPError)) return error;
  return new DeployError(REFUSED[error.status] ?? `Discord answered ${error.status} to ${error.method}: ${error.message}`);
}

/**
 * Every command as Discord's API takes it: the slash commands (`/corpus` with its subcommands and permission),
 * then the message command "Check in corpus".
 */
export const discordCommands = (commands: CommandRegistry): AnyDiscordCommand[] => [
  ...[...commands.values()].map((c) => (c.definition.name === CORPUS_COMMAND ? corpusCommand() : toDiscordCommand(c.definition))),
  checkInCorpusCommand(),
];

/** Registers the commands with Discord and returns what changed and how many were sent. */
export async function deployCommands(commands: CommandRegistry, target: DeployTarget) {
  try {
    return await deploy(commands, target);
  } catch (error) {
    throw explained(error);
  }
}

async function deploy(commands: CommandRegistry, target: DeployTarget) {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = target.guildId ? Routes.applicationGuildCommands(app.id, target.guildId) : Routes.applicationCommands(app.id);
  const wanted = discordCommands(commands);
  const existing = (await rest.get(route)) as Array<Record<string, unknown>>;
  const plan = planDeploy(existing, wanted, target.guildId ? 'guild' : 'global');
  await rest.put(route, { body: wanted });
  return { count: wanted.length, plan };
}
