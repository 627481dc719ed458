import { ColumnSpec, KindSpec } from '../kinds';
import { headerKey } from './text';

export interface ColumnMapping {
  field: string;
  /** 0-based column index in the sheet. */
  column: number;
  /** The header as the file writes it. */
  header: string;
}

export interface DetectedHeader {
  /** 0-based index of the header row in the table; -1 when none was found. */
  index: number;
  mapping: ColumnMapping[];
  missing: ColumnSpec[];
}

/** How far down a title block may push the header (lists often open with a title and a 文号 line). */
const HEADER_SEARCH_ROWS = 30;

function aliasMatch(spec: ColumnSpec, key: string): boolean {
  return spec.aliases.some((alias) => headerKey(alias) === key);
}

/** The columns a row would map, each spec at its first matching cell. */
export function mapHeaderRow(kind: KindSpec, row: readonly string[]): ColumnMapping[] {
  const mapping: ColumnMapping[] = [];
  const taken = new Set<number>();
  for (const spec of kind.columns) {
    const column = row.findIndex((cell, i) => !taken.has(i) && aliasMatch(spec, headerKey(cell ?? '')));
    if (column >= 0) {
      taken.add(column);
      mapping.push({ field: spec.field, column, header: row[column] });
    }
  }
  return mapping;
}

/**
 * The header is the row, among the first rows, that maps the most columns (required ones first). A list whose header
 * lacks a required column is refused as a whole: its rows could not be read as this kind.
 */
export function detectHeader(kind: KindSpec, table: readonly string[][]): DetectedHeader {
  let best: DetectedHeader = { index: -1, mapping: [], missing: kind.columns.filter((c) => c.required) };
  let bestScore = 0;
  for (let i = 0; i < Math.min(table.length, HEADER_SEARCH_ROWS); i += 1) {
    const mapping = mapHeaderRow(kind, table[i] ?? []);
    const mapped = new Set(mapping.map((m) => m.field));
    const missing = kind.columns.filter((c) => c.required && !mapped.has(c.field));
    const score = (kind.columns.length + 1) * (kind.columns.filter((c) => c.required).length - missing.length) + mapping.length;
    if (mapping.length >= 2 && score > bestScore) {
      best = { index: i, mapping, missing };
      bestScore = score;
    }
  }
  return best;
}

/** A later row that repeats the header (lists printed over several pages repeat it on each). */
export function isRepeatedHeader(kind: KindSpec, header: DetectedHeader, row: readonly string[]): boolean {
  return header.mapping.every((m) => {
    const spec = kind.columns.find((c) => c.field === m.field);
    return spec !== undefined && aliasMatch(spec, headerKey(row[m.column] ?? ''));
  });
}
