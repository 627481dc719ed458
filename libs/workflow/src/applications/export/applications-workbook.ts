import { Workbook } from 'exceljs';
import { fenToYuan } from '../../decision/yuan';

export interface ApplicationsSheetLine {
  organizationName: string;
  district: string;
  status: string;
  stageDueOn: string;
  estimateFen: number | null;
  decidedFen: number | null;
  submittedOn: string;
}

export const APPLICATIONS_SHEET_HEADERS = ['申报单位', '所属区县', '所处环节', '本环节截止日期', '测算金额（元）', '决定金额（元）', '提交日期'] as const;

const MONEY_COLUMNS = [5, 6];

/**
 * The officer's list of a program's applications as a sheet: Chinese headers, one row per application, the amounts
 * as numeric yuan cells shown 0.00, each parsed from the fixed-point text of the integer fen (never float arithmetic),
 * empty where there is no amount yet.
 */
export async function applicationsWorkbook(sheetName: string, lines: readonly ApplicationsSheetLine[]): Promise<Buffer> {
  const workbook = new Workbook();
  // Excel refuses sheet names with []:*?/\ or longer than 31 characters.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'applications');
  sheet.columns = APPLICATIONS_SHEET_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 0 ? 36 : 16 }));
  for (const line of lines) {
    const money = (fen: number | null) => (fen === null ? null : Number(fenToYuan(fen)));
    const row = sheet.addRow([line.organizationName, line.district, line.status, line.stageDueOn, money(line.estimateFen), money(line.decidedFen), line.submittedOn]);
    for (const column of MONEY_COLUMNS) row.getCell(column).numFmt = '#,##0.00';
  }
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
