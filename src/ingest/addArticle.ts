/**
 * Adding an article to a corpus folder (Discord's `/corpus add`): the checks, a safe file name, the front
 * matter, and an atomic write that never replaces a file. Plain files and data; nothing here knows Discord.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { stringify } from 'yaml';
import { NOT_ISO, impossibleDate } from './calendar.ts';
import { decodeArticleFile } from './corpus.ts';
import { ARTICLE_EXTENSIONS, MAX_FILE_BYTES, listCorpusFiles, readCorpusFile } from './files.ts';
import { type FrontMatter, FrontMatterError, splitFrontMatter } from './frontMatter.ts';

/** What someone asks to add: the uploaded file and the metadata given with it (each optional). */
export interface NewArticle {
  /** The file's name as uploaded (only its extension and, without a title, its stem are used). */
  fileName: string;
  bytes: Buffer;
  title?: string | undefined;
  outlet?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
  author?: string | undefined;
}

/** A refusal, in words meant for the one who asked. */
export class AddArticleError extends Error {
  override name = 'AddArticleError';
}

/** "6.2 MB; the limit is 5 MB": how a size over the corpus's limit is said. */
export const tooLarge = (size: number): string =>
  `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`;

/** Why an uploaded file name cannot be an article (not `.txt` or `.md`), or null. */
export function badExtension(fileName: string): string | null {
  const ext = extname(fileName).toLowerCase();
  return ARTICLE_EXTENSIONS.includes(ext) ? null : `only .txt or .md files can be added; ${JSON.stringify(basename(fileName))} is not one`;
}

/** Why a `published` value is refused (not an ISO 8601 date, or not a real one), or null. */
export function badPublished(value: string): string | null {
  const why = impossibleDate(value.trim());
  if (why === null) return null;
  if (why === NOT_ISO) return `published: ${JSON.stringify(value)} is not an ISO 8601 date; write it as YYYY-MM-DD (2016-08-27)`;
  return `published: ${value} is not a real date (${why})`;
}

/** Why a `url` value is refused (not an http or https address), or null. */
export function badUrl(value: string): string | null {
  const v = value.trim();
  let ok = /^https?:\/\/\S+$/i.test(v);
  if (ok) {
    try {
      ok = ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      ok = false;
    }
  }
  return ok ? null : `url: ${JSON.stringify(value)} is not a web address; give one starting with https:// or http://`;
}

/** A file name stem made of lower-case letters, digits and dashes: no dot, slash or space can reach the path. */
export function slugOf(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug;
}

/** The stem of the new file: from the title when given, else from the uploaded name; "article" when neither gives one. */
export const stemFor = (article: Pick<NewArticle, 'title' | 'fileName'>): string =>
  slugOf(article.title ?? '') || slugOf(basename(article.fileName, extname(article.fileName))) || 'article';

/** Control characters (a line break in a title) as spaces: front matter values are one line each. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * The file's text with front matter on top: the metadata given (over what the file's own front matter says),
 * then the article's text as it was. Throws AddArticleError when the file is not text or its front matter is broken.
 */
export function withFrontMatter(article: NewArticle): { content: string; body: string } {
  const decoded = decodeArticleFile(article.bytes);
  if ('reason' in decoded) throw new AddArticleError(`not a text file: ${decoded.reason}`);
  const text = decoded.text.replace(/^\uFEFF/, '');
  let own: FrontMatter = {};
  let body = text;
  try {
    const split = splitFrontMatter(text);
    own = split.frontMatter ?? {};
    body = text.slice(split.bodyStart);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new AddArticleError(`the file's own ${error.message}`);
    throw error;
  }
  if (body.trim() === '') throw new AddArticleError('the file has no article text (only front matter or white space)');
  const given: FrontMatter = {};
  for (const key of ['title', 'outlet', 'url', 'published', 'author'] as const) {
    const value = article[key];
    if (value !== undefined && oneLine(value) !== '') given[key] = oneLine(value);
  }
  const meta = { ...own, ...given };
  const yaml = Object.keys(meta).length === 0 ? '' : stringify(meta, { lineWidth: 0 });
  return { content: yaml === '' ? body : `---\n${yaml}---\n${body.replace(/^\r?\n/, '')}`, body };
}

