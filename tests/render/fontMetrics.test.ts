import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, advanceWidths, textWidth } from '../../src/render/fontMetrics.ts';

describe('advanceWidths', () => {
  const regular = advanceWidths(readFileSync(FONT_FILES.regular));
  it("reads DejaVu Sans's own advance widths, in ems", () => {
    // 1255, 569 and 1995 units of 2048 in the font's hmtx table.
    expect(regular('a'.codePointAt(0) as number)).toBeCloseTo(1255 / 2048, 6);
    expect(regular('i'.codePointAt(0) as number)).toBeCloseTo(569 / 2048, 6);
    expect(regular('m'.codePointAt(0) as number)).toBeCloseTo(1995 / 2048, 6);
    expect(regular('…'.codePointAt(0) as number)).toBe(1);
  });
  it('refuses bytes that are not a TrueType font', () => {
    expect(() => advanceWidths(Buffer.alloc(64))).toThrow(/no (head|hhea|hmtx|cmap) table/);
  });
});

describe('textWidth', () => {
  it('measures text as resvg draws it in the bundled font', () => {
    for (const [text, bold] of [
      ['US Secretary of State John Kerry met Lavrov in Geneva', false],
      ['Timeline: “regime change” – 2015', true],
    ] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="100"><text x="10" y="60" font-family="DejaVu Sans" font-size="40"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const drawn = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold] } }).getBBox();
      // Never narrower than what is drawn (a label measured to fit does fit); wider by the side bearings of the
      // first and last letters and a little kerning.
      const measured = textWidth(text, 40, bold);
      expect(measured).toBeGreaterThanOrEqual(drawn?.width ?? Number.POSITIVE_INFINITY);
      expect(measured - (drawn?.width ?? 0)).toBeLessThan(8 + 0.015 * measured);
    }
  });
});
