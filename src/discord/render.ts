/**
 * Answers as Discord messages: plain objects in the shape of Discord's API (embeds, buttons), always within
 * Discord's limits, with snippets escaped so that the corpus's text can neither format nor ping, and links only
 * to the corpus's own article and outlet URLs.
 */
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { publishedDay } from '../answer/citation.ts';
import type { Answer, Citation, Result, Verdict } from '../answer/types.ts';
import { type DiffMarks, verdictLines } from '../render/differences.ts';
import { defangUrls } from '../render/safeText.ts';
import { LIMITS } from './limits.ts';

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  footer?: { text: string };
  fields?: DiscordEmbedField[];
}

export interface DiscordButton {
  type: ComponentType.Button;
  style: ButtonStyle.Secondary;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: Array<{ type: ComponentType.ActionRow; components: DiscordButton[] }>;
  allowed_mentions: { parse: [] };
}

/** How many results one page shows. */
export const RESULTS_PER_PAGE = 4;
const COLOR = 0x2b6cb0;
const ERROR_COLOR = 0xc53030;

/**
 * Escapes Discord markdown and mention syntax, so that text from the corpus shows as written: an escaped
 * colon also keeps a URL in the text from becoming a link.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>[\]()#<@:]/g, (c) => `\\${c}`);
}

/** Cuts text to at most `max` characters at a word, ending with "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const base = space > max / 2 ? room.slice(0, space) : room;
  // Never leave a lone backslash that would escape the ellipsis.
  return `${base.replace(/\\+$/, (m) => (m.length % 2 === 1 ? m.slice(1) : m))}…`;
}

/** A link's URL, safe inside a masked link: only http(s), and no characters that end the markdown. */
function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s<>]+$/i.test(url)) return null;
  return url.replace(/\)/g, '%29').replace(/\(/g, '%28');
}

