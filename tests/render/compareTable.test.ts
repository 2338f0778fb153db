import { describe, expect, it } from 'vitest';
import { renderCompare, TABLE_WIDTH, wrap } from '../../src/render/compareTable.ts';
import { plainStyle, renderTerminal } from '../../src/render/terminal.ts';
import { ask } from '../support/helpers.ts';

describe('/compare at the terminal', () => {
  it('wraps a cell at spaces, cutting only a word longer than the column', () => {
    expect(wrap('Keith Preston (6), John Kerry (2)', 14)).toEqual(['Keith Preston', '(6), John', 'Kerry (2)']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 5)).toEqual(['']);
  });

  it('shows the outlets side by side in a table that fits 100 columns, then each claim with its citation', () => {
    const a = ask('/compare Assad');
    const text = renderTerminal(a);
    expect(text).toBe(renderCompare(a, plainStyle));
    const lines = text.split('\n');
    const table = lines.slice(0, lines.indexOf(''));
    expect(table[0]).toMatch(/^outlet\s+¶ on topic\s+speakers quoted \(quotes\)\s+only here\s+distinctive words \(z\)$/);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(TABLE_WIDTH);
    for (const outlet of ['Al-Alam News Network', 'Global Research', 'Press TV', 'LidTime', 'Daily Sabah'])
      expect(table.some((l) => l.startsWith(outlet))).toBe(true);
    expect(table.find((l) => l.startsWith('Press TV'))).toMatch(/^Press TV\s+7 in 1\s+Keith Preston \(6\)\s+6\s+government \(3\.22\)/);
    expect(text).toContain('3. Press TV: 7 paragraphs on the topic in 1 article');
    expect(text).toContain(
      '   word “government” (z 3.22; here 8, the others 1): “The analyst said Russians want to maintain the **government**',
    );
    expect(text).toMatch(
      /\n {5}— Press TV, “US seeks to eliminate Assad govt\. because it’s against hegemony”, 2016-08-29, ¶11\n {7}http:\/\/presstv\.ir\/Detail\/2016\/08\/29\/482209\/US-eliminate-Assad-government#:~:text=/,
    );
    expect(text).toContain('note: paragraphs on the topic: those /search finds for it scoring at least a third of the best');
  });

  it('says why there is no table when fewer than two outlets are on the topic', () => {
    expect(renderTerminal(ask('/compare bandar'))).toBe(
      'note: only Global Research has paragraphs on "bandar" (1): /compare needs two outlets on the topic; /search bandar lists them',
    );
  });
});
