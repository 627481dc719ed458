import { Workbook } from 'exceljs';
import { BatchView } from './batch-store';
import { fenToYuanNumber, YUAN_NUMBER_FORMAT } from './yuan';

export const BATCH_HEADERS = ['序号', '收款单位', '统一社会信用代码', '开户银行', '银行账号', '金额（元）', '用途', '项目', '依据条款'] as const;

const AMOUNT_COLUMN = 6;

/**
 * The treasury payment system's import sheet: one row per line, amounts as numeric yuan cells (format 0.00) built
 * from integer fen, account numbers as text (no scientific notation), the purpose naming the decided standard or
 * achievement (never an internal id), and a total row. The sheet is the paying finance's (付款单位 in its name). A line
 * held for a changed payee account is left out until finance confirms the account: the treasury must not pay it from
 * this sheet.
 */
export async function batchWorkbook(batch: BatchView): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(`支付清单（${batch.payerName}）`.slice(0, 31));
  sheet.columns = BATCH_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: [6, 30, 22, 24, 26, 16, 36, 30, 20][index] }));
  const payable = batch.lines.filter((l) => l.status !== 'held_account_changed');
  for (const line of payable) {
    const row = sheet.addRow([line.lineNo, line.payeeName, line.payeeUscc, line.bankName, line.accountNo, fenToYuanNumber(line.amountFen), line.purpose, batch.programTitle, line.article ?? '']);
    row.getCell(AMOUNT_COLUMN).numFmt = YUAN_NUMBER_FORMAT;
  }
  const total = sheet.addRow(['合计', '', '', '', '', fenToYuanNumber(payable.reduce((sum, l) => sum + BigInt(l.amountFen), 0n)), '', batch.programTitle, '']);
  total.getCell(AMOUNT_COLUMN).numFmt = YUAN_NUMBER_FORMAT;
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