/** The text two files share when they are the same article: without a byte-order mark, white space folded. */
export const bodyDigest = (body: string): string =>
  createHash('sha256')
    .update(
      body
        .replace(/^\uFEFF/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .digest('hex');

/** The article text of a corpus file's contents (its front matter left out; a broken one counts as text). */
function bodyOf(text: string): string {
  try {
    return text.slice(splitFrontMatter(text).bodyStart);
  } catch {
    return text;
  }
}

/**
 * The digests of the article texts of a corpus folder's files, kept between calls and read again only for a
 * file whose size or time changed: finding a duplicate does not read the whole corpus each time.
 */
export class BodyDigests {
  private readonly known = new Map<string, { size: number; mtimeMs: number; digest: string | null }>();

  /** The name of a file of the folder whose article text is the same as `body`'s, or null. */
  findSame(dir: string, body: string): string | null {
    const wanted = bodyDigest(body);
    const { files } = listCorpusFiles(dir);
    const present = new Set(files);
    for (const path of this.known.keys()) if (!present.has(path)) this.known.delete(path);
    for (const path of files) {
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      let entry = this.known.get(path);
      if (!entry || entry.size !== stats.size || entry.mtimeMs !== stats.mtimeMs) {
        const read = readCorpusFile(path);
        const decoded = read.kind === 'read' ? decodeArticleFile(read.bytes) : null;
        entry = {
          size: stats.size,
          mtimeMs: stats.mtimeMs,
          digest: decoded && 'text' in decoded ? bodyDigest(bodyOf(decoded.text.replace(/^\uFEFF/, ''))) : null,
        };
        this.known.set(path, entry);
      }
      if (entry.digest === wanted) return basename(path);
    }
    return null;
  }
}

/** The article ids (file names without extension, lower-cased) the folder already has, whatever their extension. */
function takenIds(dir: string): Set<string> {
  return new Set(
    readdirSync(dir)
      .filter((n) => ARTICLE_EXTENSIONS.includes(extname(n).toLowerCase()))
      .map((n) => basename(n, extname(n)).toLowerCase()),
  );
}

/**
 * Writes `content` into the folder as `stem.ext`, or `stem-2.ext`, `stem-3.ext`… when the id is taken: written
 * whole to a dot file first (which the corpus and the watcher ignore), then linked under its name, which fails
 * rather than replace a file that appeared meanwhile; the dot file is removed. Returns the name written.
 */
export function writeNewFile(dir: string, stem: string, ext: string, content: string): string {
  const temp = join(dir, `.${stem}.${randomUUID()}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    const taken = takenIds(dir);
    for (let n = 1; n < 10_000; n += 1) {
      const id = n === 1 ? stem : `${stem}-${n}`;
      if (taken.has(id)) continue;
      try {
        linkSync(temp, join(dir, `${id}${ext}`));
        return `${id}${ext}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new AddArticleError(`no free file name for ${stem}${ext}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Why an article is refused before its file is read (so before it is downloaded): not `.txt` or `.md`, over the
 * corpus's size limit, a malformed `published` or `url`; null when nothing is wrong yet.
 */
export function refusalBeforeReading(a: Pick<NewArticle, 'fileName' | 'published' | 'url'> & { size: number }): string | null {
  return (
    badExtension(a.fileName) ??
    (a.size > MAX_FILE_BYTES ? `the file is ${tooLarge(a.size)}` : null) ??
    (a.published === undefined ? null : badPublished(a.published)) ??
    (a.url === undefined ? null : badUrl(a.url))
  );
}

/**
 * Checks an article and writes it into the corpus folder with its front matter. Throws AddArticleError, in
 * words, when it is refused: not .txt or .md, too large, not text, a malformed date or URL, or the same text as
 * a file already there. Returns the name of the file written.
 */
export function addArticle(dir: string, article: NewArticle, digests: BodyDigests = new BodyDigests()): string {
  const problem = refusalBeforeReading({ ...article, size: article.bytes.length });
  if (problem) throw new AddArticleError(problem);
  const { content, body } = withFrontMatter(article);
  if (Buffer.byteLength(content) > MAX_FILE_BYTES)
    throw new AddArticleError(`the file with its front matter is ${tooLarge(Buffer.byteLength(content))}`);
  const twin = digests.findSame(dir, body);
  if (twin !== null) throw new AddArticleError(`the same text is already in the corpus, as ${twin}`);
  try {
    return writeNewFile(dir, stemFor(article), extname(article.fileName).toLowerCase(), content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // The folder's fault, not the article's: said plainly (and logged by the caller as a refusal).
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'ENOENT')
      throw new AddArticleError(`the corpus folder cannot be written (${code})`);
    throw error;
  }
}

/**
 * Removes an article's file from the folder. The name is the file's own name in the folder (a loaded article's
 * `file`); only that name is used, so no path reaches outside the folder. False when it was already gone.
 */
export function removeArticleFile(dir: string, file: string): boolean {
  const path = join(dir, basename(file));
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
