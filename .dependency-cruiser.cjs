/**
 * The layers of Quotedesk, checked in CI (`npm run lint`). Data flows one way:
 *
 *   model ← nlp ← ingest ← index ← answer ← commands/ ← router ← render ← discord ← cli
 *
 * Each layer imports only the layers below it; nothing imports in a circle; discord.js and Discord's API
 * types are imported only under src/discord/; the configuration belongs to the entry points; the logger is the bot's (src/discord/logger.ts).
 */
const LAYERS = [
  ['model', '^src/model/'],
  ['nlp', '^src/nlp/'],
  ['ingest', '^src/ingest/'],
  ['index', '^src/index/'],
  ['answer', '^src/answer/'],
  ['commands', '^commands/'],
  ['router', '^src/router/'],
  ['render', '^src/render/'],
  ['discord', '^src/discord/'],
  ['cli', '^src/cli/'],
];
/**
 * The layers at the top are not all equal: the terminal (cli) may start the bot (discord) and render text
 * (render); the bot may use the plain renderers (render); render imports neither.
 */
const upward = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1);
  if (above.length === 0) return [];
  return [
    {
      name: `no-upward-from-${name}`,
      comment: `${name} imports only the layers below it (model ← nlp ← ingest ← index ← answer ← commands ← router ← render ← discord ← cli)`,
      severity: 'error',
      from: { path },
      to: { path: above.map(([, p]) => p) },
    },
  ];
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no import cycles', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'model-imports-nothing',
      comment: 'src/model holds the types every layer shares; it imports nothing outside itself',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'discord-only-in-src-discord',
      comment: 'discord.js and discord-api-types are imported only under src/discord/ (tests may fake Discord)',
      severity: 'error',
      from: { pathNot: ['^src/discord/', '^tests/'] },
      to: { path: ['node_modules/discord\\.js/', 'node_modules/discord-api-types/', 'node_modules/@discordjs/'] },
    },
    {
      name: 'config-at-the-entry-points',
      comment: 'the configuration is read by the entry points (cli, discord) and passed down',
      severity: 'error',
      from: { path: '^(src/(model|nlp|ingest|index|answer|router|render)|commands)/' },
      to: { path: '^src/config\\.ts$' },
    },
    {
      name: 'every-file-in-a-layer',
      comment:
        'a file directly under src/ belongs to no layer: only the shared config and code fingerprint may, and they import nothing of src/',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: '^(src|commands)/' },
    },
    {
      name: 'no-tests-from-code',
      comment: 'code never imports tests',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^dist/' },
  },
};
