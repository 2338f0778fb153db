/**
 * The Discord adapter: the one place that touches discord.js. One router for slash commands, autocomplete,
 * buttons and direct messages, and one error path: a user's mistake gets a clear private message, a bug a
 * generic one and a log line with its context. Replies never ping anyone.
 */
import {
  AttachmentBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  Partials,
} from 'discord.js';
import { MAX_CLAIMS, claimedSpeaker, claimsOf } from '../answer/messageClaims.ts';
import type { Answer, Result } from '../answer/types.ts';
import { CHECK_IN_CORPUS, CORPUS_COMMAND } from './definitions.ts';
import { CorpusAdmin, isCorpusButton } from './corpusCommand.ts';
import type { LiveCorpus } from '../index/live.ts';
import { LIMITS } from './limits.ts';
import type { Logger } from './logger.ts';
import { timelinePng } from '../render/chartPng.ts';
import { type DiscordMessage, cut, discordPageSize, pageCount, RESULTS_PER_PAGE, renderDiscord } from './render.ts';
import { type CommandContext, PAGE_OPTION } from '../../commands/define.ts';
import { commandNameOf, parseCommandLine } from '../router/parse.ts';
import { type BugReporter, MAX_QUERY_CHARS, runCommand, runLine } from '../router/router.ts';
import { discordChoices } from './autocomplete.ts';
import { dmToCommandLine } from './dm.ts';
import { type OptionNames, decodeContextId, decodePageState, encodeContextId, encodePageState } from './paging.ts';

/** A few commands in ten seconds per user; more get a polite wait. */
export class RateLimiter {
  private readonly seen = new Map<string, number[]>();
  constructor(
    readonly max = 5,
    readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the user may run one more command now (and counts it). */
  allow(userId: string): boolean {
    const t = this.now();
    const recent = (this.seen.get(userId) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.max) {
      this.seen.set(userId, recent);
      return false;
    }
    recent.push(t);
    this.seen.set(userId, recent);
    if (this.seen.size > 10_000) for (const [k, v] of this.seen) if (v.every((x) => t - x >= this.windowMs)) this.seen.delete(k);
    return true;
  }
}

export interface BotOptions {
  ctx: CommandContext;
  logger: Logger;
  token: string;
  /** REST base URL (a proxy, or a fake Discord in tests); discord.js's default when unset. */
  apiUrl?: string | undefined;
  limiter?: RateLimiter;
  /** The live corpus `/corpus` adds to and removes from; without it, /corpus says the corpus cannot be changed here. */
  live?: LiveCorpus | undefined;
  /** How long `/corpus remove`'s Confirm button stays valid, in ms (default one minute). */
  confirmMs?: number;
}

const NO_PINGS = { parse: [] as [] };
const SLOW_DOWN = 'You are asking faster than I can answer well: wait a few seconds and try again.';

/** The command line an interaction stands for, for the log: `/search query:regime change outlet:Daily Sabah`. */
export function lineOf(name: string, options: Record<string, string>): string {
  const parts = Object.entries(options).map(([k, v]) => `${k}:${v}`);
  return [`/${name}`, ...parts].join(' ');
}

/** Discord's paging of a command: pages of its Discord page size (RESULTS_PER_PAGE, /compare's outlets), turned by buttons. */
const discordPages = (command: string | null): { size: number } => ({ size: discordPageSize(command ?? '') });

/** The values a page button keeps: the page is the button's own, never a `page:` the asker typed. */
const withoutPage = (values: Record<string, string>): Record<string, string> => {
  const { [PAGE_OPTION.name]: _page, ...rest } = values;
  return rest;
};

/**
 * The message for one page of an answer, with Previous / Next buttons that carry their own state (the
 * command and its values); null state: no buttons, and a note when there are more pages. `page` (from 0)
 * is the answer's own where the router paged it.
 */
export function pageMessage(
  answer: Answer,
  state: { command: string; values: Record<string, string> } | null,
  pageAsked: number,
  optionNames: OptionNames,
): DiscordMessage {
  const pages = pageCount(answer);
  const page = answer.page === undefined ? pageAsked : answer.page - 1;
  const id = (p: number): string | null =>
    state === null || p < 0 || p >= pages ? null : encodePageState({ ...state, page: p }, optionNames);
  const shown =
    pages > 1 && id(page + 1) === null && id(page - 1) === null
      ? { ...answer, notes: [...(answer.notes ?? []), 'this question is too long to page through in Discord; narrow it to see more'] }
      : answer;
  return renderDiscord(shown, page, { previous: id(page - 1), next: id(page + 1), context: contextButtonId });
}

/** A result's Context button: the first paragraph it cites (a caption or a whole article has none). */
export function contextButtonId(r: Result): string | null {
  const cited = r.citations.find((c) => c.paragraph !== null);
  return cited && cited.paragraph !== null ? encodeContextId(cited.article, cited.paragraph) : null;
}

/** The command and values a typed line stands for, for its page buttons; null when it does not parse. */
function stateOfLine(ctx: CommandContext, line: string): { command: string; values: Record<string, string> } | null {
  const name = commandNameOf(line);
  const command = name === null ? undefined : ctx.commands.get(name);
  if (!command) return null;
  try {
    return { command: command.definition.name, values: withoutPage(parseCommandLine(line, command.definition).options) };
  } catch {
    return null;
  }
}

const asReply = (m: DiscordMessage) => ({ embeds: m.embeds, components: m.components, allowedMentions: NO_PINGS });

/** The name of the timeline picture attached to a /timeline answer. */
export const TIMELINE_PICTURE = 'timeline.png';

export class QuotedeskBot {
  readonly client: Client;
  private readonly limiter: RateLimiter;
  /** Users told to slow down in this window, so that a flood of DMs gets one answer, not one each. */
  private readonly warned = new Map<string, number>();
  /** `/corpus`: null when the bot has no live corpus to change. */
  private readonly corpusAdmin: CorpusAdmin | null;

