import { Injectable } from '@nestjs/common';
import { KINDS, ListKind } from '../kinds';
import { ParsedEntry, Reason, RejectedRow } from '../parse/parse-list';
import { readList } from './read-list';

export interface PreviewView {
  kind: ListKind;
  format: 'xlsx' | 'csv' | null;
  headerRow: number | null;
  mapping: Array<{ field: string; column: number; header: string; labelZh: string; labelEn: string; required: boolean }>;
  /** Columns of the kind not found in the header (optional ones; a required one missing is also a problem). */
  unmapped: Array<{ field: string; labelZh: string; labelEn: string; required: boolean }>;
  problems: Reason[];
  rowsRead: number;
  entries: number;
  rejectedCount: number;
  /** The first entries as they would be stored. */
  rows: Array<Pick<ParsedEntry, 'rowNumber' | 'partyRank' | 'partyName' | 'creditCode' | 'fields'>>;
  /** The first refused rows, each with its number and reason. */
  rejected: RejectedRow[];
}

const PREVIEW_ROWS = 20;

/** What an import of this file would read, without storing anything: the mapping found, the first rows, the refusals. */
@Injectable()
export class PreviewList {
  async execute(kind: ListKind, fileName: string, bytes: Buffer): Promise<PreviewView> {
    const spec = KINDS[kind];
    const { format, parsed } = await readList(kind, fileName, bytes);
    const label = (field: string) => spec.columns.find((c) => c.field === field)!;
    if (!parsed) {
      return {
        kind, format, headerRow: null, mapping: [], unmapped: spec.columns.map((c) => ({ field: c.field, labelZh: c.label.zh, labelEn: c.label.en, required: c.required })),
        problems: [{ zh: '文件无法读取：请上传 xlsx 或 csv 文件', en: 'The file is not a readable xlsx or csv list' }], rowsRead: 0, entries: 0, rejectedCount: 0, rows: [], rejected: [],
      };
    }
    const mapped = new Set(parsed.mapping.map((m) => m.field));
    return {
      kind,
      format,
      headerRow: parsed.headerRow,
      mapping: parsed.mapping.map((m) => ({ ...m, labelZh: label(m.field).label.zh, labelEn: label(m.field).label.en, required: label(m.field).required })),
      unmapped: spec.columns.filter((c) => !mapped.has(c.field)).map((c) => ({ field: c.field, labelZh: c.label.zh, labelEn: c.label.en, required: c.required })),
      problems: parsed.problems,
      rowsRead: parsed.rowsRead,
      entries: parsed.entries.length,
      rejectedCount: parsed.rejected.length,
      rows: parsed.entries.slice(0, PREVIEW_ROWS).map(({ rowNumber, partyRank, partyName, creditCode, fields }) => ({ rowNumber, partyRank, partyName, creditCode, fields })),
      rejected: parsed.rejected.slice(0, PREVIEW_ROWS),
    };
  }
}
