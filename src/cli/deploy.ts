/**
 * `npm run deploy`: registers the slash commands with Discord: to one server when DISCORD_GUILD_ID is set
 * (at once), else globally (Discord takes up to an hour to show them). Prints what it changed. Never run at
 * start-up.
 */
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../config.ts';
import { DeployError, deployCommands } from '../discord/deploy.ts';
import { main, warn } from './app.ts';

main(async () => {
  const config = await loadConfig();
  if (!config.discordToken) {
    warn('error: DISCORD_TOKEN is not set: put the bot token in .env (see .env.example) to deploy the commands');
    return 1;
  }
  let deployed: Awaited<ReturnType<typeof deployCommands>>;
  try {
    deployed = await deployCommands(commands, { token: config.discordToken, apiUrl: config.discordApiUrl, guildId: config.discordGuildId });
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    warn(`error: ${error.message}`);
    return 1;
  }
  const { count, plan } = deployed;
  const where = config.discordGuildId ? `server ${config.discordGuildId}` : 'all servers and DMs (global; may take up to an hour to show)';
  process.stdout.write(`Deployed ${count} commands to ${where}.\n`);
  // A slash command's name is one lower-case word; a message command's ("Check in corpus") is shown in quotes.
  const shown = (n: string): string => (/^[-_\p{Ll}\p{N}]+$/u.test(n) ? `/${n}` : `"${n}"`);
  for (const [what, names] of Object.entries(plan))
    if (names.length > 0) process.stdout.write(`  ${what}: ${names.map(shown).join(' ')}\n`);
  return 0;
});
