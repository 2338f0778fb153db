import SearchableMap from 'minisearch/SearchableMap';

/**
 * Words within a few edits of a query word, as MiniSearch's `SearchableMap.fuzzyGet` finds them, the same
 * words with the same distances in the same order, from its radix tree kept in a few arrays and one string.
 *
 * The tree is built by SearchableMap itself (so its shape and the order of every node's branches are
 * SearchableMap's), then flattened: its Maps, one a node, took 5 MB at 10k paragraphs and 9 MB at 100k, all
 * of it live for as long as the bot serves (and a serving process's heap grows to a multiple of what is live
 * before a full collection). The search is SearchableMap's own (Levenshtein rows added as the tree is walked,
 * a branch left as soon as its row is over the limit), run on the arrays; the order of the results decides
 * which word wins a tie in `Lexicon.correct`, so it is kept to the letter (see the tests).
 *
 * @example
 * const near = NearWords.from(new Map([['kerry', 1], ['berry', 2]]));
 * near.search('kery', 1); // [[1, 1]]: "berry" is two edits from "kery"
 */
export class NearWords<T> {
  private constructor(
    /** Node i's branches are `first[i]` to `first[i + 1]`, in the order SearchableMap holds them. */
    private readonly first: Uint32Array,
    /** Branch b's label is `labels.slice(labelStart[b], labelStart[b + 1])`. */
    private readonly labelStart: Uint32Array,
    private readonly labels: string,
    /** Branch b leads to node `to[b]`, or, below 0, is the leaf of value `values[-1 - to[b]]`. */
    private readonly to: Int32Array,
    private readonly values: T[],
  ) {}

  /** The words of `entries` (in their order), for searching. */
  static from<T>(entries: Iterable<[string, T]>): NearWords<T> {
    const tree = SearchableMap.from(entries)._tree;
    type Tree = typeof tree;
    // Nodes numbered breadth first; each node's branches in its Map's order.
    const nodes: Tree[] = [tree];
    const first: number[] = [0];
    const labelParts: string[] = [];
    const labelStart: number[] = [0];
    const to: number[] = [];
    const values: T[] = [];
    let length = 0;
    for (let i = 0; i < nodes.length; i += 1) {
      for (const [label, child] of nodes[i] as Tree) {
        labelParts.push(label);
        length += label.length;
        labelStart.push(length);
        if (label === '') {
          to.push(-1 - values.length);
          values.push(child as T);
        } else {
          to.push(nodes.length);
          nodes.push(child as Tree);
        }
      }
      first.push(to.length);
    }
    return new NearWords(Uint32Array.from(first), Uint32Array.from(labelStart), labelParts.join(''), Int32Array.from(to), values);
  }

  /** The values of the words at most `maxDistance` edits from `query`, with their distances, in SearchableMap's order. */
  search(query: string, maxDistance: number): Array<[T, number]> {
    const results: Array<[T, number]> = [];
    // As SearchableMap's fuzzySearch: the Levenshtein matrix, one row per letter of the word walked.
    const n = query.length + 1;
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; ++j) matrix[j] = j;
    for (let i = 1; i < m; ++i) matrix[i * n] = i;
    this.walk(0, query, maxDistance, results, matrix, 1, n);
    return results;
  }

  /** SearchableMap's `recurse`, on node `node` whose word so far fills rows up to `m`. */
  private walk(
    node: number,
    query: string,
    maxDistance: number,
    results: Array<[T, number]>,
    matrix: Uint8Array,
    m: number,
    n: number,
  ): void {
    const offset = m * n;
    branches: for (let b = this.first[node] as number; b < (this.first[node + 1] as number); b += 1) {
      const target = this.to[b] as number;
      if (target < 0) {
        const distance = matrix[offset - 1] as number;
        if (distance <= maxDistance) results.push([this.values[-1 - target] as T, distance]);
        continue;
      }
      let i = m;
      for (let pos = this.labelStart[b] as number; pos < (this.labelStart[b + 1] as number); ++pos, ++i) {
        const char = this.labels[pos];
        const thisRowOffset = n * i;
        const prevRowOffset = thisRowOffset - n;
        let minDistance = matrix[thisRowOffset] as number;
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; ++j) {
          const different = char !== query[j];
          const rpl = (matrix[prevRowOffset + j] as number) + +different;
          const del = (matrix[prevRowOffset + j + 1] as number) + 1;
          const ins = (matrix[thisRowOffset + j] as number) + 1;
          const dist = (matrix[thisRowOffset + j + 1] = Math.min(rpl, del, ins));
          if (dist < minDistance) minDistance = dist;
        }
        if (minDistance > maxDistance) continue branches;
      }
      this.walk(target, query, maxDistance, results, matrix, i, n);
    }
  }
}
