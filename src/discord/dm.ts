/**
 * A plain direct message as a command line: a slash command as it is; "who said regime change?" is
 * /who-said; "when did Kerry meet Putin?" is /when; "how did the outlets cover Assad?" or "compare Assad" is
 * /compare; 'did Kerry say "…"?' and 'check "…"' are /verify; anything else is /search.
 */
export function dmToCommandLine(text: string): string {
  const t = text.trim();
  if (t.startsWith('/')) return t;
  const bare = t.replace(/[?!.]+$/, '').trim();
  const who = /^(?:who\s+(?:said|says|is\s+quoted\s+(?:on|about)|talked\s+about)|who\s+spoke\s+(?:about|on))\s+(.+)$/i.exec(bare);
  if (who) return `/who-said ${who[1]}`;
  const when = /^when\s+(?:(?:did|was|were|is|will|does|do|had|has)\s+)?(.+)$/i.exec(bare);
  if (when) return `/when ${when[1]}`;
  const quotes = /^(?:what\s+did\s+(.+?)\s+say|quotes\s+(?:of|by|from)\s+(.+))$/i.exec(bare);
  if (quotes) return `/quotes ${quotes[1] ?? quotes[2]}`;
  const compare = /^(?:compare|how\s+(?:did|do|does)\s+(?:the\s+)?(?:outlets|media|sources)\s+(?:cover|report(?:\s+on)?))\s+(.+)$/i.exec(
    bare,
  );
  if (compare) return `/compare ${compare[1]}`;
  // Only with the words in quotation marks: "did Kerry say anything about Assad" is a search.
  const said = /^did\s+(.+?)\s+(?:really\s+|actually\s+|ever\s+)?say\s+(["“«].+["”»])$/i.exec(bare);
  if (said) return `/verify ${said[2]} speaker:${said[1]}`;
  const check = /^(?:check|verify)\s+(["“«].+["”»])$/i.exec(bare);
  if (check) return `/verify ${check[1]}`;
  if (/^(?:help|\?)$/i.test(bare)) return '/help';
  return `/search ${bare}`;
}
