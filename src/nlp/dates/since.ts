import type { DateRule } from './state.ts';
import { expressionAt } from './state.ts';
import { allMatches } from '../text.ts';

/** The word "since" and the space after it. */
const SINCE = /\bsince\s+/gi;

/**
 * "since …": an open range from the start of the date that follows within a few words ("since late
 * September", "since Russia began bombing on Sept. 30"). Right after "since", or when an earlier rule already read
 * "since" as part of the date ("since 2011" as the year 2011), the range takes that date's place: one expression
 * is one date, never a year and a range from it.
 */
export const sinceRanges: DateRule = (state) => {
  for (const m of allMatches(SINCE, state.text)) {
    const next = m.index + m[0].length;
    const after = state.found
      .filter((x) => x.start >= m.index && x.start - next <= 45 && x.value !== null && x.granularity !== 'duration')
      .sort((a, b) => a.start - b.start)[0];
    if (!after) continue;
    const from = (after.value as string).split('/')[0] as string;
    const range = expressionAt(state, m.index, after.end, {
      value: `${from}/..`,
      granularity: 'range',
      basis: {
        kind: 'since',
        from,
        after: { text: after.text, value: after.value, granularity: after.granularity, basis: after.basis },
      },
    });
    if (after.start === next || after.start === m.index) state.found.splice(state.found.indexOf(after), 1, range);
    else state.found.push(range);
  }
};
