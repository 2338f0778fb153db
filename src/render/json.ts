import type { Answer } from '../answer/types.ts';

/** An answer as one line of JSON: the shape documented in the README. */
export const renderJson = (answer: Answer): string => JSON.stringify(answer);
