/** How the query's words were read, for the reader: "kery" read as "Kerry", words the corpus does not have. */
export function queryNotes(corrections: ReadonlyArray<readonly [string, string]>, unknown: readonly string[]): string[] {
  const notes: string[] = [];
  if (corrections.length > 0) notes.push(`read ${corrections.map(([typed, read]) => `"${typed}" as "${read}"`).join(', ')}`);
  if (unknown.length > 0) notes.push(`not in the corpus: ${unknown.map((w) => `"${w}"`).join(', ')}`);
  return notes;
}

/** The `notes` field of an answer: absent when there is nothing to say. */
export const withNotes = (notes: string[]): { notes?: string[] } => (notes.length > 0 ? { notes } : {});
