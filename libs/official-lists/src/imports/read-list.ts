import { ListKind } from '../kinds';
import { normalizeName } from '../match/normalize-name';
import { formatOf, ListFormat, ParsedList, parseTable, readTable } from '../parse/parse-list';

/** Reads a file as a list of `kind`: null format means the bytes are neither xlsx nor csv. */
export async function readList(kind: ListKind, fileName: string, bytes: Buffer): Promise<{ format: ListFormat | null; parsed: ParsedList | null }> {
  const format = formatOf(fileName, bytes);
  if (!format) return { format, parsed: null };
  try {
    return { format, parsed: parseTable(kind, format, await readTable(format, bytes), normalizeName) };
  } catch {
    // A damaged zip or workbook: reported as unreadable, like a file of the wrong type.
    return { format, parsed: null };
  }
}
