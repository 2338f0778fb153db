import type { DiscordCommand } from './definitions.ts';

/**
 * What a deploy changes: names added, changed, removed and left as they were. Discord answers with fields
 * of its own (ids, versions, defaults): only what we send is compared, and contexts and install types only
 * for global commands, where Discord keeps them.
 */
export function planDeploy(existing: Array<Record<string, unknown>>, wanted: DiscordCommand[], scope: 'guild' | 'global' = 'global') {
  const option = (o: Record<string, unknown>) => [o.type, o.name, o.description, o.required === true, o.autocomplete === true];
  const comparable = (c: Record<string, unknown>) =>
    JSON.stringify({
      description: c.description,
      options: ((c.options as Array<Record<string, unknown>> | undefined) ?? []).map(option),
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
