/**
 * Vega-Lite specifications to PNG: compiled by vega-lite, drawn to SVG by vega (headless, no canvas), and
 * rasterised by resvg with the bundled font alone, so that a picture is the same on every machine. The three
 * libraries are loaded when the first picture is asked for, never at start-up (they take a few tenths of a
 * second to load).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Answer } from '../answer/types.ts';
import { FONT_FILES, textWidth } from './fontMetrics.ts';
import { CHART_FONT, timelineChartSpec } from './timelineChart.ts';

export interface Picture {
  png: Buffer;
  width: number;
  height: number;
}

/** What vega reads of a text item to measure it. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** vega's text measure (vega-scenegraph's `textMetrics`, exported by vega but not in its types). */
interface TextMetrics {
  width: (item: TextItem, text: string) => number;
}

const isBold = (weight: TextItem['fontWeight']): boolean => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;

/**
 * The SVG vega draws for a Vega-Lite specification, its text measured in the bundled font. A warning of
 * vega-lite's (a channel dropped, scales in conflict) is a mistake in the specification: it throws.
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) =>
    textWidth(String(text ?? '').trim(), item.fontSize === undefined ? 11 : Number(item.fontSize), isBold(item.fontWeight));
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const compiled = vegaLite.compile(spec, { logger }).spec;
  if (warnings.length > 0) throw new Error(`the chart's specification is wrong: ${warnings.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A Vega-Lite specification as a PNG, at the size vega lays it out (one pixel a unit). */
export async function chartPng(spec: TopLevelSpec): Promise<Picture> {
  const svg = await chartSvg(spec);
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
    background: 'white',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The timeline picture of a `/timeline` answer; null when it has no event to draw. */
export async function timelinePng(answer: Answer): Promise<Picture | null> {
  if (answer.command !== 'timeline' || answer.error || answer.results.length === 0) return null;
  return chartPng(timelineChartSpec(answer));
}
