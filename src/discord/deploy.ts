import type { DiscordCommand } from './definitions.ts';

/** What a deploy changes: names added, changed, removed and left as they were. */
export function planDeploy(existing: Array<Record<string, unknown>>, wanted: DiscordCommand[]) {
  const comparable = (c: Record<string, unknown>) =>
    JSON.stringify({
      description: c.description,
      options: c.options ?? [],
      contexts: c.contexts ?? null,
      integration_types: c.integration_types ?? null,
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
