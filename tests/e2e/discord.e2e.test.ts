import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QuotedeskBot, RateLimiter } from '../../src/discord/bot.ts';
import { LIMITS } from '../../src/discord/limits.ts';
import { type DiscordMessage, embedLength } from '../../src/discord/render.ts';
import {
  APP_ID,
  FakeDiscord,
  capturingLogger,
  OTHER_USER,
  buttonInteraction,
  commandInteraction,
  directMessage,
  messageCommandInteraction,
  startBotAgainst,
} from '../support/fakeDiscord.ts';
import { pngSize } from '../support/png.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake-token.for-the-end-to-end-test';

/** Everything the bot logs (through the logger `npm start` uses), to check that no token appears. */
const { logger, logged } = capturingLogger();

describe('the bot, end to end, with the real discord.js client against a fake Discord', () => {
  const discord = new FakeDiscord();
  let bot: QuotedeskBot;

  beforeAll(async () => {
    bot = await startBotAgainst(discord, { logger, token: TOKEN, limiter: new RateLimiter(1000, 10_000) });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await discord.stop();
  });

  /** Sends an interaction and returns the calls the bot made for it, by its token. */
  async function interact(payload: Record<string, unknown>, expectEdit = true) {
    const token = payload.token as string;
    discord.dispatch('INTERACTION_CREATE', payload);
    const callback = await discord.waitFor((c) => c.path.startsWith(`/interactions/${payload.id}/${token}/callback`));
    const edit = expectEdit
      ? await discord.waitFor(
          (c) => c.method === 'PATCH' && /\/messages\/(@|%40)original/.test(c.path) && c.path.startsWith(`/webhooks/${APP_ID}/${token}/`),
        )
      : null;
    return { callback, edit };
  }

  const withinLimits = (m: DiscordMessage): void => {
    expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const e of m.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    }
  };

  it('connects through the REST gateway lookup and identifies', () => {
    expect(discord.calls.some((c) => c.method === 'GET' && c.path.startsWith('/gateway/bot'))).toBe(true);
    expect(discord.identified).toBe(1);
  });

  it('answers /who-said: defers, then edits the original with cited embeds, pinging no one', async () => {
    const { callback, edit } = await interact(commandInteraction('who-said', [{ name: 'topic', value: 'regime change' }]));
    expect(callback.body).toMatchObject({ type: 5 });
    const body = edit?.body as DiscordMessage & { allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    withinLimits(body);
    const description = body.embeds[0]?.description ?? '';
    expect(body.embeds[0]?.title).toBe('/who-said regime change');
    expect(description).toContain('**1. John Kerry** (US Secretary of State), direct');
    expect(description).toContain('The United States and its partners are not seeking so-called regime change');
    expect(description).toContain('[Al-Alam News Network');
    expect(description).toMatch(
      /\[Daily Sabah: US says not after regime change in Syria, focus similar to Russia's\]\(https:\/\/www\.dailysabah\.com\//,
    );
  });

  it('answers /when with the resolved date and its derivation', async () => {
    const { edit } = await interact(commandInteraction('when', [{ name: 'event', value: 'kerry moscow' }], { guild: false }));
    const body = edit?.body as DiscordMessage;
    expect(body.embeds[0]?.description).toContain('Tue 15 Dec 2015');
    expect(body.embeds[0]?.description).toContain('in an article published Wed 16 Dec 2015');
  });

  it('answers /compare with one field per outlet, each cited, within the limits, and a Context button each', async () => {
    const { callback, edit } = await interact(commandInteraction('compare', [{ name: 'topic', value: 'Assad' }]));
    expect(callback.body).toMatchObject({ type: 5 });
    const body = edit?.body as DiscordMessage & { allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    withinLimits(body);
    const embed = body.embeds[0];
    expect(embed?.title).toBe('/compare Assad');
    expect(embed?.fields?.map((f) => f.name.replace(/ — .*/, ''))).toEqual([
      '1. Al-Alam News Network',
      '2. Global Research',
      '3. Press TV',
      '4. LidTime',
      '5. Daily Sabah',
    ]);
    for (const f of embed?.fields ?? []) {
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
      expect(f.value).toMatch(/^\*\*Best\*\* \[¶\d+\]\(https?:\/\//);
    }
    expect(embed?.fields?.[2]?.value).toContain('[government](http://presstv.ir/');
    expect(embed?.footer?.text).toBe('5 results · notes above');
    expect(body.components[0]?.components.map((b) => b.label)).toEqual(['Context 1', 'Context 2', 'Context 3', 'Context 4', 'Context 5']);
  });

  it('completes the last outlet of a /compare outlets: list', async () => {
    const payload = commandInteraction(
      'compare',
      [
        { name: 'topic', value: 'assad' },
        { name: 'outlets', value: 'Press TV, sab', focused: true },
      ],
      { type: 4 },
    );
    discord.dispatch('INTERACTION_CREATE', payload);
    const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${payload.id}/`));
    const body = call.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(body.data.choices).toEqual([{ name: 'Press TV, Daily Sabah', value: 'Press TV, Daily Sabah' }]);
  });

  it('answers /verify with the verdict, the differences word by word and the sources', async () => {
    const { edit } = await interact(
      commandInteraction('verify', [
        { name: 'quote', value: 'The United States and its partners are not looking for so-called regime change' },
        { name: 'speaker', value: 'Kerry' },
      ]),
    );
    const body = edit?.body as DiscordMessage;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    withinLimits(body);
    const description = body.embeds[0]?.description ?? '';
    expect(description).toContain('**1. John Kerry** (US Secretary of State), direct');
    expect(description).toContain('🟡 verdict\\: close wording');
    expect(description).toContain(
      'differences: The United States and its partners are not ~~seeking~~**looking for** so-called regime change',
    );
    expect(description).toContain('[Al-Alam News Network');
  });

  it('checks a message’s quotes with “Check in corpus”, privately, each with the speaker the message names', async () => {
    const payload = messageCommandInteraction(
      'Check in corpus',
      '@everyone Lavrov said “The United States and its partners are not seeking so-called regime change” and later: «Moscow will never give up Assad for sanctions relief» — Putin',
    );
    const { callback, edit } = await interact(payload);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const body = edit?.body as DiscordMessage & { content: string };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    withinLimits(body);
    expect(body.content).toContain('Only you can see this');
    expect(body.embeds).toHaveLength(2);
    const [first, second] = body.embeds.map((e) => e.description ?? '');
    expect(first).toContain('⚠️ verdict\\: said by someone else');
    expect(first).toContain('**1. John Kerry**');
    expect(first).toContain('the claim names Lavrov');
    expect(second).toContain('not found');
    expect(second).toContain('no quote in the corpus has these words');
  });

  it('checks the whole text of a message with nothing quoted, in a DM too', async () => {
    const payload = messageCommandInteraction('Check in corpus', 'we discussed today in great detail the need to accelerate the effort', {
      guild: false,
    });
    const { edit } = await interact(payload);
    const body = edit?.body as DiscordMessage;
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]?.description).toContain('✅ verdict\\: verbatim');
    expect(body.embeds[0]?.description).toContain('**1. John Kerry**');
  });

  it('answers an autocomplete with at most 25 choices, speakers by any alias', async () => {
    const payload = commandInteraction('quotes', [{ name: 'speaker', value: 'serg', focused: true }], { type: 4 });
    discord.dispatch('INTERACTION_CREATE', payload);
    const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${payload.id}/`));
    const body = call.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices[0]).toEqual({ name: 'Sergey Lavrov (Russian Foreign Minister)', value: 'Sergey Lavrov' });
  });

  it('turns the page with Next, keeping the state in the button, and refuses a foreign or stale button', async () => {
    const { edit } = await interact(commandInteraction('search', [{ name: 'query', value: 'kerry' }]));
    const first = edit?.body as DiscordMessage;
    const next = first.components[0]?.components.find((b) => b.label === 'Next');
    expect(next?.custom_id).toMatch(/^qd2\|1\|/);
    const press = buttonInteraction(next?.custom_id as string);
    discord.dispatch('INTERACTION_CREATE', press);
    const ack = await discord.waitFor((c) => c.path.startsWith(`/interactions/${press.id}/`));
    expect(ack.body).toMatchObject({ type: 6 });
    const update = await discord.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${press.token}/`));
    const page2 = update.body as DiscordMessage;
    expect(page2.embeds[0]?.footer?.text).toContain('page 2 of');
    expect(page2.embeds[0]?.description).toMatch(/^\*\*5\./);

    const foreign = buttonInteraction(next?.custom_id as string, OTHER_USER);
    discord.dispatch('INTERACTION_CREATE', foreign);
    const refused = await discord.waitFor((c) => c.path.startsWith(`/interactions/${foreign.id}/`));
    expect(refused.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringContaining('belong to the person who asked') },
    });

    const stale = buttonInteraction('something-from-an-old-version');
    discord.dispatch('INTERACTION_CREATE', stale);
    const expired = await discord.waitFor((c) => c.path.startsWith(`/interactions/${stale.id}/`));
    expect(expired.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('expired') } });
  });

  it('pages past the first ten results, and opens a Context button privately, for anyone who presses it', async () => {
    const { edit } = await interact(
      commandInteraction('search', [
        { name: 'query', value: 'kerry' },
        { name: 'page', value: 4 },
      ]),
    );
    const page4 = edit?.body as DiscordMessage;
    // Results 13 to 16 of 24: past the ten the command line shows on its first page.
    expect(page4.embeds[0]?.footer?.text).toBe('24 results · page 4 of 6');
    expect(page4.embeds[0]?.description).toMatch(/^\*\*13\./);
    expect(page4.components[0]?.components.find((b) => b.label === 'Next')?.custom_id).toMatch(/^qd2\|4\|/);
    const contexts = page4.components[1]?.components ?? [];
    expect(contexts.map((b) => b.label)).toEqual(['Context 13', 'Context 14', 'Context 15', 'Context 16']);
    for (const b of contexts) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);

    const press = buttonInteraction(contexts[0]?.custom_id as string, OTHER_USER);
    discord.dispatch('INTERACTION_CREATE', press);
    const reply = await discord.waitFor((c) => c.path.startsWith(`/interactions/${press.id}/`));
    const body = reply.body as { type: number; data: DiscordMessage & { flags: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const [, paragraph, article] = /^qdc\|(\d+)\|(.+)$/.exec(contexts[0]?.custom_id as string) ?? [];
    expect(body.data.embeds[0]?.title).toBe(`/context ${article?.replace(/_/g, '\\_')} ${paragraph}`);
    expect(body.data.embeds[0]?.description).toContain(`¶${paragraph}`);
    withinLimits(body.data);
  });

  it('answers /context with the paragraph and its neighbours, and a bad paragraph privately', async () => {
    const { edit } = await interact(
      commandInteraction('context', [
        { name: 'article', value: '004' },
        { name: 'paragraph', value: 2 },
      ]),
    );
    const description = (edit?.body as DiscordMessage).embeds[0]?.description ?? '';
    for (const n of [1, 2, 3]) expect(description).toContain(`¶${n}`);
    expect(description).toContain('#:~:text=');
    const bad = commandInteraction('context', [
      { name: 'article', value: '004' },
      { name: 'paragraph', value: 99 },
    ]);
    discord.dispatch('INTERACTION_CREATE', bad);
    const followUp = await discord.waitFor((c) => c.method === 'POST' && c.path.startsWith(`/webhooks/${APP_ID}/${bad.token}`));
    expect((followUp.body as DiscordMessage).embeds[0]?.description).toContain('has 5 paragraphs\\: give a number from 1 to 5');
  });

  it('pages a query whose words look like options ("to:") as the values it was given', async () => {
    const { edit } = await interact(commandInteraction('search', [{ name: 'query', value: 'kerry to:2015 lavrov' }]));
    const next = (edit?.body as DiscordMessage).components[0]?.components.find((b) => b.label === 'Next');
    const press = buttonInteraction(next?.custom_id as string);
    discord.dispatch('INTERACTION_CREATE', press);
    const update = await discord.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${press.token}/`));
    expect((update.body as DiscordMessage).embeds[0]?.title).toBe('/search kerry to\\:2015 lavrov');
  });

  it('answers a bad option with a clear message only its author sees', async () => {
    const payload = commandInteraction('search', [
      { name: 'query', value: 'kerry' },
      { name: 'from', value: 'yesterday' },
    ]);
    const { callback } = await interact(payload, false);
    expect(callback.body).toMatchObject({ type: 5 });
    await discord.waitFor((c) => c.method === 'DELETE' && c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}/messages/`));
    const note = await discord.waitFor((c) => c.method === 'POST' && c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}`));
    expect(note.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect((note.body as DiscordMessage).embeds[0]?.description).toContain('is not a date; use YYYY-MM-DD');
  });

  it('attaches the timeline picture to /timeline: a PNG of every event of its first page; turning pages keeps it', async () => {
    const payload = commandInteraction('timeline', []);
    discord.dispatch('INTERACTION_CREATE', payload);
    // Drawing takes a moment (vega is loaded for the first picture): the reply is deferred first.
    const edit = await discord.waitFor(
      (c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}/messages/`),
      30_000,
    );
    const body = edit.body as DiscordMessage & { attachments: Array<{ id: string; description: string }> };
    expect(body.embeds[0]?.title).toBe('/timeline');
    expect(body.attachments).toMatchObject([{ id: '0', description: 'Timeline: 16 events on a date axis, coloured by outlet' }]);
    expect(edit.files.map((f) => [f.field, f.filename])).toEqual([['files[0]', 'timeline.png']]);
    const { width, height } = pngSize(edit.files[0]?.data as Buffer);
    expect(width).toBe(1000);
    expect(height).toBeGreaterThan(800);

    const next = body.components[0]?.components.find((b) => b.label === 'Next');
    const press = buttonInteraction(next?.custom_id as string);
    discord.dispatch('INTERACTION_CREATE', press);
    const update = await discord.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${press.token}/`));
    // No files and no attachments list: Discord keeps the picture the message has.
    expect(update.files).toEqual([]);
    expect(update.body).not.toHaveProperty('attachments');
    expect((update.body as DiscordMessage).embeds[0]?.description).toMatch(/^\*\*5\./);
  });

  it('attaches the picture to a /timeline written in a DM, and none to another command or a timeline with no event', async () => {
    discord.dispatch('MESSAGE_CREATE', directMessage('/timeline geneva'));
    const sent = await discord.waitFor(
      (c) => c.method === 'POST' && c.path === '/channels/1600000000000000001/messages' && c.files.length > 0,
      30_000,
    );
    expect(sent.files[0]?.filename).toBe('timeline.png');
    expect(pngSize(sent.files[0]?.data as Buffer).width).toBe(1000);
    expect((sent.body as { attachments: Array<{ description: string }> }).attachments[0]?.description).toBe(
      'Timeline of “geneva”: 2 events on a date axis, coloured by outlet',
    );
    for (const options of [[{ name: 'query', value: 'kerry' }], [{ name: 'topic', value: 'zzzqqq' }]]) {
      const payload = commandInteraction(options[0]?.name === 'query' ? 'search' : 'timeline', options);
      discord.dispatch('INTERACTION_CREATE', payload);
      const edit = await discord.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}/`));
      expect(edit.files).toEqual([]);
      expect((edit.body as { attachments?: unknown[] }).attachments ?? []).toEqual([]);
    }
  });

  it('hides the answer when asked to', async () => {
    const { callback } = await interact(commandInteraction('sources', [{ name: 'hide', value: true }]));
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
  });

  it('answers a plain direct message as the command it reads as', async () => {
    discord.dispatch('MESSAGE_CREATE', directMessage('who said regime change?'));
    const sent = await discord.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.path === '/channels/1600000000000000001/messages' &&
        (c.body as DiscordMessage).embeds?.[0]?.title === '/who-said regime change',
    );
    const body = sent.body as DiscordMessage;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.title).toBe('/who-said regime change');
  });

  it('answers hostile input in slash options with a reply that pings no one and links only the corpus', async () => {
    for (const value of ['@everyone <@&123>', `${'a'.repeat(5000)}`, '```js\nalert(1)\n``` [x](https://evil.example)', '\u202e\u200b😀']) {
      const payload = commandInteraction('search', [{ name: 'query', value }]);
      discord.dispatch('INTERACTION_CREATE', payload);
      // The answer (an edit of the original) or, for a mistake, the private note that replaces it.
      const reply = await discord.waitFor((c) => c.path.startsWith(`/webhooks/${APP_ID}/${payload.token}`) && c.method !== 'DELETE');
      const body = reply.body as DiscordMessage;
      expect(body.allowed_mentions).toEqual({ parse: [] });
      const text = JSON.stringify(body.embeds);
      expect(text).not.toContain('](https://evil.example');
    }
  });

  it('drops malformed gateway events with a log line each, and keeps answering', async () => {
    const before = logged.length;
    discord.dispatch('INTERACTION_CREATE', null);
    discord.dispatch('INTERACTION_CREATE', { type: 2, id: 'x' });
    discord.dispatch('MESSAGE_CREATE', null);
    discord.dispatch('GUILD_CREATE', null);
    const { edit } = await interact(commandInteraction('sources', []));
    expect((edit?.body as DiscordMessage).embeds[0]?.title).toBe('/sources');
    const dropped = logged.slice(before).filter((l) => l.includes('dropped a malformed gateway event'));
    expect(dropped.map((l) => JSON.parse(l).event)).toEqual(['INTERACTION_CREATE', 'INTERACTION_CREATE', 'MESSAGE_CREATE', 'GUILD_CREATE']);
  });

  it('logs a failed webhook call with its route, the interaction token redacted', async () => {
    const payload = commandInteraction('search', [{ name: 'query', value: 'kerry' }]);
    const token = payload.token as string;
    discord.answer = (c) =>
      c.path.startsWith(`/webhooks/${APP_ID}/${token}/`) ? { status: 500, body: { message: 'webhook failed in the fake', code: 0 } } : null;
    try {
      discord.dispatch('INTERACTION_CREATE', payload);
      await discord.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${token}/`));
      const deadline = Date.now() + 5000;
      while (!logged.some((l) => l.includes('failed to answer an interaction')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
    } finally {
      discord.answer = null;
    }
    const line = logged.find((l) => l.includes('failed to answer an interaction')) ?? '';
    expect(line).toContain(`/webhooks/${APP_ID}/[redacted]/messages/`);
    expect(logged.join('\n')).not.toContain(token);
  });

  it('never logs the token, nor sends it anywhere but the Authorization header', () => {
    expect(logged.join('\n')).not.toContain(TOKEN);
    for (const c of discord.calls) expect(JSON.stringify(c.body ?? '')).not.toContain(TOKEN);
  });
});
