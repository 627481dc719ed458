import { Workbook } from 'exceljs';
import { fenToYuan } from '../yuan';

const AMOUNT_COLUMN = 6;

/** Yuan as a numeric cell (format 0.00), parsed from the exact fixed-point text of the fen, never float arithmetic. */
function yuanNumber(fen: bigint | number): number {
  return Number(fenToYuan(fen));
}

export interface WorkbookLine {
  applicant: string;
  creditCode: string;
  district: string;
  item: string;
  article: string;
  amountFen: number;
}

export const WORKBOOK_HEADERS = ['申请单位', '统一社会信用代码', '所属区', '资助项目', '依据条款', '资助金额（元）'] as const;

/**
 * One row per item, amounts as numeric yuan cells shown 0.00 (80000.00), each parsed from the fixed-point text of the
 * integer fen, so no float arithmetic touches the figure and the sheet can sum them; the last row is the total.
 */
export async function decisionWorkbook(sheetName: string, lines: readonly WorkbookLine[]): Promise<Buffer> {
  const workbook = new Workbook();
  // Excel refuses sheet names with []:*?/\ or longer than 31 characters.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'list');
  sheet.columns = WORKBOOK_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 1 ? 22 : index === 3 ? 30 : 16 }));
  let total = 0n;
  for (const line of lines) {
    sheet.addRow([line.applicant, line.creditCode, line.district, line.item, line.article, yuanNumber(line.amountFen)]).getCell(AMOUNT_COLUMN).numFmt = '0.00';
    total += BigInt(line.amountFen);
  }
  sheet.addRow(['合计', '', '', '', '', yuanNumber(total)]).getCell(AMOUNT_COLUMN).numFmt = '0.00';
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
