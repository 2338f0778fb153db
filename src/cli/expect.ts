/**
 * Expectations in a harness script: a line `expect <path> <op> [value]` after a command states what its
 * answer must show, so a research group can keep a file of questions and be told when an answer changes.
 *
 *     /who-said regime change
 *     expect results >= 1
 *     expect results[0].citations[*].outlet contains Daily Sabah
 *     expect all results[*].citations[*].url matches ^https?://
 *     expect error missing
 *
 * A path walks the JSON answer; `[*]` stands for every element, and the expectation holds when any value
 * meets it (prefix `all` to need every one; `!=`, `!contains` and `missing` always need every one).
 * Where the path ends at a list, numbers compare with its length.
 */
export type Operator = '=' | '!=' | '>=' | '<=' | '>' | '<' | 'contains' | '!contains' | 'matches' | 'exists' | 'missing';

export interface Expectation {
  line: number;
  source: string;
  all: boolean;
  path: Array<string | number | '*'>;
  op: Operator;
  value: string;
}

export class ExpectationSyntaxError extends Error {
  override name = 'ExpectationSyntaxError';
}

const OPERATORS: readonly Operator[] = ['!contains', 'contains', 'matches', 'exists', 'missing', '>=', '<=', '!=', '=', '>', '<'];

function parsePath(text: string): Expectation['path'] {
  const path: Expectation['path'] = [];
  for (const m of text.matchAll(/([A-Za-z_][\w-]*)|\[(\d+|\*)\]/g)) {
    if (m[1] !== undefined) path.push(m[1]);
    else path.push(m[2] === '*' ? '*' : Number(m[2]));
  }
  const rebuilt = path
    .map((p) => (typeof p === 'string' && p !== '*' ? `.${p}` : `[${p}]`))
    .join('')
    .replace(/^\./, '');
  if (rebuilt !== text) throw new ExpectationSyntaxError(`cannot read the path "${text}" (write it like results[0].citations[*].outlet)`);
  return path;
}

/** Reads `expect …` (without the word `expect`). */
export function parseExpectation(body: string, line: number): Expectation {
  let rest = body.trim();
  let all = false;
  if (/^all\s/.test(rest)) {
    all = true;
    rest = rest.slice(4).trim();
  }
  const m = /^(\S+)\s+(\S+)\s*(.*)$/.exec(rest);
  const op = m?.[2] as Operator | undefined;
  if (!m || !op || !OPERATORS.includes(op)) {
    throw new ExpectationSyntaxError(`expected "expect <path> <${OPERATORS.join('|')}> [value]", got "expect ${body.trim()}"`);
  }
  let value = (m[3] as string).trim();
  const quoted = /^"(.*)"$/.exec(value);
  if (quoted) value = quoted[1] as string;
  if ((op === 'exists' || op === 'missing') !== (value === '')) {
    throw new ExpectationSyntaxError(op === 'exists' || op === 'missing' ? `${op} takes no value` : `${op} needs a value`);
  }
  if (['>=', '<=', '>', '<'].includes(op) && !/^-?\d+(?:\.\d+)?$/.test(value)) {
    throw new ExpectationSyntaxError(`${op} compares numbers; "${value}" is not one`);
  }
  if (op === 'matches') {
    try {
      new RegExp(value, 'i');
    } catch {
      throw new ExpectationSyntaxError(`not a regular expression: ${value}`);
    }
  }
  return { line, source: `expect ${body.trim()}`, all, path: parsePath(m[1] as string), op, value };
}

/** Every value the path reaches in the answer (undefined where it leads nowhere). */
function walk(value: unknown, path: Expectation['path']): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v) => walk(v, rest)) : [undefined];
  // Only the answer's own fields: "toString" or "constructor" is no field of a JSON answer, nor "length" of a list.
  if (Array.isArray(value)) return typeof head === 'number' ? walk(value[head], rest) : [undefined];
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, head as string | number)) return [undefined];
  return walk((value as Record<string | number, unknown>)[head as string | number], rest);
}

function holds(actual: unknown, op: Operator, expected: string): boolean {
  if (op === 'exists') return actual !== undefined && actual !== null;
  if (op === 'missing') return actual === undefined || actual === null;
  if (actual === undefined) return op === '!=' || op === '!contains';
  const asNumber = Array.isArray(actual) ? actual.length : typeof actual === 'number' ? actual : Number.NaN;
  const asText = typeof actual === 'string' ? actual : JSON.stringify(actual);
  switch (op) {
    case '=':
      return Number.isNaN(asNumber) ? asText === expected : asNumber === Number(expected);
    case '!=':
      return Number.isNaN(asNumber) ? asText !== expected : asNumber !== Number(expected);
    case '>=':
      return asNumber >= Number(expected);
    case '<=':
      return asNumber <= Number(expected);
    case '>':
      return asNumber > Number(expected);
    case '<':
      return asNumber < Number(expected);
    case 'contains':
      return asText.toLowerCase().includes(expected.toLowerCase());
    case '!contains':
      return !asText.toLowerCase().includes(expected.toLowerCase());
    case 'matches':
      return new RegExp(expected, 'i').test(asText);
  }
}

/** Checks one expectation against an answer; returns null when it holds, else what was found instead. */
export function check(expectation: Expectation, answer: unknown): string | null {
  const values = walk(answer, expectation.path);
  const every = expectation.all || ['!=', '!contains', 'missing'].includes(expectation.op);
  // "all" over nothing would hold by default: an answer that lost its results must fail, not pass.
  if (expectation.all && values.length === 0) return 'got nothing (no values at that path)';
  const ok = every
    ? values.every((v) => holds(v, expectation.op, expectation.value))
    : values.some((v) => holds(v, expectation.op, expectation.value));
  if (ok) return null;
  const shown = values
    .slice(0, 5)
    .map((v) => (v === undefined ? 'nothing' : Array.isArray(v) ? `a list of ${v.length}` : JSON.stringify(v)));
  return `got ${shown.join(', ')}${values.length > 5 ? `, … (${values.length} values)` : ''}`;
}
