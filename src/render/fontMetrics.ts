/**
 * Text widths from the bundled font's own advance widths (its `cmap`, `hmtx`, `hhea` and `head` tables), so
 * that the chart lays text out as resvg will draw it: vega measures text with a canvas, which a headless
 * renderer has not, and guesses 0.8 em a character without one (far too wide for DejaVu Sans).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../codeVersion.mjs';

const FONTS = join(ROOT, 'assets', 'fonts');

/** The bundled fonts' files (DejaVu Sans, regular and bold; their licence beside them). */
export const FONT_FILES = { regular: join(FONTS, 'DejaVuSans.ttf'), bold: join(FONTS, 'DejaVuSans-Bold.ttf') } as const;

/** A font's advance width of a character, in ems. */
export type Advance = (codePoint: number) => number;

/** The tables of a TrueType file by tag: where each starts. */
function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  return tables;
}

/** The glyph of a character by the font's Unicode map (cmap format 4, the Basic Multilingual Plane); 0 when it has none. */
function glyphReader(font: Buffer, cmap: number): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const offset = cmap + font.readUInt32BE(at + 4);
    if (platform === 3 && encoding === 1 && font.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error('the font has no Unicode character map of format 4');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (c) => {
    if (c > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (font.readUInt16BE(ends + 2 * i) < c) continue;
      const start = font.readUInt16BE(starts + 2 * i);
      if (start > c) return 0;
      const delta = font.readUInt16BE(deltas + 2 * i);
      const rangeAt = rangeOffsets + 2 * i;
      const range = font.readUInt16BE(rangeAt);
      if (range === 0) return (c + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeAt + range + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The advance widths of a TrueType font, in ems, read from its bytes. */
export function advanceWidths(font: Buffer): Advance {
  const tables = tableOffsets(font);
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`the font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const metrics = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const glyphOf = glyphReader(font, at('cmap'));
  const cache = new Map<number, number>();
  return (c) => {
    let w = cache.get(c);
    if (w === undefined) {
      // Glyphs past the last metric share its advance.
      const glyph = Math.min(glyphOf(c), metrics - 1);
      w = font.readUInt16BE(hmtx + 4 * glyph) / unitsPerEm;
      cache.set(c, w);
    }
    return w;
  };
}

const loaded = new Map<keyof typeof FONT_FILES, Advance>();

/** The advance widths of a bundled font, read when first needed. */
function advanceOf(weight: keyof typeof FONT_FILES): Advance {
  let advance = loaded.get(weight);
  if (advance === undefined) {
    advance = advanceWidths(readFileSync(FONT_FILES[weight]));
    loaded.set(weight, advance);
  }
  return advance;
}

/** How wide the text is, in pixels, in the bundled font at this size (kerning aside). */
export function textWidth(text: string, size: number, bold = false): number {
  const advance = advanceOf(bold ? 'bold' : 'regular');
  let ems = 0;
  for (const ch of text) ems += advance(ch.codePointAt(0) as number);
  return ems * size;
}
