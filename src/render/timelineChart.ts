/**
 * The `/timeline` picture as a Vega-Lite specification, made from the plain answer: one row per event, in the
 * answer's order, its words on a line of their own and under them one lane per outlet that gives it, on a
 * shared date axis. A day is a dot, a month, a year or a range a bar, and a range that goes on ("since 2011")
 * runs to the edge of the axis and ends in an arrow. Pure: nothing here renders (see chartPng.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { daysOf } from '../answer/dates.ts';
import type { Answer, Result } from '../answer/types.ts';
import { textWidth } from './fontMetrics.ts';

/** The family of the bundled font (assets/fonts/): the only one the renderer loads. */
export const CHART_FONT = 'DejaVu Sans';

/** The picture's width in pixels: readable on a phone at full width, sharp on a desktop. */
export const CHART_WIDTH = 1000;

const PADDING = 16;
const LABEL_SIZE = 22;
/** The label line above an event's lanes, the height of a lane and the gap under the last one. */
const LABEL_HEIGHT = 31;
const LANE_HEIGHT = 19;
const BAR_THICKNESS = 14;
const ROW_GAP = 11;
const DAY_MS = 86_400_000;
/** The narrowest bar drawn, and how far an open range's arrow stands in from the edge, in pixels. */
const MIN_BAR = 7;
const ARROW_INSET = 8;
/** How far the axis reaches past the first and last dates, as a share of the time they span. */
const DOMAIN_MARGIN = 0.04;

/** One event of the answer, as the chart shows it; `date` and `text` are the answer's own. */
export interface ChartEvent {
  /** The result's number in the whole answer, as the text answer numbers it. */
  number: number;
  date: string;
  text: string;
  when: string;
  /** The words shown on the event's line: its number, date and the start of its sentence. */
  label: string;
  outlets: string[];
  /** Where the label's baseline is, in pixels from the top of the plot. */
  labelY: number;
  /** The row's top and bottom, for the stripe behind every other row. */
  top: number;
  bottom: number;
  stripe: boolean;
}

/** One lane: one outlet's mark of one event. Times are milliseconds since 1970 (UTC). */
export interface ChartMark {
  number: number;
  outlet: string;
  shape: 'point' | 'bar';
  start: number;
  end: number;
  mid: number;
  /** The lane's centre and the bar's top and bottom, in pixels from the top of the plot. */
  y: number;
  y0: number;
  y1: number;
  /** The range has no start ("until 2015") or no end ("since 2011"): it runs to the axis's edge. */
  openStart: boolean;
  openEnd: boolean;
}

const timeOf = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * The times a date covers, [start, end) in milliseconds, with its open sides; null for a value that is no
 * date (a length). A side left open is NaN until the axis is known.
 */
export function spanOf(value: string): { start: number; end: number; openStart: boolean; openEnd: boolean } | null {
  const days = daysOf(value);
  if (days === null) return null;
  const [lo, hi] = value.split('/');
  const openStart = lo === '..';
  const openEnd = hi === '..';
  return {
    start: openStart ? Number.NaN : timeOf(days.from),
    end: openEnd ? Number.NaN : timeOf(days.to) + DAY_MS,
    openStart,
    openEnd,
  };
}

/** The outlets a result cites, each once, in the order of its citations (the earliest first). */
const outletsOf = (r: Result): string[] => [...new Set(r.citations.map((c) => c.outlet ?? c.article))];

/** The text cut at a word to fit the width, with an ellipsis when cut. */
export function fitText(text: string, size: number, width: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, size) <= width) return clean;
  const room = width - textWidth(' …', size);
  let cut = '';
  for (const word of clean.split(' ')) {
    const next = cut === '' ? word : `${cut} ${word}`;
    if (textWidth(next, size) > room) break;
    cut = next;
  }
  // A first word longer than the line is cut by characters.
  if (cut === '') {
    for (const ch of clean) {
      if (textWidth(cut + ch, size) > room) break;
      cut += ch;
    }
  }
  return `${cut.replace(/[\s,;:–—-]+$/, '')} …`;
}

