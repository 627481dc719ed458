import { constants, inflateSync } from 'zlib';

/**
 * Finds what would make a PDF act when a reviewer opens it: JavaScript (`/JavaScript`, `/JS`), additional actions run
 * on events such as opening a page (`/AA`) and launching programs (`/Launch`). An `/OpenAction` that only turns to a
 * page is harmless; one that runs script or launches something names `/JS`, `/JavaScript` or `/Launch` and is found.
 *
 * The structure is read without a PDF library: names are tokens in the file's dictionaries, which lie outside the
 * `stream … endstream` data (page content, images, fonts), except in compressed object streams (`/Type /ObjStm`),
 * which are inflated and read too. Stream data is skipped, because compressed bytes contain "/JS" by chance. Names may
 * be written with `#xx` escapes (`/J#61vaScript`); they are decoded first.
 */

export interface PdfInspection {
  /** The active-content names found, e.g. ['JS', 'JavaScript'], in order of first appearance. */
  activeContent: string[];
  /** Why part of the structure could not be read (an encrypted or damaged object stream); undefined when all was read. */
  uninspectable?: string;
}

const ACTIVE_NAMES: ReadonlySet<string> = new Set(['JavaScript', 'JS', 'AA', 'Launch']);

/** Object streams of an honest PDF inflate to a few MB; more than this in total is treated as a bomb. */
export const MAX_INFLATED_OBJECT_STREAM_BYTES = 64 * 1024 * 1024;

/** How far back from a `stream` keyword its dictionary is looked for. */
const DICTIONARY_WINDOW = 64 * 1024;

/** A PDF name token: `/` then regular characters up to whitespace or a delimiter. */
const NAME = /\/([^\s()<>[\]{}/%]*)/g;

const OBJECT_HEADER = /\d+\s+\d+\s+obj\b/g;

/** The `stream` keyword that opens stream data (not the end of `endstream`), with its end-of-line. */
const STREAM_KEYWORD = /(?<=[\s>])stream(?:\r\n|\n|\r)/g;

export function inspectPdf(bytes: Buffer): PdfInspection {
  const text = bytes.toString('latin1');
  const found = new Set<string>();
  let uninspectable: string | undefined;
  let budget = MAX_INFLATED_OBJECT_STREAM_BYTES;
  let cursor = 0;
  for (const stream of streams(text)) {
    collectActiveNames(text.slice(cursor, stream.keywordAt), found);
    if (namesIn(stream.dictionary).includes('ObjStm')) {
      const decoded = decodeObjectStream(stream.dictionary, Buffer.from(text.slice(stream.dataFrom, stream.dataTo), 'latin1'), budget);
      if (typeof decoded === 'string') uninspectable ??= decoded;
      else {
        budget -= decoded.length;
        collectActiveNames(decoded.toString('latin1'), found);
      }
    }
    cursor = stream.resumeAt;
  }
  collectActiveNames(text.slice(cursor), found);
  return { activeContent: [...found], ...(uninspectable ? { uninspectable } : {}) };
}

interface StreamSpan {
  keywordAt: number;
  dataFrom: number;
  dataTo: number;
  /** After `endstream`; the rest of the file continues there. */
  resumeAt: number;
  /** The text of the stream's object from its `N G obj` header to the keyword: its dictionary. */
  dictionary: string;
}

function* streams(text: string): Generator<StreamSpan> {
  let from = 0;
  for (;;) {
    STREAM_KEYWORD.lastIndex = from;
    const match = STREAM_KEYWORD.exec(text);
    if (!match) return;
    const keywordAt = match.index;
    const dataFrom = keywordAt + match[0].length;
    const end = text.indexOf('endstream', dataFrom);
    const dataTo = end === -1 ? text.length : end;
    const windowStart = Math.max(from, keywordAt - DICTIONARY_WINDOW);
    const before = text.slice(windowStart, keywordAt);
    let header = -1;
    OBJECT_HEADER.lastIndex = 0;
    for (let m = OBJECT_HEADER.exec(before); m; m = OBJECT_HEADER.exec(before)) header = m.index;
    yield { keywordAt, dataFrom, dataTo, resumeAt: end === -1 ? text.length : end + 'endstream'.length, dictionary: before.slice(Math.max(header, 0)) };
    from = end === -1 ? text.length : end + 'endstream'.length;
  }
}

/** Decodes `#xx` escapes in a name (PDF 1.2+). */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function namesIn(text: string): string[] {
  return [...text.matchAll(NAME)].map((m) => decodeName(m[1]));
}

function collectActiveNames(text: string, into: Set<string>): void {
  for (const name of namesIn(text)) if (ACTIVE_NAMES.has(name)) into.add(name);
}

/** The filters named by a stream dictionary's /Filter entry (a name or an array of names). */
function filtersOf(dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s()<>[\]{}/%]+)/.exec(dictionary);
  return match ? namesIn(match[1]) : [];
}

/** The inflated object stream, or why it could not be read. */
function decodeObjectStream(dictionary: string, data: Buffer, budget: number): Buffer | string {
  const filters = filtersOf(dictionary);
  if (filters.length === 0) return data;
  if (filters.length > 1 || !['FlateDecode', 'Fl'].includes(filters[0])) return `an object stream is encoded with ${filters.join(', ')}`;
  try {
    // Sync flush: a stream cut short still yields what it holds.
    return inflateSync(data, { maxOutputLength: Math.max(budget, 1), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'object streams expand to more than 64 MB';
    return 'an object stream could not be decompressed (the PDF is encrypted or damaged)';
  }
}
