import { createHash } from 'node:crypto';
import { KINDS, KindSpec, ListKind } from '../kinds';
import { parseListDate } from './dates';
import { ColumnMapping, detectHeader, isRepeatedHeader } from './detect-columns';
import { decodeText, parseCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { normalizeCell } from './text';

export type ListFormat = 'xlsx' | 'csv';

export interface Reason {
  zh: string;
  en: string;
}

/** One organization named by one row: a row naming several drafting units gives one entry per unit, in order. */
export interface ParsedEntry {
  /** The row's number in the file (1 = its first line), as the officer sees it in Excel. */
  rowNumber: number;
  /** 1 for the first unit named in the cell, 2 for the second, ...; null when the kind names one party per row. */
  partyRank: number | null;
  partyName: string;
  creditCode: string | null;
  fields: Record<string, string>;
  /** SHA-256 of the kind and the entry's normalized content (not its row number): the same entry, the same key. */
  rowKey: string;
  /** What identifies the achievement across lists: kind, normalized party and the kind's achievement fields. */
  achievementKey: string;
}

export interface RejectedRow {
  rowNumber: number;
  reason: Reason;
  cells: string[];
}

export interface ParsedList {
  kind: ListKind;
  format: ListFormat;
  /** 1-based row number of the header, or null when none was found. */
  headerRow: number | null;
  mapping: ColumnMapping[];
  /** File-level problems: with any, nothing is imported. */
  problems: Reason[];
  entries: ParsedEntry[];
  rejected: RejectedRow[];
  /** Data rows read (blank lines and repeated headers not counted). */
  rowsRead: number;
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** 、 ， ; ； and line breaks separate drafting units; a half-width comma too (NFKC folded the full-width one into it). */
const PARTY_SEPARATORS = /[、,;\n]+/;

export function formatOf(fileName: string, bytes: Buffer): ListFormat | null {
  // The bytes decide: an xlsx is a zip (PK\x03\x04); a name ending in .csv or .txt with no NUL byte is text.
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (/\.(csv|txt|tsv)$/i.test(fileName) && !bytes.subarray(0, 8192).includes(0)) return 'csv';
  return null;
}

export async function readTable(format: ListFormat, bytes: Buffer): Promise<string[][]> {
  return format === 'xlsx' ? readXlsx(bytes) : parseCsv(decodeText(bytes));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The party name as a key: width-folded, spaces removed, lower case (see match/normalize-name.ts for the rules). */
export type NameKeyFn = (name: string) => string;

/**
 * Reads a list of `kind` from its table. Pure: the same table gives the same entries, keys and refusals. Each refusal
 * names its row number and why, in Chinese and English; rows are never silently dropped, except blank lines and
 * repeated headers, which are not data.
 */
export function parseTable(kindId: ListKind, format: ListFormat, table: readonly string[][], nameKey: NameKeyFn): ParsedList {
  const kind = KINDS[kindId];
  const header = detectHeader(kind, table);
  const result: ParsedList = { kind: kindId, format, headerRow: header.index >= 0 ? header.index + 1 : null, mapping: header.mapping, problems: [], entries: [], rejected: [], rowsRead: 0 };
  if (header.index < 0 || header.missing.length > 0) {
    const names = (header.index < 0 ? kind.columns.filter((c) => c.required) : header.missing).map((c) => c.label);
    result.problems.push({
      zh: `未找到必需的列：${names.map((n) => n.zh).join('、')}（表头须在前 30 行内）`,
      en: `Required columns not found: ${names.map((n) => n.en).join(', ')} (the header must be within the first 30 rows)`,
    });
    return result;
  }
  const carried = new Map<string, string>();
  const seen = new Map<string, number>();
  for (let i = header.index + 1; i < table.length; i += 1) {
    const raw = table[i] ?? [];
    const rowNumber = i + 1;
    if (raw.every((cell) => normalizeCell(cell ?? '') === '')) continue;
    if (isRepeatedHeader(kind, header, raw)) continue;
    result.rowsRead += 1;
    const outcome = readRow(kind, header.mapping, raw, carried);
    if ('reason' in outcome) {
      result.rejected.push({ rowNumber, reason: outcome.reason, cells: raw.map((c) => c ?? '') });
      continue;
    }
    const parties = kind.partySplit ? outcome.fields[kind.party].split(PARTY_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '') : [outcome.fields[kind.party]];
    const creditCode = parties.length === 1 ? outcome.fields.creditCode || null : null;
    const entries: ParsedEntry[] = [];
    let duplicateOf: number | undefined;
    parties.forEach((partyName, index) => {
      const partyRank = kind.partySplit ? index + 1 : null;
      const content = kind.columns.map((c) => (c.field === kind.party ? partyName : outcome.fields[c.field] ?? ''));
      const rowKey = sha256(JSON.stringify([kindId, partyRank, nameKey(partyName), ...content.map((v) => v.toLowerCase())]));
      duplicateOf ??= seen.get(rowKey);
      const achievementKey = sha256(JSON.stringify([kindId, nameKey(partyName), ...kind.achievementFields.map((f) => (outcome.fields[f] ?? '').replace(/\s+/g, '').toUpperCase())]));
      entries.push({ rowNumber, partyRank, partyName, creditCode, fields: outcome.fields, rowKey, achievementKey });
    });
    if (duplicateOf !== undefined) {
      result.rejected.push({
        rowNumber,
        reason: { zh: `与第 ${duplicateOf} 行内容重复`, en: `Repeats row ${duplicateOf}` },
        cells: raw.map((c) => c ?? ''),
      });
      continue;
    }
    for (const entry of entries) {
      seen.set(entry.rowKey, rowNumber);
      result.entries.push(entry);
    }
  }
  return result;
}

type RowOutcome = { fields: Record<string, string> } | { reason: Reason };

function readRow(kind: KindSpec, mapping: readonly ColumnMapping[], raw: readonly string[], carried: Map<string, string>): RowOutcome {
  const fields: Record<string, string> = {};
  for (const { field, column } of mapping) {
    const spec = kind.columns.find((c) => c.field === field)!;
    let value = normalizeCell(raw[column] ?? '');
    if (value === '' && spec.carry) value = carried.get(field) ?? '';
    else if (spec.carry) carried.set(field, value);
    if (value === '' && spec.required) {
      return { reason: spec.carry ? { zh: `${spec.label.zh}为空，且上方没有可沿用的值`, en: `${spec.label.en} is blank with no value above to carry down` } : { zh: `${spec.label.zh}为空`, en: `${spec.label.en} is blank` } };
    }
    if (value !== '' && spec.type === 'date') {
      const date = parseListDate(value);
      if (!date) return { reason: { zh: `${spec.label.zh}“${value}”不是有效日期`, en: `${spec.label.en} "${value}" is not a valid date` } };
      value = date;
    }
    if (value !== '' && spec.type === 'credit_code') {
      value = value.replace(/\s+/g, '').toUpperCase();
      if (!CREDIT_CODE.test(value)) return { reason: { zh: `统一社会信用代码“${value}”格式不正确`, en: `credit code "${value}" is malformed` } };
    }
    if (value.length > 2000) return { reason: { zh: `${spec.label.zh}超过 2000 字`, en: `${spec.label.en} is longer than 2000 characters` } };
    fields[field] = value;
  }
  return { fields };
}
