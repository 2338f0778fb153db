/**
 * The index of a corpus folder kept live, the way Lucene and Tantivy keep theirs: a base (one segment, or one
 * per thread after the first build) and small segments of articles added or changed since (each written once,
 * to a file of its own, see `segment.ts`), deletion marks for articles removed or changed, and merges that fold
 * segments together when they pile up.
 *
 * - An update re-reads only the files it is given (or, given none, every file whose text changed), ingests
 *   only those, and writes them as one new small segment; the articles they replace or remove get deletion
 *   marks. Which files are admitted is decided again over the whole folder in file order, as a full load
 *   decides it (`Admissions`: the first file of an article id or of a text is kept), from what is known of
 *   each file, so a duplicate comes and goes as in a full load.
 * - The corpus answers read is composed from the live segments: articles in file order; one BM25 search over
 *   every segment's paragraphs and dated mentions with global statistics (`SegmentedBm25`), the lexicons
 *   merged, dated mentions renumbered (`EventIndex.compose`; when articles were only added since, their
 *   mentions put in among the others' by `EventIndex.append`), and the quote book put together from each
 *   article's quote facts (`QuoteBook.fromFacts`), or, when articles were only added and the speaker registry
 *   reads the old quotes' speakers as before, grouped on from the last book (`QuoteBook.append`: only the keys
 *   of the new quotes are grouped again): the same answers, scores and order as one index built over the folder
 *   at once.
 * - On disk, crash-safe: a segment file is written and synced before anything names it; then the manifest (the
 *   list of segment files, the deletion marks and what is known of each corpus file) is saved: a line of what
 *   changed appended to its journal and synced, now and then the whole of it written atomically (`manifest.ts`).
 *   Loading reads the manifest and sweeps the files it does not name. A kill at any moment leaves the manifest
 *   before or after the change.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { type Candidate, type CorpusWarning, ingestCandidate, readCandidate } from '../ingest/corpus.ts';
import { listCorpusFiles, listNamedFiles } from '../ingest/files.ts';
import type { Article } from '../model/index.ts';
import { paragraphCountOf } from './articleStore.ts';
import { type LoadOptions, codeFingerprint } from './cache.ts';
import { EventIndex } from './eventIndex.ts';
import { Lexicon, type LexiconEntry, docOfPosition, wordPosition } from './lexicon.ts';
import type { LoadedCorpus } from './loadedCorpus.ts';
import { type BuildResult, type BuildTask, buildSegment } from './buildWorker.ts';
import type { MergeTask } from './mergeWorker.ts';
import { ParagraphIndex } from './paragraphIndex.ts';
import { QuoteBook, type QuoteFacts } from './quoteBook.ts';
import { JOURNAL, MANIFEST, MANIFEST_FORMAT, type FileEntry, type Manifest, ManifestStore } from './manifest.ts';
import { Segment } from './segment.ts';
import { SegmentedBm25 } from './segmentedBm25.ts';
import { type Steps, runInTurns, runNow } from './steps.ts';

/** When merges happen. */
export interface MergePolicy {
  /** Small segments (all but the base's) beyond which they are merged into one. Default 8. */
  maxSmallSegments: number;
  /** Paragraphs in small segments and deleted from the base, as a share of the base, beyond which all merge into a new base. Default 0.1. */
  baseRatio: number;
}

export interface LiveIndexOptions {
  /** The folder of live indexes; each corpus folder gets a folder of its own in it. */
  cacheDir: string;
  merge?: Partial<MergePolicy>;
  onProblem?: (message: string) => void;
  /** For the first build: threads to ingest on, and progress (see `LoadOptions`). */
  threads?: number;
  onProgress?: LoadOptions['onProgress'];
  /** How long a turn of an update in turns lasts (`updateInTurns`), in ms; default 10. */
  turnMs?: number;
}

/** A segment with its deletion marks (positions of its articles). */
interface LiveSegment {
  segment: Segment;
  deleted: Set<number>;
}

/** What an update changed, file by file (see `LiveCorpus`). */
export interface Change {
  file: string;
  kind: 'added' | 'changed' | 'removed' | 'failed';
  article?: string;
  reason?: string;
}

/** The folder of the live index of a corpus folder. */
export const liveIndexDir = (cacheDir: string, corpusDir: string): string =>
  join(cacheDir, `live-${createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16)}`);

/** See the module comment. `open` loads (or builds) it; `update` applies changes; `corpus` is what answers read. */
export class LiveIndex {
  #segments: LiveSegment[] = [];
  #files = new Map<string, FileEntry>();
  #skipped: CorpusWarning[] = [];
  /** Admission's warnings at the last update, in file order (the corpus's warnings are `#skipped`, then these); null until one. */
  #refusals: CorpusWarning[] | null = null;
  /** The article ids and text digests of every text file known (see `#onlyAdding`), made when first needed after a full update. */
  #claims: { ids: Set<string>; digests: Set<string> } | null = null;
  /** The live articles in file order, where each stands, as the last composition had them, and over which segments. */
  #lastOrder: { order: Array<[string, [number, number]]>; segments: readonly LiveSegment[]; deleted: number[] } | null = null;
  #next = 0;
  /** How many of the first segments make up the base (a build writes one per thread); the others are small ones. */
  #bases = 1;
  #corpus: LoadedCorpus;
  readonly #manifest: ManifestStore;
  readonly #policy: MergePolicy;
  readonly #folder: string;

  private constructor(
    readonly dir: string,
    private readonly options: LiveIndexOptions,
  ) {
    this.#folder = liveIndexDir(options.cacheDir, dir);
    this.#manifest = new ManifestStore(this.#folder);
    this.#policy = { maxSmallSegments: 8, baseRatio: 0.1, ...options.merge };
    this.#corpus = { dir, articles: [], warnings: [], ...emptyIndexes(), source: { kind: 'built', reason: 'empty' } };
  }

