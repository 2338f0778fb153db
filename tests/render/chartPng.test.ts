import { describe, expect, it } from 'vitest';
import { chartSvg, timelinePng } from '../../src/render/chartPng.ts';
import { CHART_WIDTH, type ChartEvent, timelineChartSpec } from '../../src/render/timelineChart.ts';
import { ask } from '../support/helpers.ts';
import { pngSize } from '../support/png.ts';

/** Text as SVG writes it between tags. */
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('timelinePng', () => {
  it("draws the seeds' timeline as a PNG of the size it states, 1000 pixels wide", async () => {
    const picture = await timelinePng(ask('/timeline'));
    expect(picture).not.toBeNull();
    const { png, width, height } = picture as NonNullable<typeof picture>;
    expect(pngSize(png)).toEqual({ width, height });
    expect(width).toBe(CHART_WIDTH);
    // One row an event at least, and the title, legend and axes.
    expect(height).toBeGreaterThan(16 * 50);
  });
  it('draws nothing for an answer with no event, an error or another command', async () => {
    expect(await timelinePng(ask('/timeline zzzqqq'))).toBeNull();
    expect(await timelinePng(ask('/timeline from:2016 to:2015'))).toBeNull();
    expect(await timelinePng(ask('/search kerry'))).toBeNull();
  });
});

describe('chartSvg', () => {
  it("writes every event's label in the bundled font", async () => {
    const answer = ask('/timeline');
    const spec = timelineChartSpec(answer);
    const svg = await chartSvg(spec);
    const { events } = (spec as unknown as { datasets: { events: ChartEvent[] } }).datasets;
    expect(events).toHaveLength(answer.results.length);
    for (const e of events) expect(svg).toContain(`>${xmlText(e.label)}<`);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
  });
  it('refuses a specification vega-lite warns about, rather than draw something else', async () => {
    // A temporal domain given on a bar's x with its x2: vega-lite reads it twice and draws the union.
    const spec = {
      data: { values: [{ a: 0, b: 1 }] },
      mark: 'rect',
      encoding: { x: { field: 'a', type: 'temporal', scale: { domain: [0, 5] } }, x2: { field: 'b' } },
    };
    await expect(chartSvg(spec as never)).rejects.toThrow(/specification is wrong/);
  });
});