/** The events and lanes of the answer, laid out from the top; the height of the rows. */
function layout(answer: Answer, plotWidth: number): { events: ChartEvent[]; marks: ChartMark[]; height: number } {
  const first = ((answer.page ?? 1) - 1) * (answer.perPage ?? 0) + 1;
  const events: ChartEvent[] = [];
  const marks: ChartMark[] = [];
  let top = 0;
  answer.results.forEach((r, i) => {
    const number = first + i;
    const date = r.date ?? '';
    const span = spanOf(date);
    const outlets = outletsOf(r);
    const lanes = span === null ? 0 : Math.max(1, outlets.length);
    const when = String(r.details?.when ?? date);
    const bottom = top + LABEL_HEIGHT + lanes * LANE_HEIGHT + ROW_GAP;
    events.push({
      number,
      date,
      text: r.text,
      when,
      label: fitText(`${number}. ${when} · ${r.text}`, LABEL_SIZE, plotWidth),
      outlets,
      labelY: top + LABEL_SIZE + 3,
      top,
      bottom,
      stripe: i % 2 === 1,
    });
    if (span !== null) {
      // A single day is a dot; anything longer, read from the value itself, a bar.
      const shape = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'point' : 'bar';
      (outlets.length > 0 ? outlets : ['unknown outlet']).forEach((outlet, lane) => {
        const y = top + LABEL_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
        const mid = (span.start + span.end) / 2;
        marks.push({ number, outlet, shape, ...span, mid, y, y0: y - BAR_THICKNESS / 2, y1: y + BAR_THICKNESS / 2 });
      });
    }
    top = bottom;
  });
  return { events, marks, height: Math.max(top, LABEL_HEIGHT) };
}

/** The axis's reach: the dates shown, with a margin; a range's open side runs to the edge of it. */
function axisDomain(marks: ChartMark[]): [number, number] {
  const known = marks.flatMap((m) => [m.start, m.end]).filter((t) => Number.isFinite(t));
  const lo = known.length > 0 ? Math.min(...known) : Date.UTC(2000, 0, 1);
  const hi = known.length > 0 ? Math.max(...known) : lo + DAY_MS;
  // A lone day would give an axis of one day: show a month around it at least.
  const span = Math.max(hi - lo, 30 * DAY_MS);
  const centre = (lo + hi) / 2;
  const margin = span * DOMAIN_MARGIN;
  return [Math.min(lo, centre - span / 2) - margin, Math.max(hi, centre + span / 2) + margin];
}

/** Ticks and their format for the time the axis spans: years, months, weeks or days, about seven at most. */
function ticksFor([lo, hi]: [number, number]): {
  tickCount: { interval: 'year' | 'month' | 'week' | 'day'; step: number };
  format: string;
} {
  const days = (hi - lo) / DAY_MS;
  if (days > 3 * 365) return { tickCount: { interval: 'year', step: Math.ceil(days / 365 / 7) }, format: '%Y' };
  if (days > 120) return { tickCount: { interval: 'month', step: Math.ceil(days / 30 / 6) }, format: '%b %Y' };
  if (days > 21) return { tickCount: { interval: 'week', step: Math.ceil(days / 7 / 6) }, format: '%-d %b %Y' };
  return { tickCount: { interval: 'day', step: Math.ceil(days / 6) }, format: '%-d %b %Y' };
}

/** The chart's title: the command and its topic. */
const titleOf = (answer: Answer): string => (answer.query.trim() === '' ? 'Timeline' : `Timeline: ${answer.query.trim()}`);

/** The line under the title: how many events, which of them, and how to read the marks. */
function subtitleOf(answer: Answer, events: ChartEvent[]): string[] {
  const total = answer.total ?? events.length;
  const which =
    events.length < total && events.length > 0
      ? `events ${events[0]?.number}–${events[events.length - 1]?.number} of ${total}`
      : `${total} event${total === 1 ? '' : 's'}`;
  return [`${which}; the corpus's own dates, each at its precision`, 'a day is a dot, a month or a range a bar, ▶ a range that goes on'];
}

/**
 * The Vega-Lite specification of the timeline picture of an answer: its data are the answer's results as
 * they stand (every event of the answer, in its order, under its number), so what the picture shows can be
 * checked against the answer without drawing it.
 */