  /**
   * The saved live index of the folder as its manifest says, without looking at the folder (null when there is
   * none, or it was written by other code or cannot be read). For tests of crash safety, and `open`.
   */
  static openSaved(dir: string, options: LiveIndexOptions): LiveIndex | null {
    const live = new LiveIndex(dir, options);
    return live.#load() ? live : null;
  }

  /** The live index of the folder, brought up to date with its files (built from them when none is saved). */
  static async open(dir: string, options: LiveIndexOptions): Promise<{ index: LiveIndex; changes: Change[] }> {
    const saved = LiveIndex.openSaved(dir, options);
    if (saved) return { index: saved, changes: saved.update() };
    const live = new LiveIndex(dir, options);
    await live.#build();
    return { index: live, changes: [] };
  }

  /** The complete corpus answers read now. */
  get corpus(): LoadedCorpus {
    return this.#corpus;
  }

  /**
   * Milliseconds the last composition took, by structure: the paragraph search and lexicon (composed), the
   * quote book (appended to, or put together again from every article's quote facts) and the dated mentions
   * (appended to, or composed).
   */
  composeMs: { paragraphs: number; quotes: number; events: number } = { paragraphs: 0, quotes: 0, events: 0 };

  /** How many segments there are, and how many articles are marked deleted in them. */
  get shape(): { segments: number; deleted: number } {
    return { segments: this.#segments.length, deleted: this.#segments.reduce((n, s) => n + s.deleted.size, 0) };
  }

  /**
   * Brings the index up to date with these corpus files (paths or names), or with the whole folder; returns
   * what changed. Files are read again: only those given (the folder is not listed), or, given none, every file of
   * the folder (so a file not known yet is found). Only files whose text changed are ingested.
   */
  update(files?: readonly string[]): Change[] {
    this.#idle();
    return runNow(this.#updateSteps(files));
  }

  /**
   * `update`, with the corpus put together in turns of the event loop (see `steps.ts`): answers go on being
   * served from the corpus as it was until the new one is complete. Nothing else may change the index until it
   * resolves (`LiveCorpus` queues changes).
   */
  async updateInTurns(files?: readonly string[]): Promise<Change[]> {
    this.#idle();
    this.#busy = 'updated';
    try {
      return await this.#inTurns(this.#updateSteps(files));
    } finally {
      this.#busy = null;
    }
  }

  /** Runs the steps in turns of `turnMs`, the pauses between them left out of the composition's timings (`#paused`). */
  #inTurns<T>(steps: Steps<T>): Promise<T> {
    return runInTurns(steps, {
      ...(this.options.turnMs === undefined ? {} : { sliceMs: this.options.turnMs }),
      onPause: (ms) => (this.#paused -= ms),
    });
  }

  *#updateSteps(files?: readonly string[]): Steps<Change[]> {
    const ask = files ? new Set(files.map((f) => basename(f))) : null;
    const adding = ask ? this.#onlyAdding(ask) : null;
    if (adding) return yield* this.#addSteps(adding);
    const { files: listed, skipped } = ask ? this.#listAsked(ask) : listCorpusFiles(this.dir);
    const before = this.#corpus;
    const fresh = new Map<string, Article>();
    const entries = new Map<string, FileEntry>();
    for (const path of listed) {
      const name = basename(path);
      const known = this.#files.get(name);
      if (known && ask && !ask.has(name)) {
        entries.set(name, known);
        continue;
      }
      const c = readCandidate(path);
      if (c === null) continue;
      entries.set(name, entryOf(c, known));
    }
    // A file known as admitted whose article is no longer live (left out as a duplicate since) is ingested again.
    const location = this.#locations();
    for (const [name, e] of entries)
      if (e.kind === 'text' && e.outcome === 'article' && !location.has(name)) entries.set(name, { ...e, outcome: null });
    // Admission in file order, as a full load decides it, ingesting only what has not been.
    const { admitted, warnings } = admit(
      listed.map((f) => basename(f)).filter((n) => entries.has(n)),
      entries,
      (name) => {
        const read = readCandidate(join(this.dir, name));
        if (read?.kind !== 'text') return read?.warning ?? { file: name, reason: 'deleted while it was read' };
        const ingested = ingestCandidate(read.name, read.id, read.text);
        if ('warning' in ingested) return ingested.warning;
        fresh.set(name, ingested.article);
        return 'article';
      },
    );
    // Deletion marks: articles no longer admitted, and those re-ingested.
    let marked = false;
    for (const [name, [k, ai]] of location) {
      if (!admitted.has(name) || fresh.has(name)) {
        (this.#segments[k] as LiveSegment).deleted.add(ai);
        marked = true;
      }
    }
    this.#files = entries;
    this.#skipped = skipped;
    this.#refusals = warnings;
    this.#claims = null;
    if (fresh.size > 0) this.#segments.push({ segment: this.#newSegment([...fresh.values()]), deleted: new Set() });
    this.#dropEmpty();
    this.#save();
    yield;
    const onlyAdded = !marked && fresh.size > 0 ? this.#segments.length - 1 : undefined;
    yield* this.#composeSteps([...skipped, ...warnings], { kind: 'cache', file: join(this.#folder, MANIFEST) }, undefined, onlyAdded);
    // The corpus answered from until now may read the segments retired: their files go once it is replaced.
    this.#sweep();
    return changesBetween(before, this.#corpus, fresh);
  }

  /**
   * The files of an update that only adds files not known before, none sharing an article id or a text with a
   * file known or with another of them; null for any other update. Admission in file order then decides for the
   * old files what it decided before (a new file claims no id or text one of them claims) and admits each new one
   * that ingests, so it is decided for the new files alone (`#addSteps`), without going over every file known: at
   * 100,000 files, admission, the file entries and the changes cost seconds at every update.
   */
  #onlyAdding(ask: ReadonlySet<string>): { skipped: CorpusWarning[]; candidates: Candidate[] } | null {
    if (this.#refusals === null) return null;
    for (const name of ask) if (this.#files.has(name) || this.#skipped.some((w) => w.file === name)) return null;
    this.#claims ??= claimsOf(this.#files);
    const { ids, digests } = this.#claims;
    const found = listNamedFiles(this.dir, [...ask]);
    const candidates: Candidate[] = [];
    const newIds = new Set<string>();
    const newDigests = new Set<string>();
    for (const path of found.files) {
      const c = readCandidate(path);
      if (c === null) continue;
      if (c.kind === 'text') {
        if (ids.has(c.id) || digests.has(c.digest) || newIds.has(c.id) || newDigests.has(c.digest)) return null;
        newIds.add(c.id);
        newDigests.add(c.digest);
      }
      candidates.push(c);
    }
    return { skipped: found.skipped, candidates: candidates.sort((x, y) => byName(x.name, y.name)) };
  }

  /** An update that only adds files (see `#onlyAdding`): what a full update gives, worked out from the new files alone. */
  *#addSteps({ skipped: newSkips, candidates }: { skipped: CorpusWarning[]; candidates: Candidate[] }): Steps<Change[]> {
    // Files asked about that are not there (gone again, or never made): nothing changes.
    if (candidates.length === 0 && newSkips.length === 0) return [];
    const fresh = new Map<string, Article>();
    const added: Array<[string, FileEntry]> = [];
    const refused: CorpusWarning[] = [];
    for (const c of candidates) {
      if (c.kind === 'refused') {
        added.push([c.name, { kind: 'refused', warning: c.warning }]);
        refused.push(c.warning);
        continue;
      }
      const ingested = ingestCandidate(c.name, c.id, c.text);
      const outcome = 'warning' in ingested ? ingested.warning : 'article';
      if ('article' in ingested) fresh.set(c.name, ingested.article);
      else refused.push(ingested.warning);
      added.push([c.name, { kind: 'text', id: c.id, digest: c.digest, outcome }]);
    }
    // The entries stay in file order, as a full update makes them.
    const entries = new Map<string, FileEntry>();
    let j = 0;
    for (const [name, e] of this.#files) {
      while (j < added.length && byName((added[j] as [string, FileEntry])[0], name) < 0)
        entries.set(...(added[j++] as [string, FileEntry]));
      entries.set(name, e);
    }
    while (j < added.length) entries.set(...(added[j++] as [string, FileEntry]));
    const skipped = [...this.#skipped, ...newSkips].sort((x, y) => byName(x.file, y.file));
    const refusals = [...(this.#refusals ?? []), ...refused].sort((x, y) => byName(x.file, y.file));
    if (fresh.size > 0) this.#segments.push({ segment: this.#newSegment([...fresh.values()]), deleted: new Set() });
    this.#files = entries;
    this.#skipped = skipped;
    this.#refusals = refusals;
    for (const c of candidates) {
      if (c.kind !== 'text') continue;
      this.#claims?.ids.add(c.id);
      this.#claims?.digests.add(c.digest);
    }
    this.#save();
    yield;
    const onlyAdded = fresh.size > 0 ? this.#segments.length - 1 : undefined;
    yield* this.#composeSteps([...skipped, ...refusals], { kind: 'cache', file: join(this.#folder, MANIFEST) }, undefined, onlyAdded);
    this.#sweep();
    // As `changesBetween` gives them: the articles added in file order, then the new failures as the warnings list them.
    return [
      ...[...fresh.values()].map((a): Change => ({ file: a.file, kind: 'added', article: a.id })),
      ...[...newSkips].sort((x, y) => byName(x.file, y.file)).map((w): Change => ({ file: w.file, kind: 'failed', reason: w.reason })),
      ...refused.map((w): Change => ({ file: w.file, kind: 'failed', reason: w.reason })),
    ];
  }

  /**
   * What listing the folder would give, from what is known of it and the files asked about (`listNamedFiles`):
   * the files known, less those asked about that are gone, plus those asked about that are new, in name order.
   * At 100,000 files the listing cost most of a second at every update, and the watcher and `/corpus` name every
   * file they change; an update without files lists the folder, and finds any other change.
   */
  #listAsked(ask: ReadonlySet<string>): { files: string[]; skipped: CorpusWarning[] } {
    const found = listNamedFiles(this.dir, [...ask]);
    const inDir = join(this.dir, 'x').slice(0, -1);
    const known = [...this.#files.keys()].filter((name) => !ask.has(name));
    const names = mergeSorted(
      known,
      found.files.map((f) => f.slice(inDir.length)),
    );
    const skipped = [...this.#skipped.filter((w) => !ask.has(w.file)), ...found.skipped].sort((x, y) => byName(x.file, y.file));
    return { files: names.map((name) => inDir + name), skipped };
  }

  /** Merges every segment into one new base, on this thread. */
  mergeAll(): void {
    this.#idle();
    this.#merge(0);
    this.#save();
    runNow(this.#composeAfterMergeSteps());
    this.#sweep();
  }

  /**
   * Merges every segment into one new base (`all`), or segments if they piled up (`due`, see `MergePolicy`: the
   * small ones into one when there are too many, or all into a new base when the small ones and the base's
   * deleted articles are a large enough share of it). The answers do not change. The merged segment is written
   * by a worker thread (`mergeWorker.ts`): this thread only plans the merge, then reads the new segment and swaps
   * it in (and composes the corpus, as after an update), both in turns of the event loop (its header grows with
   * the corpus: read at once, it stalled the answers for seconds), so answers go on being served meanwhile, from
   * the corpus as it was until the new one is complete. Nothing else may change the index until it resolves
   * (`LiveCorpus` queues updates behind it). Resolves with whether it merged.
   */
  async mergeInBackground(which: 'all' | 'due'): Promise<boolean> {
    this.#idle();
    const from = which === 'all' ? 0 : this.#dueFrom();
    const merging = from === null ? null : this.#mergeable(from);
    if (from === null || merging === null) return false;
    const name = this.#newName();
    this.#busy = 'merged';
    try {
      const segments = merging.map((s) => ({ file: s.segment.name, deleted: [...s.deleted] }));
      const written = await mergeOnWorker({ folder: this.#folder, segments, name });
      const read = written ? Segment.readSteps(join(this.#folder, name), name, (why) => this.options.onProblem?.(why)) : null;
      const merged = read ? await this.#inTurns(read) : null;
      this.#swapIn(from, merged);
      this.#save();
      // The corpus answered from until now reads the segments retired: their files go once it is replaced.
      await this.#inTurns(this.#composeAfterMergeSteps());
      this.#sweep();
    } finally {
      this.#busy = null;
    }
    return true;
  }

  /** Minus the milliseconds spent between turns so far (see `#composeSteps`' timing). */
  #paused = 0;
  /** What is under way in the background: a merge being written (`mergeInBackground`), or an update in turns. */
  #busy: 'merged' | 'updated' | null = null;
  /** Throws when a background merge or update is under way: the segments must not change under it. */
  #idle(): void {
    if (this.#busy) throw new Error(`the live index is being ${this.#busy}; wait for it before changing it`);
  }

  /** Closes the segment files. */
  close(): void {
    for (const s of this.#segments) s.segment.close();
  }

  /**
   * The live articles in file order, each with where it stands ([segment, position]): after an update that only
   * added segment `onlyAdded` (the last) to the segments the last composition was made over, with their
   * deletion marks as they were, its articles merged into the last order (sorting 100,000 names cost a tenth of a
   * second or more); else sorted afresh.
   */
  #orderNow(onlyAdded?: number): Array<[string, [number, number]]> {
    const last = this.#lastOrder;
    const segments = this.#segments;
    const appended =
      onlyAdded !== undefined &&
      onlyAdded === segments.length - 1 &&
      last !== null &&
      last.segments.length === onlyAdded &&
      last.segments.every((s, k) => s === segments[k] && s.deleted.size === last.deleted[k]);
    let order: Array<[string, [number, number]]>;
    if (appended) {
      const { segment, deleted } = segments[onlyAdded] as LiveSegment;
      // A segment's articles are in file order (`#newSegment`).
      const fresh = segment.articles.flatMap((a, ai): Array<[string, [number, number]]> =>
        deleted.has(ai) ? [] : [[a.file, [onlyAdded, ai]]],
      );
      order = [];
      let j = 0;
      for (const entry of last.order) {
        while (j < fresh.length && byName((fresh[j] as [string, [number, number]])[0], entry[0]) < 0)
          order.push(fresh[j++] as [string, [number, number]]);
        order.push(entry);
      }
      while (j < fresh.length) order.push(fresh[j++] as [string, [number, number]]);
    } else order = [...this.#locations()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    this.#lastOrder = { order, segments: [...segments], deleted: segments.map((s) => s.deleted.size) };
    return order;
  }

  /** Where each live article stands: file name → [segment, position]. */
  #locations(): Map<string, [number, number]> {
    const out = new Map<string, [number, number]>();
    this.#segments.forEach((s, k) =>
      s.segment.articles.forEach((a, ai) => {
        if (!s.deleted.has(ai)) out.set(a.file, [k, ai]);
      }),
    );
    return out;
  }

  /** The next segment file's name (its folder made). */
  #newName(): string {
    mkdirSync(this.#folder, { recursive: true });
    return `seg-${String(this.#next++).padStart(6, '0')}.qdseg`;
  }

  #newSegment(articles: Article[]): Segment {
    const name = this.#newName();
    const sorted = [...articles].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
    return Segment.write(join(this.#folder, name), name, sorted);
  }

  /** Segments whose articles are all deleted go. */
  #dropEmpty(): void {
    let bases = this.#bases;
    this.#segments = this.#segments.filter((s, k) => {
      if (s.deleted.size < s.segment.articles.length) return true;
      if (k < this.#bases) bases -= 1;
      this.#retire(s.segment);
      return false;
    });
    this.#bases = Math.max(1, bases);
  }

  /** A segment no longer named: closed now, its file removed once the manifest no longer names it (`#save`). */
  readonly #retired: Segment[] = [];
  #retire(segment: Segment): void {
    this.#retired.push(segment);
  }

  /** Where merging is due (see `MergePolicy`): the segments from this one on; null when none is. */
  #dueFrom(): number | null {
    if (this.#segments.length === 0) return null;
    const bases = Math.min(this.#bases, this.#segments.length);
    const paragraphsOf = (s: LiveSegment): number => s.segment.docStart[s.segment.articles.length] as number;
    const deletedOf = (s: LiveSegment): number =>
      [...s.deleted].reduce((n, ai) => n + paragraphCountOf(s.segment.articles[ai] as Article), 0);
    const base = this.#segments.slice(0, bases);
    const small = this.#segments.slice(bases);
    const churn = small.reduce((n, s) => n + paragraphsOf(s), 0) + base.reduce((n, s) => n + deletedOf(s), 0);
    if (churn > this.#policy.baseRatio * base.reduce((n, s) => n + paragraphsOf(s), 0)) return 0;
    return small.length > this.#policy.maxSmallSegments ? bases : null;
  }

  /** The segments from `from` on, when merging them changes something (not one segment with nothing deleted). */
  #mergeable(from: number): LiveSegment[] | null {
    const merging = this.#segments.slice(from);
    return merging.length <= 1 && merging.every((s) => s.deleted.size === 0) ? null : merging;
  }

  /** Merges the segments from `from` on into one, on this thread; returns whether there was anything to merge. */
  #merge(from: number): boolean {
    const merging = this.#mergeable(from);
    if (merging === null) return false;
    const name = this.#newName();
    this.#swapIn(from, Segment.merge(join(this.#folder, name), name, merging));
    return true;
  }

  /** Puts the merged segment (null: none was live) in place of the segments from `from` on, which retire. */
  #swapIn(from: number, merged: Segment | null): void {
    if (merged) adoptKnown(merged, this.#segments.slice(from), from === 0 ? this.#corpus.index.lexicon : null);
    for (const s of this.#segments.slice(from)) this.#retire(s.segment);
    this.#segments = [...this.#segments.slice(0, from), ...(merged ? [{ segment: merged, deleted: new Set<number>() }] : [])];
    // Merged from within the base: the merged segment ends it.
    if (from < this.#bases) this.#bases = Math.max(1, from + 1);
  }

  /** Segments retired that the saved manifest no longer names: closed and removed by `#sweep`. */
  readonly #unnamed: Segment[] = [];

  /** Closes the segments the saved manifest no longer names and removes their files. */
  #sweep(): void {
    for (const s of this.#unnamed.splice(0)) {
      s.close();
      rmSync(join(this.#folder, s.name), { force: true });
    }
  }

  /**
   * Saves the manifest (`manifest.ts`: a journal line, or now and then a checkpoint). The segments retired are then
   * no longer named; their files are removed by `#sweep`, once the corpus answered from no longer reads them (a
   * crash before leaves files that a load sweeps).
   */
  #save(): void {
    try {
      this.#manifest.save(this.#manifestNow());
    } catch (error) {
      this.options.onProblem?.(`could not save the live index in ${this.#folder}: ${(error as Error).message}`);
      return;
    }
    this.#unnamed.push(...this.#retired.splice(0));
  }

  /** The manifest of the index as it stands. */
  #manifestNow(): Manifest {
    return {
      format: MANIFEST_FORMAT,
      code: codeFingerprint(),
      next: this.#next,
      bases: this.#bases,
      segments: this.#segments.map((s) => ({
        file: s.segment.name,
        deleted: [...s.deleted].sort((x, y) => x - y).map((ai) => (s.segment.articles[ai] as Article).file),
      })),
      skipped: this.#skipped,
      files: this.#files,
    };
  }

  /** Reads the manifest and its segments; false when there is none usable. Sweeps files the manifest does not name. */
  #load(): boolean {
    let manifest: Manifest | null;
    try {
      manifest = this.#manifest.read();
    } catch (error) {
      this.options.onProblem?.(`ignoring the live index in ${this.#folder}: ${(error as Error).message}`);
      return false;
    }
    if (manifest === null || manifest.format !== MANIFEST_FORMAT || manifest.code !== codeFingerprint()) return false;
    const segments: LiveSegment[] = [];
    try {
      for (const { file, deleted } of manifest.segments) {
        const segment = Segment.read(join(this.#folder, file), file, (why) => this.options.onProblem?.(why));
        segments.push({ segment, deleted: new Set(deleted.map((f) => segment.articles.findIndex((a) => a.file === f))) });
      }
    } catch (error) {
      for (const s of segments) s.segment.close();
      this.options.onProblem?.(`ignoring the live index in ${this.#folder}: ${(error as Error).message}`);
      return false;
    }
    try {
      this.#manifest.compact(manifest);
    } catch (error) {
      this.options.onProblem?.(`could not save the live index in ${this.#folder}: ${(error as Error).message}`);
    }
    const named = new Set([MANIFEST, JOURNAL, ...manifest.segments.map((s) => s.file)]);
    for (const f of readdirSync(this.#folder)) if (!named.has(f)) rmSync(join(this.#folder, f), { force: true, recursive: true });
    this.#segments = segments;
    this.#files = manifest.files;
    this.#skipped = manifest.skipped;
    this.#next = manifest.next;
    this.#bases = Number.isInteger(manifest.bases) && manifest.bases >= 1 ? manifest.bases : 1;
    const { warnings } = admit([...this.#files.keys()].sort(), this.#files, () => {
      throw new Error('a saved live index names a file that was never ingested');
    });
    this.#refusals = warnings;
    this.#compose([...this.#skipped, ...warnings], { kind: 'cache', file: join(this.#folder, MANIFEST) });
    return true;
  }

  /**
   * Builds the index from the whole folder on every core: the base is one segment per thread, each of a run of
   * consecutive files that a worker ingests and writes itself (`buildWorker.ts`), so that the segments' indexes
   * are built in parallel too, not on this thread after the ingest. Admission is decided in file order, as a
   * full load decides it (`admit`): beforehand, only the files no earlier file claims (by id or text) are given
   * to the workers; a later file of an id or a text whose first file failed to ingest (rare) is ingested here
   * after, into a small segment of its own. The answers are those of one index of the folder built at once.
   */
  async #build(): Promise<void> {
    const { threads: asked, onProgress } = this.options;
    const { defaultThreads } = await import('../ingest/pool.ts');
    const { files: listed, skipped } = listCorpusFiles(this.dir);
    // From an empty folder: a manifest left in it (of other code, or one that could not be read) must never name
    // the segments this build writes under the same names, should it be killed before it saves its own.
    rmSync(this.#folder, { recursive: true, force: true });
    const threads = asked ?? defaultThreads(listed.length);
    const paths = new Map<string, string>();
    const sizes = new Map<string, number>();
    for (const path of listed) {
      const c = readCandidate(path);
      if (c === null) continue;
      paths.set(c.name, path);
      this.#files.set(c.name, entryOf(c, undefined));
      if (c.kind === 'text') sizes.set(c.name, c.text.length);
    }
    const ids = new Set<string>();
    const digests = new Set<string>();
    const first: string[] = [];
    for (const [name, e] of this.#files) {
      if (e.kind !== 'text') continue;
      if (!ids.has(e.id) && !digests.has(e.digest)) first.push(name);
      ids.add(e.id);
      digests.add(e.digest);
    }
    const text = first.reduce((n, name) => n + (sizes.get(name) ?? 0), 0);
    // A multiple of the threads, so that they finish together; fewer for a small corpus on many cores, unless the
    // threads were given (as a pool given threads uses them whatever the corpus's size).
    const perThreads = threads * Math.max(1, Math.ceil(text / RUN_TEXT / threads));
    const runs = asked === undefined ? Math.min(perThreads, Math.max(1, Math.ceil(text / MIN_RUN_TEXT))) : perThreads;
    const tasks = splitRuns(first, runs, (name) => sizes.get(name) ?? 0).map((names): BuildTask => ({
      folder: this.#folder,
      name: this.#newName(),
      files: names.map((name) => {
        const e = this.#files.get(name) as FileEntry & { kind: 'text' };
        return { path: paths.get(name) as string, id: e.id, digest: e.digest };
      }),
    }));
    // Progress: files ingested, then segments written (a worker writes its segment once its files are ingested).
    const done = tasks.map(() => 0);
    let written = 0;
    // The second stage is shown once every file is read, so that the two stages do not take turns.
    let reading = true;
    const progress = (k: number, n: number | 'written'): void => {
      if (n === 'written') written += 1;
      else done[k] = n;
      const read = done.reduce((x, y) => x + y, 0);
      if (reading && n !== 'written') onProgress?.('reading the corpus', read, first.length);
      if (reading && read >= first.length) reading = false;
      if (!reading) onProgress?.('building the indexes', written, tasks.length);
    };
    if (first.length > 0) onProgress?.('reading the corpus', 0, first.length);
    const results = await buildSegments(tasks, threads, progress);
    const built: LiveSegment[] = [];
    try {
      tasks.forEach((task, k) => {
        const result = results[k] as BuildResult;
        task.files.forEach((f, i) => {
          const outcome = result.outcomes[i];
          const name = basename(f.path);
          if (outcome !== null && outcome !== undefined)
            this.#files.set(name, { ...(this.#files.get(name) as FileEntry & { kind: 'text' }), outcome });
        });
        if (result.written) {
          const segment = Segment.read(join(this.#folder, task.name), task.name, (why) => this.options.onProblem?.(why));
          built.push({ segment, deleted: new Set() });
        }
      });
      const fresh = new Map<string, Article>();
      const { admitted, warnings } = admit([...this.#files.keys()], this.#files, (name) => {
        const read = readCandidate(paths.get(name) as string);
        if (read?.kind !== 'text') return read?.warning ?? { file: name, reason: 'deleted while it was read' };
        const ingested = ingestCandidate(read.name, read.id, read.text);
        if ('warning' in ingested) return ingested.warning;
        fresh.set(name, ingested.article);
        return 'article';
      });
      // A worker's article is admitted (no earlier file claimed its id or text); marked deleted otherwise, to be safe.
      for (const s of built) s.segment.articles.forEach((a, ai) => admitted.has(a.file) || s.deleted.add(ai));
      if (fresh.size > 0) built.push({ segment: this.#newSegment([...fresh.values()]), deleted: new Set() });
      this.#segments = built;
      this.#bases = built.length - (fresh.size > 0 ? 1 : 0);
      this.#skipped = skipped;
      this.#refusals = warnings;
      this.#dropEmpty();
      this.#save();
      this.#compose([...skipped, ...warnings], { kind: 'built', reason: 'no saved live index yet' });
    } catch (error) {
      for (const s of built) s.segment.close();
      this.#segments = [];
      throw error;
    }
  }

  /**
   * Puts the corpus together again after a merge. A merge changes which segments hold the live articles, not
   * which articles are live nor their order nor their paragraphs' numbers, so the lexicon and the quote book are
   * kept as they are (the book's articles' facts are the same objects, see `adoptKnown`, so it can still be
   * appended to) and the dated mentions keep their numbers, dates and orders, read from the new segments
   * (`EventIndex.rebased`): the end of a merge costs reading the merged segment's header (less its lexicon and
   * quote facts) and putting the searches together, not regrouping every quote.
   */
  *#composeAfterMergeSteps(): Steps<void> {
    yield* this.#composeSteps(this.#corpus.warnings, this.#corpus.source, this.#corpus);
  }

  /**
   * Puts together the corpus answers read from the live segments (see the module comment). With `kept`, the
   * live articles are those of the current corpus, in the same order (after a merge): its lexicon, its quote
   * book and its dated mentions' facts are kept (when the articles turn out to differ, which a merge never does, all is
   * composed afresh).
   */
  #compose(warnings: CorpusWarning[], source: LoadedCorpus['source'], kept?: LoadedCorpus): void {
    runNow(this.#composeSteps(warnings, source, kept));
  }

  /**
   * `#compose` in steps (see `steps.ts`): the new corpus replaces the old one at the end, complete. With
   * `onlyAdded`, the segment whose articles are all that changed since the corpus was last composed (nothing was
   * deleted): the lexicon is the last one with their words put in (`Lexicon.withInserted`), not merged again.
   */
  *#composeSteps(warnings: CorpusWarning[], source: LoadedCorpus['source'], kept?: LoadedCorpus, onlyAdded?: number): Steps<void> {
    const order = this.#orderNow(onlyAdded);
    const articles = order.map(([, [k, ai]]) => (this.#segments[k] as LiveSegment).segment.articles[ai] as Article);
    const toGlobalArticle = this.#segments.map((s) => new Int32Array(s.segment.articles.length).fill(-1));
    order.forEach(([, [k, ai]], g) => ((toGlobalArticle[k] as Int32Array)[ai] = g));
    // Paragraphs numbered in global order.
    const toGlobalDoc = this.#segments.map((s) => new Int32Array(s.segment.docStart[s.segment.articles.length] as number).fill(-1));
    let doc = 0;
    for (const [, [k, ai]] of order) {
      const s = (this.#segments[k] as LiveSegment).segment;
      for (let d = s.docStart[ai] as number; d < (s.docStart[ai + 1] as number); d += 1) (toGlobalDoc[k] as Int32Array)[d] = doc++;
    }
    // Each pass below is over every paragraph: one a step.
    yield;
    // Time spent composing, less the pauses between turns (when run in turns).
    let mark = performance.now() + this.#paused;
    const took = (): number => {
      const ms = performance.now() + this.#paused - mark;
      mark = performance.now() + this.#paused;
      return Math.round(ms * 10) / 10;
    };
    const search = new SegmentedBm25(
      ['text'],
      this.#segments.map((s, k) => ({ index: s.segment.search, toGlobal: toGlobalDoc[k] as Int32Array })),
    );
    yield;
    const same = kept !== undefined && sameFiles(kept.articles, articles);
    const lexicon = same
      ? kept.index.lexicon
      : onlyAdded !== undefined
        ? yield* this.#corpus.index.lexicon.withInserted(
            movedBy(order, this.#segments, onlyAdded),
            globalWords((this.#segments[onlyAdded] as LiveSegment).segment.lexicon.words(), toGlobalDoc[onlyAdded] as Int32Array),
          )
        : yield* Lexicon.merge(this.#segments.map((s, k) => globalWords(s.segment.liveWords(s.deleted), toGlobalDoc[k] as Int32Array)));
    const index = ParagraphIndex.compose(articles, search, lexicon, {
      parts: this.#segments.map((s, k) => ({
        docArticle: s.segment.docArticle,
        docStart: s.segment.docStart,
        toGlobalArticle: toGlobalArticle[k] as Int32Array,
      })),
    });
    const paragraphsMs = took();
    yield;
    const facts = order.map(([, [k, ai]]) => (this.#segments[k] as LiveSegment).segment.quoteFacts[ai] as QuoteFacts);
    // Articles only added are grouped on from the last book (when its speakers read the same); else it is built whole.
    const quotes = same
      ? kept.quotes
      : (this.#corpus.quotes.append(facts) ?? (yield* QuoteBook.fromFactsSteps(facts, { appendable: true })));
    const quotesMs = took();
    yield;
    // After a merge: the same mentions over new segments. Articles only added since the last composition: their
    // mentions are put in among the others'. Else renumbered whole.
    const eventParts = this.#segments.map((s, k) => ({ index: s.segment.events, toGlobalArticle: toGlobalArticle[k] as Int32Array }));
    const events = same
      ? kept.events.rebased(eventParts)
      : (this.#corpus.events.append(articles, eventParts) ?? (yield* EventIndex.composeSteps(articles, eventParts)));
    this.composeMs = { paragraphs: paragraphsMs, quotes: quotesMs, events: took() };
    this.#corpus = { dir: this.dir, articles, warnings, index, quotes, events, source };
  }
}

/** File names in the order the folder's listing gives them (`listCorpusFiles`). */
const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Two lists of names in `byName` order as one (the first one put in order first, when it is not). */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const first = a.every((name, i) => i === 0 || byName(a[i - 1] as string, name) < 0) ? a : [...a].sort(byName);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < b.length) {
    if (j >= b.length || (i < first.length && byName(first[i] as string, b[j] as string) <= 0)) out.push(first[i++] as string);
    else out.push(b[j++] as string);
  }
  return out;
}

/** Do the two lists hold the articles of the same files, in the same order? */
function sameFiles(before: readonly Article[], after: readonly Article[]): boolean {
  return before.length === after.length && before.every((a, i) => a.file === (after[i] as Article).file);
}

/**
 * The merged segment takes what the live index already holds of it instead of reading it back from its file
 * (see `Segment.adopt`): its articles' quote facts (the same facts, copied by `Segment.merge`; the quote book's
 * continuation knows articles by their facts' identity, `QuoteBook.append`, so the book kept over a merge can
 * still be appended to), and, when it is the new base holding every live article (`all`), the corpus's lexicon
 * (its positions are the base's own then).
 */
function adoptKnown(merged: Segment, from: readonly LiveSegment[], lexicon: Lexicon | null): void {
  const facts = new Map<string, QuoteFacts>();
  for (const { segment, deleted } of from)
    segment.articles.forEach((a, ai) => {
      if (!deleted.has(ai)) facts.set(a.file, segment.quoteFacts[ai] as QuoteFacts);
    });
  merged.adopt({ facts, ...(lexicon ? { lexicon } : {}) });
}

/**
 * Where each word position of the corpus composed before stands now that segment `added`'s articles are among
 * them (`order`: the live articles in file order, as [file, [segment, position]]), by how many paragraphs were
 * put in before its paragraph.
 */
function movedBy(
  order: ReadonlyArray<[string, [number, number]]>,
  segments: readonly LiveSegment[],
  added: number,
): (position: number) => number {
  /** From old paragraph `from[i]` on, paragraphs are `by[i]` further on. */
  const from: number[] = [];
  const by: number[] = [];
  let old = 0;
  let inserted = 0;
  for (const [, [k, ai]] of order) {
    const { docStart } = (segments[k] as LiveSegment).segment;
    const paragraphs = (docStart[ai + 1] as number) - (docStart[ai] as number);
    if (k !== added) old += paragraphs;
    else {
      inserted += paragraphs;
      if (from[from.length - 1] === old) by[by.length - 1] = inserted;
      else {
        from.push(old);
        by.push(inserted);
      }
    }
  }
  return (position) => {
    const doc = docOfPosition(position);
    let lo = 0;
    let hi = from.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((from[mid] as number) <= doc) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? position : position + wordPosition(by[lo - 1] as number, 0);
  };
}

/** A segment's live words with their first positions made global. */
function* globalWords(words: ReadonlyMap<string, Readonly<LexiconEntry>>, toGlobalDoc: Int32Array): Iterable<[string, LexiconEntry]> {
  for (const [w, e] of words) {
    const local = docOfPosition(e.first);
    yield [w, { ...e, first: wordPosition(toGlobalDoc[local] as number, e.first - wordPosition(local, 0)) }];
  }
}

/** What is known of a file just read: its old entry when its text is the same, else a new one (not ingested yet). */
function entryOf(c: Candidate, known: FileEntry | undefined): FileEntry {
  if (c.kind === 'refused') return { kind: 'refused', warning: c.warning };
  if (known?.kind === 'text' && known.digest === c.digest && known.id === c.id) return known;
  return { kind: 'text', id: c.id, digest: c.digest, outcome: null };
}

/**
 * Which files are admitted, in file order, as `Admissions` decides in a full load: the first file of an id
 * or a text is kept, later ones are left out with a warning naming it; a file that failed to ingest claims
 * neither. `ingest` is called for a file to be admitted that was not ingested yet, and gives its outcome.
 */
function admit(
  names: readonly string[],
  entries: Map<string, FileEntry>,
  ingest: (name: string) => 'article' | CorpusWarning,
): { admitted: Set<string>; warnings: CorpusWarning[] } {
  const admitted = new Set<string>();
  const warnings: CorpusWarning[] = [];
  const seenIds = new Map<string, string>();
  const seenTexts = new Map<string, string>();
  for (const name of names) {
    const e = entries.get(name) as FileEntry;
    if (e.kind === 'refused') {
      warnings.push(e.warning);
      continue;
    }
    const other = seenIds.get(e.id);
    if (other) {
      warnings.push({ file: name, reason: `same article id "${e.id}" as ${other}; this one is left out` });
      continue;
    }
    const twin = seenTexts.get(e.digest);
    if (twin) {
      warnings.push({ file: name, reason: `same text as ${twin}; this one is left out` });
      continue;
    }
    const outcome = e.outcome ?? ingest(name);
    // A new entry only when the outcome is new: saving the manifest writes the entries that are new (`manifest.ts`).
    if (outcome !== e.outcome) entries.set(name, { ...e, outcome });
    if (outcome !== 'article') {
      warnings.push(outcome);
      continue;
    }
    seenIds.set(e.id, name);
    seenTexts.set(e.digest, name);
    admitted.add(name);
  }
  return { admitted, warnings };
}

/** The article ids and text digests of the text files (see `LiveIndex.#onlyAdding`). */
function claimsOf(files: ReadonlyMap<string, FileEntry>): { ids: Set<string>; digests: Set<string> } {
  const ids = new Set<string>();
  const digests = new Set<string>();
  for (const e of files.values()) {
    if (e.kind !== 'text') continue;
    ids.add(e.id);
    digests.add(e.digest);
  }
  return { ids, digests };
}

/** What changed between two states, file by file: articles added, changed (ingested again), removed; new failures. */
function changesBetween(before: LoadedCorpus, after: LoadedCorpus, fresh: ReadonlyMap<string, Article>): Change[] {
  const old = new Map(before.articles.map((a) => [a.file, a]));
  const changes: Change[] = [];
  for (const a of after.articles) {
    const was = old.get(a.file);
    old.delete(a.file);
    if (was === undefined) changes.push({ file: a.file, kind: 'added', article: a.id });
    else if (fresh.has(a.file)) changes.push({ file: a.file, kind: 'changed', article: a.id });
  }
  for (const a of old.values()) changes.push({ file: a.file, kind: 'removed', article: a.id });
  const failedBefore = new Set(before.warnings.map((w) => `${w.file}\0${w.reason}`));
  for (const w of after.warnings)
    if (!failedBefore.has(`${w.file}\0${w.reason}`)) changes.push({ file: w.file, kind: 'failed', reason: w.reason });
  return changes;
}

/**
 * The text a build's segment is made of, at most (in characters; about 90,000 paragraphs of news). A worker holds
 * its run's articles until its segment is written: with a run per thread at 1M, the build peaked at 8.75 GB of
 * RSS (3.5 GB with these runs), and writing a segment of 500,000 paragraphs cost about 40% more a paragraph than
 * one of 80,000 (part of it the garbage collector's work on the larger heap). The base is then several segments,
 * which answers read as one (`SegmentedBm25`).
 */
const RUN_TEXT = 32 * 2 ** 20;
/** The text a build's segment is made of, at least (about 3,000 paragraphs; unless the corpus has less, or the threads are given). */
const MIN_RUN_TEXT = 2 ** 20;

/**
 * `names` cut into at most `parts` runs of consecutive names, of about equal weight each (a file's weight: its
 * text's length, which its ingest's time follows), none empty.
 */
export function splitRuns(names: readonly string[], parts: number, weight: (name: string) => number): string[][] {
  const total = names.reduce((n, name) => n + weight(name), 0);
  const runs: string[][] = [];
  let run: string[] = [];
  let sum = 0;
  for (const name of names) {
    run.push(name);
    sum += weight(name);
    // The run ends once it holds its share of the weight (the last run takes what is left).
    if (runs.length < parts - 1 && sum >= (total * (runs.length + 1)) / parts) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Runs the build's tasks (`buildWorker.ts`): each on a worker thread of a pool of `threads`, or one after the
 * other on this thread when `threads` is 1. `progress(k, done)`: task k has ingested `done` files, or has
 * written its segment.
 */
async function buildSegments(
  tasks: readonly BuildTask[],
  threads: number,
  progress: (k: number, done: number | 'written') => void,
): Promise<BuildResult[]> {
  if (tasks.length === 0) return [];
  if (threads <= 1)
    return tasks.map((task, k) => {
      const result = buildSegment(task, (done) => progress(k, done));
      progress(k, 'written');
      return result;
    });
  const [{ Piscina }, { workerModule }] = await Promise.all([import('piscina'), import('../ingest/pool.ts')]);
  const pool = new Piscina<BuildTask, BuildResult>({
    ...workerModule(new URL('./buildWorker.ts', import.meta.url), 'buildWorker.js'),
    minThreads: Math.min(threads, tasks.length),
    maxThreads: threads,
  });
  try {
    return await Promise.all(
      tasks.map((task, k) => {
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (done: number) => progress(k, done));
        return pool
          .run({ ...task, progress: port2 }, { transferList: [port2] })
          .then((result) => {
            progress(k, task.files.length);
            progress(k, 'written');
            return result;
          })
          .finally(() => port1.close());
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/** Runs a merge on a worker thread of its own (started for it, stopped after). */
async function mergeOnWorker(task: MergeTask): Promise<boolean> {
  const [{ Piscina }, { workerModule }] = await Promise.all([import('piscina'), import('../ingest/pool.ts')]);
  const pool = new Piscina<MergeTask, boolean>({
    ...workerModule(new URL('./mergeWorker.ts', import.meta.url), 'mergeWorker.js'),
    minThreads: 1,
    maxThreads: 1,
  });
  try {
    return await pool.run(task);
  } finally {
    await pool.destroy();
  }
}

/** The indexes of no article. */
function emptyIndexes(): Pick<LoadedCorpus, 'index' | 'quotes' | 'events'> {
  return { index: ParagraphIndex.build([]), quotes: QuoteBook.build([]), events: EventIndex.build([]) };
}
