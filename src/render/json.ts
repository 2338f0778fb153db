import type { Answer } from '../answer/types.ts';
import { toJsonLine } from './safeText.ts';

/** An answer as one line of JSON: the shape documented in the README, control characters escaped. */
export const renderJson = (answer: Answer): string => toJsonLine(answer);
