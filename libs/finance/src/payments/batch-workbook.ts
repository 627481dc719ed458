import { Workbook } from 'exceljs';
import { BatchView } from './batch-store';
import { fenToYuan } from './yuan';

export const BATCH_HEADERS = ['序号', '收款单位', '统一社会信用代码', '开户银行', '银行账号', '金额（元）', '用途', '项目', '依据条款'] as const;

/**
 * The treasury payment system's import sheet: one row per line, amounts as fixed-point yuan text computed from
 * integer fen (never a spreadsheet number, so no float rounding), account numbers as text (no scientific notation),
 * and a total row. A line held for a changed payee account is left out until finance confirms the account: the
 * treasury must not pay it from this sheet.
 */
export async function batchWorkbook(batch: BatchView): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('支付清单');
  sheet.columns = BATCH_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: [6, 30, 22, 24, 26, 16, 36, 30, 20][index] }));
  const payable = batch.lines.filter((l) => l.status !== 'held_account_changed');
  for (const line of payable) {
    sheet.addRow([line.lineNo, line.payeeName, line.payeeUscc, line.bankName, line.accountNo, fenToYuan(line.amountFen), line.purpose, batch.programTitle, line.article ?? '']);
  }
  sheet.addRow(['合计', '', '', '', '', fenToYuan(payable.reduce((sum, l) => sum + BigInt(l.amountFen), 0n)), '', batch.programTitle, '']);
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
