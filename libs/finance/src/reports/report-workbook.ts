import { Workbook } from 'exceljs';
import { fenToYuan } from '../payments/yuan';
import { PayerReport, ProgramReport } from './program-report';

export const REPORT_HEADERS = ['资金来源', '预算', '可用', '已承诺', '已核准', '已支付', '待支付', '追回应收', '已追回', '追回未到账'] as const;

const FIELDS: Array<keyof Omit<PayerReport, 'payer'>> = [
  'budgetFen',
  'availableFen',
  'committedFen',
  'approvedFen',
  'paidFen',
  'outstandingFen',
  'clawedBackFen',
  'recoveredFen',
  'clawbackOutstandingFen',
];

/** The program's finance report, amounts in fixed-point yuan text computed from fen. */
export async function reportWorkbook(report: ProgramReport): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('资金情况');
  sheet.columns = REPORT_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 0 ? 20 : 16 }));
  for (const payer of report.payers) sheet.addRow([payer.payer, ...FIELDS.map((f) => fenToYuan(payer[f]))]);
  sheet.addRow(['合计', ...FIELDS.map((f) => fenToYuan(report.totals[f]))]);
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