export function timelineChartSpec(answer: Answer): TopLevelSpec {
  const plotWidth = CHART_WIDTH - 2 * PADDING;
  const { events, marks, height } = layout(answer, plotWidth);
  const domain = axisDomain(marks);
  const ticks = ticksFor(domain);
  const [lo, hi] = domain;
  // A bar is drawn at least MIN_BAR pixels wide (a week in six years is a hairline), around its middle; an
  // open side stops short of the edge, where its arrow's point is.
  const perPixel = (hi - lo) / plotWidth;
  const drawn = marks.map((m) => {
    const start = m.openStart ? lo + ARROW_INSET * perPixel : m.start;
    const end = m.openEnd ? hi - ARROW_INSET * perPixel : m.end;
    const widen = Math.max(0, MIN_BAR * perPixel - (end - start)) / 2;
    return { ...m, start: start - widen, end: end + widen };
  });
  const outlets = [...new Set(marks.map((m) => m.outlet))];
  // The one definition of the shared time scale (on the dots: given with a bar's x2, vega-lite reads its domain twice).
  const x = { field: 'start', type: 'temporal' as const, scale: { type: 'utc' as const, domain: [lo, hi], nice: false }, title: null };
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain: [0, height], reverse: true, nice: false, zero: false },
    axis: null,
  });
  // Ten colours tell ten outlets apart best; twenty, paired light and dark, where there are more.
  const scheme = outlets.length <= 10 ? 'tableau10' : 'tableau20';
  const color = { field: 'outlet', type: 'nominal' as const, scale: { domain: outlets, scheme }, title: 'Outlet' };
  const axis = (orient: 'top' | 'bottom') => ({
    orient,
    format: ticks.format,
    tickCount: ticks.tickCount,
    grid: orient === 'bottom',
    // Labels near either end are set inside the plot, not centred past its edge (which would narrow the plot).
    labelFlush: 90,
    labelOverlap: 'greedy' as const,
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: PADDING,
    background: 'white',
    title: { text: titleOf(answer), subtitle: subtitleOf(answer, events), anchor: 'start' },
    datasets: { events, marks: drawn },
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      title: { fontSize: 32, fontWeight: 'bold', subtitleFontSize: 20, subtitleColor: '#444', subtitlePadding: 6, offset: 14 },
      axis: { labelFontSize: 20, labelColor: '#222', gridColor: '#ddd', domainColor: '#888', tickColor: '#888' },
      legend: {
        orient: 'top',
        direction: 'horizontal',
        columns: 3,
        labelFontSize: 20,
        titleFontSize: 20,
        symbolSize: 300,
        symbolType: 'square',
        labelLimit: 300,
        columnPadding: 18,
        rowPadding: 6,
      },
    },
    layer: [
      {
        data: { name: 'events' },
        transform: [{ filter: 'datum.stripe' }],
        mark: { type: 'rect', color: '#f3f4f7' },
        encoding: { x: { value: 0 }, x2: { value: 'width' }, y: y('top'), y2: { field: 'bottom' } },
      },
      {
        data: { name: 'events' },
        mark: { type: 'text', align: 'left', baseline: 'alphabetic', fontSize: LABEL_SIZE, color: '#111' },
        encoding: { x: { value: 0 }, y: y('labelY'), text: { field: 'label' } },
      },
      {
        data: { name: 'marks' },
        transform: [{ filter: "datum.shape === 'bar'" }],
        mark: { type: 'rect', cornerRadius: 3 },
        encoding: {
          x: { field: 'start', type: 'temporal', axis: axis('bottom'), title: null },
          x2: { field: 'end' },
          y: y('y0'),
          y2: { field: 'y1' },
          color,
        },
      },
      {
        data: { name: 'marks' },
        transform: [{ filter: "datum.shape === 'point'" }],
        mark: { type: 'point', shape: 'circle', filled: true, size: 300, opacity: 1, stroke: 'white', strokeWidth: 1.5 },
        encoding: { x: { ...x, field: 'mid', axis: axis('top') }, y: y('y'), color },
      },
      {
        data: { name: 'marks' },
        transform: [{ filter: 'datum.openEnd' }],
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: 380, opacity: 1 },
        encoding: { x: { field: 'end', type: 'temporal', axis: null }, y: y('y'), color },
      },
      {
        data: { name: 'marks' },
        transform: [{ filter: 'datum.openStart' }],
        mark: { type: 'point', shape: 'triangle-left', filled: true, size: 380, opacity: 1 },
        encoding: { x: { field: 'start', type: 'temporal', axis: null }, y: y('y'), color },
      },
    ],
    resolve: { axis: { x: 'independent' } },
  };
  return spec;
}
