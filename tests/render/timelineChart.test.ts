import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../../src/answer/types.ts';
import {
  CHART_FONT,
  CHART_WIDTH,
  type ChartEvent,
  type ChartMark,
  fitText,
  spanOf,
  timelineChartSpec,
} from '../../src/render/timelineChart.ts';
import { textWidth } from '../../src/render/fontMetrics.ts';
import { ask } from '../support/helpers.ts';

/** The chart's two data sets, as the specification holds them. */
function dataOf(answer: Answer): { events: ChartEvent[]; marks: ChartMark[] } {
  const spec = timelineChartSpec(answer) as unknown as { datasets: { events: ChartEvent[]; marks: ChartMark[] } };
  return spec.datasets;
}

/** A /timeline result with what the chart reads: its date, words, precision and the outlets it cites. */
const result = (date: string, granularity: string, outlets: Array<string | null>, text = `event of ${date}`): Result => ({
  text,
  date,
  details: { when: `when ${date}`, granularity },
  citations: outlets.map((outlet, i) => ({
    article: `article-${i}`,
    outlet,
    title: null,
    url: null,
    urlKnown: false,
    link: null,
    published: null,
    paragraph: 1,
    offsets: [0, 1],
  })),
});

const answerOf = (results: Result[], more: Partial<Answer> = {}): Answer => ({
  command: 'timeline',
  query: '',
  results,
  total: results.length,
  ...more,
});

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('spanOf', () => {
  it('gives a day, a month, a year and a range the times they cover', () => {
    expect(spanOf('2015-12-15')).toEqual({ start: day('2015-12-15'), end: day('2015-12-16'), openStart: false, openEnd: false });
    expect(spanOf('2015-02')).toEqual({ start: day('2015-02-01'), end: day('2015-03-01'), openStart: false, openEnd: false });
    expect(spanOf('2016')).toEqual({ start: day('2016-01-01'), end: day('2017-01-01'), openStart: false, openEnd: false });
    expect(spanOf('2016-05/2016-08')).toEqual({ start: day('2016-05-01'), end: day('2016-09-01'), openStart: false, openEnd: false });
  });
  it('leaves the open side of "since 2011" and "until 2015" open', () => {
    const since = spanOf('2011/..');
    expect(since).toMatchObject({ start: day('2011-01-01'), openStart: false, openEnd: true });
    expect(Number.isNaN(since?.end)).toBe(true);
    const until = spanOf('../2015-12-15');
    expect(until).toMatchObject({ end: day('2015-12-16'), openStart: true, openEnd: false });
  });
  it('gives no span for what is not a date', () => {
    expect(spanOf('PT10H')).toBeNull();
    expect(spanOf('')).toBeNull();
  });
});

describe('fitText', () => {
  it('keeps a text that fits, and cuts one that does not at a word, with an ellipsis', () => {
    expect(fitText('Kerry met  Lavrov', 20, 1000)).toBe('Kerry met Lavrov');
    const cut = fitText('Kerry met Lavrov in Geneva on Friday, and Putin will visit Paris in May', 20, 300);
    expect(cut).toMatch(/^Kerry met .* …$/);
    expect(textWidth(cut, 20)).toBeLessThanOrEqual(300);
    expect('Kerry met Lavrov in Geneva on Friday, and Putin will visit Paris in May'.startsWith(cut.slice(0, -2))).toBe(true);
  });
  it('cuts a first word longer than the line by characters', () => {
    const cut = fitText('Supercalifragilisticexpialidocious', 20, 100);
    expect(cut.endsWith(' …')).toBe(true);
    // Cut where it stops fitting, not with the narrow letters further on picked up.
    expect('Supercalifragilisticexpialidocious'.startsWith(cut.slice(0, -2))).toBe(true);
    expect(textWidth(cut, 20)).toBeLessThanOrEqual(100);
  });
});

describe('timelineChartSpec', () => {
  it("holds every event of the seeds' timeline, under its number, with its date and words", () => {
    const answer = ask('/timeline');
    expect(answer.total).toBe(answer.results.length);
    expect(answer.results.length).toBeGreaterThan(10);
    const { events, marks } = dataOf(answer);
    expect(events.map((e) => [e.number, e.date, e.text])).toEqual(answer.results.map((r, i) => [i + 1, r.date, r.text]));
    // Each event has a mark for each outlet it cites, in that outlet's colour.
    for (const [i, r] of answer.results.entries()) {
      const outlets = [...new Set(r.citations.map((c) => c.outlet ?? c.article))];
      expect(marks.filter((m) => m.number === i + 1).map((m) => m.outlet)).toEqual(outlets);
    }
  });
  it('numbers the events of a later page as the answer does', () => {
    const page2 = answerOf([result('2015-12-15', 'day', ['A']), result('2015-12-16', 'day', ['B'])], { page: 2, perPage: 30, total: 45 });
    const { events } = dataOf(page2);
    expect(events[0]?.number).toBe(31);
    const spec = timelineChartSpec(page2) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle[0]).toMatch(/^events 31–32 of 45;/);
  });
  it('draws a day as a dot, a month or a range as a bar, and an open range to the edge of the axis', () => {
    const answer = answerOf([
      result('2011/..', 'range', ['Global Research']),
      result('2015-12-15', 'day', ['Press TV', 'Daily Sabah', 'Press TV']),
      result('2016-05/2016-08', 'range', [null]),
      result('2016-08', 'month', ['Press TV']),
    ]);
    const { marks } = dataOf(answer);
    expect(marks.map((m) => [m.number, m.outlet, m.shape, m.openStart, m.openEnd])).toEqual([
      [1, 'Global Research', 'bar', false, true],
      [2, 'Press TV', 'point', false, false],
      [2, 'Daily Sabah', 'point', false, false],
      [3, 'article-0', 'bar', false, false],
      [4, 'Press TV', 'bar', false, false],
    ]);
    const spec = timelineChartSpec(answer) as unknown as { layer: Array<{ encoding: { x?: { scale?: { domain: number[] } } } }> };
    const domain = spec.layer.map((l) => l.encoding.x?.scale?.domain).find((d) => d !== undefined) as number[];
    const since = marks[0] as ChartMark;
    // Open: runs past every date the answer gives, to just short of the axis's end, where its arrow is.
    expect(since.end).toBeGreaterThan(day('2016-09-01'));
    expect(since.end).toBeLessThan(domain[1] as number);
    expect(domain[0]).toBeLessThan(day('2011-01-01'));
    // Two lanes of one event stand one under the other.
    expect((marks[2] as ChartMark).y).toBeGreaterThan((marks[1] as ChartMark).y);
  });
  it('draws with the bundled font, at the stated width, with the labels inside it', () => {
    const answer = ask('/timeline');
    const spec = timelineChartSpec(answer) as unknown as { width: number; config: { font: string }; padding: number };
    expect(spec.width).toBe(CHART_WIDTH);
    expect(spec.config.font).toBe(CHART_FONT);
    for (const e of dataOf(answer).events) expect(textWidth(e.label, 22)).toBeLessThanOrEqual(CHART_WIDTH - 2 * spec.padding);
  });
  it("is titled with the answer's topic", () => {
    const spec = timelineChartSpec(ask('/timeline geneva')) as unknown as { title: { text: string } };
    expect(spec.title.text).toBe('Timeline: geneva');
  });
});