  constructor(private readonly options: BotOptions) {
    this.limiter = options.limiter ?? new RateLimiter();
    this.corpusAdmin = options.live
      ? new CorpusAdmin({ live: options.live, logger: options.logger, ...(options.confirmMs ? { confirmMs: options.confirmMs } : {}) })
      : null;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
      // A DM channel the bot has not seen yet arrives as a partial.
      partials: [Partials.Channel],
      allowedMentions: NO_PINGS,
      ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    });
    // Each handler catches its own failures; anything past them is logged here, never left to end the process.
    const logged = (what: string) => (error: unknown) => options.logger.error({ err: error }, `failed to handle ${what}`);
    this.client.on(Events.InteractionCreate, (i) => void this.route(i).catch(logged('an interaction')));
    this.client.on(Events.MessageCreate, (m) => void this.directMessage(m).catch(logged('a message')));
    this.client.once(Events.ClientReady, (c) =>
      options.logger.info({ user: c.user.tag, articles: options.ctx.corpus.articles.length }, 'connected to Discord'),
    );
    this.client.on(Events.ShardDisconnect, (_e, shard) => options.logger.warn({ shard }, 'gateway connection closed'));
    this.client.on(Events.ShardResume, (shard) => options.logger.info({ shard }, 'gateway connection resumed'));
    this.client.on(Events.Error, (err) => options.logger.error({ err }, 'discord client error'));
    this.dropMalformedEvents();
  }

  /**
   * A malformed gateway event (an INTERACTION_CREATE whose data is null, a message without an author)
   * throws inside discord.js's handler for it, where nothing catches it and the process would end: each
   * event is handled in a guard instead, and one that throws is logged and dropped. discord.js hands every
   * dispatch (and the ones it queued before ready) to `handlePacket`, so this is the one place for all of them.
   */
  private dropMalformedEvents(): void {
    type Packet = { t?: unknown; s?: unknown } | undefined;
    const ws = this.client.ws as unknown as { handlePacket: (packet?: Packet, shard?: unknown) => boolean };
    const handle = ws.handlePacket.bind(ws);
    ws.handlePacket = (packet, shard) => {
      try {
        return handle(packet, shard);
      } catch (error) {
        this.options.logger.warn({ err: error, event: String(packet?.t), seq: packet?.s }, 'dropped a malformed gateway event');
        return true;
      }
    };
  }

  async start(): Promise<void> {
    await this.client.login(this.options.token);
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  /** The option names of a command, in order: how page buttons store values. */
  private readonly optionNames: OptionNames = (name) => this.options.ctx.commands.get(name)?.definition.options.map((o) => o.name);

  /** Where a bug in a command goes: one log line with the command, the user and the query. */
  private bugReporter(userId: string): BugReporter {
    return (error, context) => this.options.logger.error({ err: error, userId, ...context }, 'bug while answering');
  }

  /** The one router: every interaction goes through here, and every failure out of here. */
  private async route(interaction: Interaction): Promise<void> {
    const context = { userId: interaction.user.id, command: 'commandName' in interaction ? interaction.commandName : 'button' };
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await this.command(interaction);
      else if (interaction.isMessageContextMenuCommand()) await this.checkInCorpus(interaction);
      else if (interaction.isButton()) await this.button(interaction);
    } catch (error) {
      this.options.logger.error({ err: error, ...context }, 'failed to answer an interaction');
      if (interaction.isRepliable()) {
        const reply = { content: 'Something went wrong on my side; it has been logged.', allowedMentions: NO_PINGS };
        await (
          interaction.deferred || interaction.replied
            ? interaction.editReply(reply)
            : interaction.reply({ ...reply, flags: MessageFlags.Ephemeral })
        ).catch(() => undefined);
      }
    }
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const { ctx, logger } = this.options;
    if (!this.limiter.allow(interaction.user.id)) {
      await interaction.reply({ content: SLOW_DOWN, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    if (interaction.commandName === CORPUS_COMMAND) {
      if (this.corpusAdmin) await this.corpusAdmin.command(interaction);
      else
        await interaction.reply({
          content: 'The corpus cannot be changed from Discord in this bot (it is not live).',
          flags: MessageFlags.Ephemeral,
          allowedMentions: NO_PINGS,
        });
      return;
    }
    const values: Record<string, string> = {};
    let hide = false;
    for (const o of interaction.options.data) {
      if (o.name === 'hide') hide = o.value === true;
      else if (o.value !== undefined && o.value !== null) values[o.name] = String(o.value);
    }
    // Acknowledge first: Discord waits three seconds, and a large corpus may take a moment.
    await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
    logger.info(
      { command: interaction.commandName, userId: interaction.user.id, query: lineOf(interaction.commandName, values).slice(0, 200) },
      'command',
    );
    const answer = runCommand(
      ctx,
      interaction.commandName,
      values,
      this.bugReporter(interaction.user.id),
      discordPages(interaction.commandName),
    );
    if (answer.error && !hide) {
      // A mistake is shown to the one who made it only: the public "thinking…" goes, a private note comes.
      await interaction.deleteReply();
      await interaction.followUp({ ...asReply(renderDiscord(answer)), flags: MessageFlags.Ephemeral });
      return;
    }
    const state = { command: interaction.commandName, values: withoutPage(values) };
    const files = answer.error ? [] : await this.pictureFor(state, interaction.user.id);
    await interaction.editReply({ ...asReply(pageMessage(answer, state, 0, this.optionNames)), files });
  }

  /**
   * The picture a command's answer comes with: for /timeline, its events on a date axis, those of the
   * command's own first page (30, where a Discord page shows 4; the picture stays while the pages turn). A
   * picture that fails is logged and left out: the answer goes without it.
   */
  private async pictureFor(state: { command: string; values: Record<string, string> }, userId: string): Promise<AttachmentBuilder[]> {
    if (state.command !== 'timeline') return [];
    try {
      const answer = runCommand(this.options.ctx, state.command, state.values, this.bugReporter(userId));
      const picture = await timelinePng(answer);
      if (picture === null) return [];
      const topic = answer.query.trim() === '' ? '' : ` of “${answer.query.trim().slice(0, 200)}”`;
      const description = `Timeline${topic}: ${answer.results.length} events on a date axis, coloured by outlet`;
      return [new AttachmentBuilder(picture.png, { name: TIMELINE_PICTURE, description })];
    } catch (error) {
      this.options.logger.error({ err: error, userId, command: state.command }, 'failed to draw the picture');
      return [];
    }
  }

  /**
   * "Check in corpus" on a message: each quoted passage of it (or its whole text, when nothing is quoted) checked
   * as /verify checks a quote, with the speaker the message names for it, answered only to the one who asked,
   * one embed a passage. A passage longer than a query may be is checked by its first words (a piece of a quote
   * is still its words).
   */
  private async checkInCorpus(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    const { ctx, logger } = this.options;
    if (!this.limiter.allow(interaction.user.id)) {
      await interaction.reply({ content: SLOW_DOWN, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const text = interaction.targetMessage.content ?? '';
    logger.info({ command: CHECK_IN_CORPUS, userId: interaction.user.id, query: text.slice(0, 200) }, 'message command');
    const claims = claimsOf(text.slice(0, 4000));
    if (claims.length === 0 || interaction.commandName !== CHECK_IN_CORPUS) {
      await interaction.editReply({ content: 'This message has no words to check against the corpus.', allowedMentions: NO_PINGS });
      return;
    }
    const shown = claims.slice(0, MAX_CLAIMS);
    const room = Math.floor(LIMITS.embedTotal / shown.length);
    const embeds = shown.flatMap((claim) => {
      const values: Record<string, string> = { quote: cut(claim.quote, MAX_QUERY_CHARS).replace(/…$/, '') };
      if (claim.speaker !== undefined) values.speaker = claimedSpeaker(ctx.corpus, claim.speaker);
      const answer = runCommand(ctx, 'verify', values, this.bugReporter(interaction.user.id), {
        size: shown.length === 1 ? RESULTS_PER_PAGE : 2,
      });
      return renderDiscord(answer, 0, null, room).embeds;
    });
    const more = claims.length > shown.length ? `Checked the first ${shown.length} of ${claims.length} quoted passages. ` : '';
    await interaction.editReply({
      content: `${more}Only you can see this; /verify <quote> speaker:<name> checks one quote with every match.`,
      embeds,
      allowedMentions: NO_PINGS,
    });
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.commandName === CORPUS_COMMAND) {
      await (this.corpusAdmin ? this.corpusAdmin.autocomplete(interaction) : interaction.respond([]));
      return;
    }
    const focused = interaction.options.getFocused(true);
    const command = this.options.ctx.commands.get(interaction.commandName);
    const kind = command?.definition.options.find((o) => o.name === focused.name)?.autocomplete;
    const choices = kind ? discordChoices(this.options.ctx.corpus, kind, String(focused.value)) : [];
    await interaction.respond(choices);
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    if (this.corpusAdmin && isCorpusButton(interaction.customId)) {
      await this.corpusAdmin.button(interaction);
      return;
    }
    const context = decodeContextId(interaction.customId);
    if (context) {
      await this.contextButton(interaction, context);
      return;
    }
    const state = decodePageState(interaction.customId, this.optionNames);
    if (!state) {
      await interaction.reply({
        content: 'This button has expired: run the command again.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    // The pages are the asker's: the message says who ran the command (a DM answer has no one else to fear).
    const owner = interaction.message.interactionMetadata?.user.id;
    if (owner !== undefined && owner !== interaction.user.id) {
      await interaction.reply({
        content: 'These pages belong to the person who asked; run the command yourself to page through it.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    if (!this.limiter.allow(interaction.user.id)) {
      await interaction.reply({ content: SLOW_DOWN, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    await interaction.deferUpdate();
    const answer = runCommand(this.options.ctx, state.command, state.values, this.bugReporter(interaction.user.id), {
      ...discordPages(state.command),
      page: state.page + 1,
    });
    if (answer.error) {
      await interaction.followUp({ ...asReply(renderDiscord(answer)), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.editReply(asReply(pageMessage(answer, state, state.page, this.optionNames)));
  }

  /**
   * A Context button: the cited paragraph with the ones around it, shown only to whoever pressed it (anyone
   * may: it changes nothing for the others).
   */
  private async contextButton(interaction: ButtonInteraction, cited: { article: string; paragraph: number }): Promise<void> {
    if (!this.limiter.allow(interaction.user.id)) {
      await interaction.reply({ content: SLOW_DOWN, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const values = { article: cited.article, paragraph: String(cited.paragraph) };
    const answer = runCommand(this.options.ctx, 'context', values, this.bugReporter(interaction.user.id), discordPages('context'));
    await interaction.reply({ ...asReply(renderDiscord(answer)), flags: MessageFlags.Ephemeral });
  }

  /** A plain message in a DM: answered as the command it reads as. Messages in servers are not read. */
  private async directMessage(message: Message): Promise<void> {
    if (message.author.bot || message.guildId !== null || message.content.trim() === '') return;
    const channel = message.channel;
    if (!channel.isSendable()) return;
    try {
      if (!this.limiter.allow(message.author.id)) {
        const now = Date.now();
        if ((this.warned.get(message.author.id) ?? 0) < now - this.limiter.windowMs) {
          this.warned.set(message.author.id, now);
          await channel.send({ content: SLOW_DOWN, allowedMentions: NO_PINGS });
        }
        return;
      }
      const line = dmToCommandLine(message.content.slice(0, 1000));
      this.options.logger.info(
        { command: commandNameOf(line), userId: message.author.id, query: line.slice(0, 200), dm: true },
        'direct message',
      );
      const answer = runLine(this.options.ctx, line, this.bugReporter(message.author.id), discordPages(commandNameOf(line)));
      const state = stateOfLine(this.options.ctx, line);
      const files = answer.error || state === null ? [] : await this.pictureFor(state, message.author.id);
      await channel.send({ ...asReply(pageMessage(answer, state, 0, this.optionNames)), files });
    } catch (error) {
      this.options.logger.error(
        { err: error, userId: message.author.id, query: message.content.slice(0, 200), dm: true },
        'failed to answer a direct message',
      );
      await channel
        .send({ content: 'Something went wrong on my side; it has been logged.', allowedMentions: NO_PINGS })
        .catch(() => undefined);
    }
  }
}
