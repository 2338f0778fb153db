import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LIMITS } from './limits.ts';

/**
 * The state of a Previous / Next button, kept in the button's custom id so that paging survives a restart:
 * the command line that made the answer, the page, and who may turn it. The line is kept as it is when it
 * fits, and compressed when not; a line too long even then cannot be paged (the answer shows its first page).
 */
export interface PageState {
  line: string;
  page: number;
  userId: string;
}

const PREFIX = 'qd1';

export function encodePageState(state: PageState): string | null {
  const head = `${PREFIX}|${state.page}|${state.userId}|`;
  const plain = `${head}p${state.line}`;
  if (plain.length <= LIMITS.customId) return plain;
  const packed = `${head}z${deflateRawSync(Buffer.from(state.line, 'utf8')).toString('base64url')}`;
  return packed.length <= LIMITS.customId ? packed : null;
}

/** The state in a custom id, or null when it is not one of ours or cannot be read. */
export function decodePageState(customId: string): PageState | null {
  const m = /^qd1\|(\d{1,4})\|(\d{1,25})\|([pz])(.*)$/s.exec(customId);
  if (!m) return null;
  let line: string;
  try {
    line = m[3] === 'p' ? (m[4] as string) : inflateRawSync(Buffer.from(m[4] as string, 'base64url')).toString('utf8');
  } catch {
    return null;
  }
  if (!line.startsWith('/')) return null;
  return { page: Number(m[1]), userId: m[2] as string, line };
}
