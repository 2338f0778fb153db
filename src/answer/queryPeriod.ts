import { type DayRange, parseDateOption } from './dates.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const YEAR = /^(1\d{3}|20\d{2})$/;

/** A query with the period it names taken out: "kerry moscow july 2016" → "kerry moscow", July 2016. */
export interface QueryPeriod {
  words: string;
  period: DayRange | null;
  /** The words that named the period, as typed ("July 2016"). */
  named: string | null;
}

/**
 * The period a `/when` or `/timeline` query names, read as a filter on dates rather than as words to match:
 * a year ("2015"), a month with its year ("July 2016", "Dec 2015"). A month without a year, or any other
 * number, stays a word: "may" is a verb as often as a month.
 */
export function periodInQuery(query: string): QueryPeriod {
  const tokens = query.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i += 1) {
    const word = (tokens[i] as string).replace(/[,.]$/, '');
    const month = MONTH.exec(word);
    const next = tokens[i + 1]?.replace(/[,.]$/, '');
    if (month && next !== undefined && YEAR.test(next)) {
      const m = MONTH_NAMES.indexOf((month[1] as string).slice(0, 3).toLowerCase()) + 1;
      const period = parseDateOption(`${next}-${String(m).padStart(2, '0')}`);
      return { words: [...tokens.slice(0, i), ...tokens.slice(i + 2)].join(' '), period, named: `${tokens[i]} ${tokens[i + 1]}` };
    }
    if (YEAR.test(word)) {
      return { words: [...tokens.slice(0, i), ...tokens.slice(i + 1)].join(' '), period: parseDateOption(word), named: word };
    }
  }
  return { words: query, period: null, named: null };
}