/** "[Daily Sabah: US says not after…](url) · 2015-12-17 · ¶2" — the link is never cut. */
export function citationLine(c: Citation): string {
  // The label is text: brackets and parentheses escaped (a title's "](" cannot end it), a URL in it defanged.
  const label = defangUrls(cut(`${c.outlet ?? 'unknown outlet'}: ${c.title ?? 'untitled'}`, 90));
  // The link opens the page at the cited words (a text fragment) where the article's own URL is known.
  const url = safeUrl(c.urlKnown ? (c.link ?? c.url) : c.url);
  const where = [publishedDay(c.published) ?? 'date unknown', c.caption ? 'photo caption' : c.paragraph === null ? null : `¶${c.paragraph}`]
    .filter(Boolean)
    .join(' · ');
  const link = url ? `[${label.replace(/[\\*_~`|<@[\]()]/g, (ch) => `\\${ch}`)}](${url})` : escapeMarkdown(label);
  return `${link}${url && !c.urlKnown ? ' (outlet home page; article link unknown)' : ''} · ${escapeMarkdown(where)}`;
}

/** A pasted quote's differences in Discord: the corpus's words struck through, the pasted ones in bold, all escaped. */
const DISCORD_DIFF_MARKS: DiffMarks = {
  dropped: (w) => `~~${escapeMarkdown(w)}~~`,
  inserted: (w) => `**${escapeMarkdown(w)}**`,
  plain: escapeMarkdown,
};

/** A verdict at a glance; its words follow it. */
const VERDICT_ICON: Record<Verdict, string> = {
  verbatim: '✅',
  close: '🟡',
  misattributed: '⚠️',
  paraphrase: '💬',
  'not-found': '❌',
};

/** The text of a result with its highlights in bold, escaped. */
function highlighted(r: Result): string {
  if (!r.highlights || r.highlights.length === 0) return escapeMarkdown(r.text);
  let out = '';
  let at = 0;
  for (const [a, b] of r.highlights) {
    if (a < at || b > r.text.length) continue;
    out += `${escapeMarkdown(r.text.slice(at, a))}**${escapeMarkdown(r.text.slice(a, b))}**`;
    at = b;
  }
  return out + escapeMarkdown(r.text.slice(at));
}

/** One result as a block of the embed's description, at most `max` characters, links whole. */
export function resultBlock(r: Result, n: number, max: number): string {
  const head: string[] = [];
  if (r.speaker) {
    // Speaker and role are cut short, so that they never crowd out the citations.
    const role = typeof r.details?.role === 'string' ? ` (${escapeMarkdown(cut(r.details.role, 120))})` : '';
    const kind = r.details?.kind ? `, ${escapeMarkdown(cut(String(r.details.kind), 20))}` : '';
    head.push(`**${n}. ${escapeMarkdown(cut(r.speaker, 120))}**${role}${kind}`);
  } else head.push(`**${n}.**`);
  // One date line, its parts cut short so that they never crowd out the citations.
  if (r.date)
    head.push(
      `🗓 ${escapeMarkdown(cut(String(r.details?.when ?? r.date), 60))}${r.derivation ? ` — ${escapeMarkdown(cut(r.derivation, 300))}` : ''}`,
    );
  // A /verify verdict and the differences, word by word, cut short so that they never crowd out the citations.
  const [verdict, differences] = verdictLines(r, DISCORD_DIFF_MARKS);
  if (verdict && r.verdict) head.push(`${VERDICT_ICON[r.verdict]} ${escapeMarkdown(verdict)}`);
  if (differences) head.push(cutEscaped(differences, 600));
  // Where the outlets word a quote differently, each link carries its own wording, cut short.
  const links = r.citations.map(
    (c) => `↳ ${citationLine(c)}${r.wordingsDiffer && c.text !== undefined ? ` — “${escapeMarkdown(cut(c.text, 100))}”` : ''}`,
  );
  // The links stay whole; the quote or snippet gives way.
  let linkText = links.join('\n');
  while (linkText.length > max * 0.6 && links.length > 1) {
    links.pop();
    linkText = `${links.join('\n')}\n↳ …and ${r.citations.length - links.length} more`;
  }
  const fixed = `${head.join('\n')}\n\n${linkText}`.length;
  const body = r.quote ? `“${highlighted(r)}”` : highlighted(r);
  const room = Math.max(20, max - fixed - 2);
  const lines = [head[0] as string, cutEscaped(body, room), ...head.slice(1), linkText];
  return cut(lines.join('\n'), max);
}

/** Cuts escaped text without splitting an escape or an unclosed bold marker. */
function cutEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let t = cut(text, max);
  if ((t.match(/(?<!\\)\*\*/g) ?? []).length % 2 === 1) t = `${t.slice(0, -1)}**…`;
  return t;
}

/** How many outlets one page of a /compare answer shows, a field each: five fit the 6,000 characters of a message. */
export const OUTLETS_PER_PAGE = 5;

/** How many results a Discord page of a command shows: /compare's outlets side by side, else RESULTS_PER_PAGE. */
export const discordPageSize = (command: string): number => (command === 'compare' ? OUTLETS_PER_PAGE : RESULTS_PER_PAGE);
const perPage = (answer: Answer): number => discordPageSize(answer.command);

/**
 * The pages of an answer: as the router paged it (the bot asks for pages of RESULTS_PER_PAGE), else how many
 * its results make at the page size.
 */
export const pageCount = (answer: Answer): number => answer.pages ?? Math.max(1, Math.ceil(answer.results.length / perPage(answer)));

/** The results one page shows, and the number of the first: a paged answer's own page, else page `page` of its results. */
function pageResults(answer: Answer, page: number): { page: number; shown: Result[]; first: number } {
  if (answer.page !== undefined) {
    const first = (answer.page - 1) * (answer.perPage ?? RESULTS_PER_PAGE) + 1;
    return { page: answer.page - 1, shown: answer.results.slice(0, perPage(answer)), first };
  }
  const size = perPage(answer);
  const p = Math.min(Math.max(0, page), pageCount(answer) - 1);
  return { page: p, shown: answer.results.slice(p * size, (p + 1) * size), first: p * size + 1 };
}

/**
 * One page of an answer as a Discord message. `buttons` gives the custom ids of Previous and Next (null for
 * none); the caller encodes the state in them. `room` is how much of a message's embed text the answer may take
 * (less than all when several answers share one message).
 */
export function renderDiscord(
  answer: Answer,
  page = 0,
  buttons: { previous: string | null; next: string | null; context?: (r: Result) => string | null } | null = null,
  room: number = LIMITS.embedTotal,
): DiscordMessage {
  const message: DiscordMessage = { embeds: [], components: [], allowed_mentions: { parse: [] } };
  if (answer.error) {
    message.embeds.push({ description: cut(escapeMarkdown(answer.error.message), LIMITS.embedDescription), color: ERROR_COLOR });
    return message;
  }
  const pages = pageCount(answer);
  const { page: p, shown, first } = pageResults(answer, page);
  const title = cut(escapeMarkdown(`/${answer.command}${answer.query ? ` ${answer.query}` : ''}`), LIMITS.embedTitle);
  const notes = (answer.notes ?? []).map(escapeMarkdown).join('\n');
  const total = answer.total ?? answer.results.length;
  const footer = cut(
    [
      `${total} result${total === 1 ? '' : 's'}${pages > 1 ? ` · page ${p + 1} of ${pages}` : ''}`,
      answer.notes?.length ? 'notes above' : '',
    ]
      .filter(Boolean)
      .join(' · '),
    LIMITS.embedFooter,
  );
  // Room for the results: the description's limit, less what the title, footer and notes take of the 6000.
  const budget = Math.min(LIMITS.embedDescription, room - title.length - footer.length - 50);
  const notesPart = notes ? cut(notes, Math.min(600, budget / 4)) : '';
  if (answer.command === 'compare') {
    // One field per outlet, side by side, sharing what the title, footer and notes leave of the 6000.
    const description = notesPart || (shown.length === 0 ? 'Nothing found.' : '');
    const room = LIMITS.embedTotal - title.length - footer.length - description.length - 50;
    const each = Math.min(LIMITS.embedFieldValue, Math.floor(room / Math.max(1, shown.length)) - 60);
    const fields = shown.map((r, i) => compareField(r, first + i, each));
    message.embeds.push({ title, ...(description ? { description } : {}), color: COLOR, footer: { text: footer }, fields });
  } else {
    const per = Math.floor((budget - notesPart.length - 4) / Math.max(1, shown.length)) - 2;
    const blocks = shown.map((r, i) => resultBlock(r, first + i, per));
    const description = cut([...blocks, notesPart].filter(Boolean).join('\n\n') || 'Nothing found.', budget);
    message.embeds.push({ title, description, color: COLOR, footer: { text: footer } });
  }
  if (buttons && pages > 1) {
    const button = (label: string, id: string | null, none: string): DiscordButton => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label,
      custom_id: id ?? none,
      disabled: id === null,
    });
    const row = [button('Previous', buttons.previous, 'qd:none:prev'), button('Next', buttons.next, 'qd:none:next')];
    message.components.push({ type: ComponentType.ActionRow, components: row });
  }
  // A Context button for each result shown that cites a paragraph (a row holds five; a page shows four).
  const context = buttons?.context;
  const contexts = context
    ? shown.flatMap((r, i): DiscordButton[] => {
        const id = context(r);
        return id === null
          ? []
          : [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: `Context ${first + i}`, custom_id: id }];
      })
    : [];
  if (contexts.length > 0) message.components.push({ type: ComponentType.ActionRow, components: contexts.slice(0, 5) });
  return message;
}

/** The length Discord counts for a message's embeds: title, description, footer, and each field's name and value. */
export function embedLength(e: DiscordEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

/** A claim's citation as a masked link labelled `label` (the outlet is the field's), or the label alone where no link is safe. */
function linked(label: string, c: Citation | undefined): string {
  const url = c ? safeUrl(c.urlKnown ? (c.link ?? c.url) : c.url) : null;
  return url ? `[${label}](${url})` : label;
}

/** "¶8": where a claim stands in the outlet's article (the field names the outlet; the best paragraph links the article). */
const where = (c: Citation | undefined): string => (c?.paragraph == null ? '' : ` (¶${c.paragraph})`);

/**
 * One outlet of a /compare answer as an embed field of at most `max` characters: its best paragraph on the
 * topic and its distinctive words, each linked at its cited words, then who it quotes and the quotes only it
 * carries, each with its ¶. Items go in that order while they fit; the rest are counted, never shown uncited.
 */
export function compareField(r: Result, n: number, max: number): DiscordEmbedField {
  const c = r.coverage;
  if (!c) return { name: cut(`${n}. ${escapeMarkdown(r.text)}`, LIMITS.embedFieldName), value: 'No comparison.' };
  const count = `${c.paragraphs} ¶ on the topic${c.articles > 1 ? ` in ${c.articles} articles` : ''}`;
  const name = cut(`${n}. ${escapeMarkdown(c.outlet)} — ${count}`, LIMITS.embedFieldName);
  if (c.paragraphs === 0) return { name, value: 'No paragraph on the topic.' };
  const cite = (i: number): Citation | undefined => r.citations[i];
  let value = '';
  let dropped = 0;
  /** A line of items: as many as fit after the head, the rest counted. */
  const line = (head: string, items: string[]): void => {
    let text = '';
    for (const item of items) {
      const next = text ? `${text} · ${item}` : `${head}${item}`;
      if ((value ? value.length + 1 : 0) + next.length <= max - 30) text = next;
      else dropped += 1;
    }
    if (text) value = value ? `${value}\n${text}` : text;
  };
  if (c.best) {
    const b = c.best;
    line('', [`**Best** ${linked(`¶${cite(b.citation)?.paragraph ?? ''}`, cite(b.citation))}: “${escapeMarkdown(cut(b.snippet, 110))}”`]);
  }
  line(
    '**Words:** ',
    c.words.map((w) => `${linked(escapeMarkdown(w.word), cite(w.citation))} z ${w.z} (${w.count} here, ${w.others} elsewhere)`),
  );
  line(
    '**Quotes:** ',
    c.speakers.map((s) => `${escapeMarkdown(cut(s.speaker, 50))} ×${s.quotes}${where(cite(s.citation))}`),
  );
  line(
    `**Only here** (${c.onlyHereTotal}): `,
    c.onlyHere.map((q) => `${escapeMarkdown(cut(q.speaker, 30))}, “${escapeMarkdown(cut(q.quote, 70))}”${where(cite(q.citation))}`),
  );
  if (dropped > 0) value += `${value ? '\n' : ''}…and ${dropped} more`;
  // Discord refuses an empty field.
  return { name, value: cut(value, max) || '–' };
}
