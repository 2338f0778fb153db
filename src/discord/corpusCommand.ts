/**
 * `/corpus` in Discord: add an article from an attachment, remove one after a Confirm button, and the status.
 * Only in servers, only for members with Manage Server (checked here too: a server may widen who sees the
 * command). The checks, the file name and the writing are src/ingest/addArticle.ts's; here the attachment is
 * fetched, the button shown, and every change logged with who made it.
 */
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import {
  ActionRowBuilder,
  type AutocompleteInteraction,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { articleAdded, articleRemoved, corpusStatus } from '../answer/corpusStatus.ts';
import type { Answer } from '../answer/types.ts';
import { AddArticleError, BodyDigests, addArticle, refusalBeforeReading, removeArticleFile, tooLarge } from '../ingest/addArticle.ts';
import { MAX_FILE_BYTES } from '../ingest/files.ts';
import type { LiveCorpus, UpdateReport } from '../index/live.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { discordChoices } from './autocomplete.ts';
import { LIMITS } from './limits.ts';
import type { Logger } from './logger.ts';
import { renderDiscord } from './render.ts';

const NO_PINGS = { parse: [] as [] };
const PRIVATE = MessageFlags.Ephemeral;
/** Custom ids of the confirmation buttons: `corpus:confirm:<nonce>`, `corpus:cancel:<nonce>`. */
const BUTTON_PREFIX = 'corpus:';

/** True for a button of `/corpus remove`'s confirmation. */
export const isCorpusButton = (customId: string): boolean => customId.startsWith(BUTTON_PREFIX);

/** Logs an update of the live corpus (from the watcher or /corpus): a line a file, a failure as a warning. */
export function logCorpusUpdate(logger: Logger, report: UpdateReport, corpus: LoadedCorpus): void {
  for (const c of report.changes) {
    const file = basename(c.file);
    if (c.kind === 'failed') logger.warn({ file, reason: c.reason }, 'corpus file not loaded');
    else {
      const paragraphs = corpus.articles.find((a) => basename(a.file) === file)?.paragraphs.length;
      logger.info({ file, change: c.kind, article: c.article, paragraphs, ms: Math.round(report.ms) }, 'corpus updated');
    }
  }
}

/** Fetches an attachment, refusing it as soon as it is past `max` bytes (by its declared length, then while reading). */
export async function fetchAttachment(url: string, max: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AddArticleError(`the attachment could not be downloaded (${(error as Error).message})`);
  }
  if (!response.ok || response.body === null) throw new AddArticleError(`the attachment could not be downloaded (HTTP ${response.status})`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await response.body.cancel();
    throw new AddArticleError(`the file is ${tooLarge(declared)}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > max) throw new AddArticleError(`the file is ${tooLarge(size)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A confirmation waiting for its button: who asked, which article, and the timer that withdraws it. */
interface PendingRemoval {
  userId: string;
  article: string;
  file: string;
  timer: NodeJS.Timeout;
}

export interface CorpusAdminOptions {
  live: LiveCorpus;
  logger: Logger;
  /** How long the Confirm button of `/corpus remove` stays valid, in ms. Default one minute. */
  confirmMs?: number;
}

const reply = (answer: Answer) => {
  const m = renderDiscord(answer);
  return { embeds: m.embeds, components: [], allowedMentions: NO_PINGS };
};
const usage = (message: string): Answer => ({ command: 'corpus', query: '', results: [], error: { message, kind: 'usage' } });

/** Who made a change and where, for the log: never anything secret. */
const who = (i: ChatInputCommandInteraction | ButtonInteraction) => ({ userId: i.user.id, userTag: i.user.tag, guildId: i.guildId });

export class CorpusAdmin {
  private readonly pending = new Map<string, PendingRemoval>();
  private readonly digests = new BodyDigests();
  /** Changes of the folder, one at a time: two uploads of one text cannot both pass the duplicate check. */
  private changing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CorpusAdminOptions) {}

  /** Runs a change of the corpus folder after the ones before it. */
  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changing.then(change);
    this.changing = run.catch(() => undefined);
    return run;
  }

  /** Runs `/corpus <subcommand>`, after checking it comes from a server member with Manage Server. */
  async command(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!interaction.inGuild()) {
      await interaction.reply({
        content: '/corpus works only in a server, for members with the Manage Server permission; not in direct messages.',
        flags: PRIVATE,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({
        content: '/corpus is for members with the Manage Server permission.',
        flags: PRIVATE,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'add') await this.add(interaction);
    else if (sub === 'remove') await this.remove(interaction);
    else {
      await interaction.reply({ ...reply(corpusStatus(this.options.live.status())), flags: PRIVATE });
    }
  }

  private async add(interaction: ChatInputCommandInteraction): Promise<void> {
    const { live, logger } = this.options;
    await interaction.deferReply({ flags: PRIVATE });
    const attachment = interaction.options.getAttachment('file', true);
    const text = (name: string): string | undefined => interaction.options.getString(name) ?? undefined;
    const meta = { title: text('title'), outlet: text('outlet'), url: text('url'), published: text('published'), author: text('author') };
    const context = { ...who(interaction), action: 'add', upload: attachment.name.slice(0, 200) };
    try {
      // Everything that can be refused without the file is, before it is downloaded.
      const problem = refusalBeforeReading({ fileName: attachment.name, size: attachment.size, ...meta });
      if (problem) throw new AddArticleError(problem);
      const bytes = await fetchAttachment(attachment.url, MAX_FILE_BYTES);
      const { file, report } = await this.serially(async () => {
        const file = addArticle(live.dir, { fileName: attachment.name, bytes, ...meta }, this.digests);
        const report = await live.refresh([join(live.dir, file)]);
        if (!live.current.articles.some((a) => a.file === file)) {
          const reason = report.changes.find((c) => basename(c.file) === file && c.kind === 'failed')?.reason ?? 'it did not load';
          removeArticleFile(live.dir, file);
          await live.refresh([join(live.dir, file)]);
          throw new AddArticleError(`it could not be used as an article: ${reason}`);
        }
        return { file, report };
      });
      logger.info({ ...context, file, article: live.current.articles.find((a) => a.file === file)?.id }, 'corpus changed');
      await interaction.editReply(reply(articleAdded(live.current, file, report.ms)));
    } catch (error) {
      if (!(error instanceof AddArticleError)) throw error;
      logger.info({ ...context, refused: error.message }, 'corpus add refused');
      await interaction.editReply(reply(usage(`${attachment.name.slice(0, 200)} was not added: ${error.message}`)));
    }
  }

  private async remove(interaction: ChatInputCommandInteraction): Promise<void> {
    const id = interaction.options.getString('article', true).trim();
    const article = this.options.live.current.articles.find((a) => a.id === id);
    if (!article) {
      await interaction.reply({
        ...reply(usage(`there is no article "${id.slice(0, 200)}" in the corpus; pick one from the list`)),
        flags: PRIVATE,
      });
      return;
    }
    const nonce = randomUUID();
    const confirmMs = this.options.confirmMs ?? 60_000;
    const timer = setTimeout(() => {
      if (!this.pending.delete(nonce)) return;
      void interaction
        .editReply({ content: `Timed out: ${id} was not removed.`, components: [], allowedMentions: NO_PINGS })
        .catch(() => undefined);
    }, confirmMs);
    timer.unref();
    this.pending.set(nonce, { userId: interaction.user.id, article: article.id, file: article.file, timer });
    const title = article.meta.title ? ` “${article.meta.title.slice(0, 200)}”` : '';
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(`${BUTTON_PREFIX}confirm:${nonce}`).setLabel('Confirm').setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(`${BUTTON_PREFIX}cancel:${nonce}`).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({
      content:
        `Remove ${article.id}${title} (${article.file}) from the corpus? Its file is deleted. Confirm within ${Math.round(confirmMs / 1000)} s.`.slice(
          0,
          LIMITS.content,
        ),
      components: [row],
      flags: PRIVATE,
      allowedMentions: NO_PINGS,
    });
  }

  /** The Confirm or Cancel button of `/corpus remove`: only the one who asked, only while it is valid. */
  async button(interaction: ButtonInteraction): Promise<void> {
    const [, action, nonce] = interaction.customId.split(':');
    const pending = nonce === undefined ? undefined : this.pending.get(nonce);
    if (!pending) {
      await interaction.reply({
        content: 'This confirmation has expired: run /corpus remove again.',
        flags: PRIVATE,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    if (pending.userId !== interaction.user.id) {
      await interaction.reply({
        content: 'Only the member who asked can confirm this removal.',
        flags: PRIVATE,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    this.pending.delete(nonce as string);
    clearTimeout(pending.timer);
    if (action !== 'confirm') {
      await interaction.update({ content: `Cancelled: ${pending.article} was not removed.`, components: [], allowedMentions: NO_PINGS });
      return;
    }
    const { live, logger } = this.options;
    await interaction.deferUpdate();
    const removed = await this.serially(async () => {
      const gone = removeArticleFile(live.dir, pending.file);
      await live.refresh([join(live.dir, pending.file)]);
      return gone;
    });
    logger.info({ ...who(interaction), action: 'remove', file: pending.file, article: pending.article, removed }, 'corpus changed');
    await interaction.editReply({ content: '', ...reply(articleRemoved(live.current, pending.article, pending.file)) });
  }

  /** Article ids for `/corpus remove`, matched on the id or the title. */
  async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    await interaction.respond(discordChoices(this.options.live.current, 'article', String(interaction.options.getFocused())));
  }
}
