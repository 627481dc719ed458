import { Workbook } from 'exceljs';
import { fenToYuanNumber, YUAN_NUMBER_FORMAT } from '../payments/yuan';
import { PayerFigures, ProgramReport } from './program-report';

export const REPORT_HEADERS = ['资金来源', '预算', '可用', '已承诺', '已核准', '已支付', '待支付', '追回应收', '已追回', '追回未到账'] as const;

const FIELDS: Array<keyof Omit<PayerFigures, 'payer'>> = [
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

/** The program's finance report: each payer by its Chinese name, amounts as numeric yuan cells (0.00) built from fen. */
export async function reportWorkbook(report: ProgramReport): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('资金情况');
  sheet.columns = REPORT_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 0 ? 20 : 16 }));
  const rows = [
    ...report.payers.map((payer) => sheet.addRow([payer.payerName, ...FIELDS.map((f) => fenToYuanNumber(payer[f]))])),
    sheet.addRow(['合计', ...FIELDS.map((f) => fenToYuanNumber(report.totals[f]))]),
  ];
  for (const row of rows) FIELDS.forEach((_, index) => (row.getCell(index + 2).numFmt = YUAN_NUMBER_FORMAT));
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
