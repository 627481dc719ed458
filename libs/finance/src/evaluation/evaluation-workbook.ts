import { Workbook } from 'exceljs';
import { fenToYuanNumber, YUAN_NUMBER_FORMAT } from '../payments/yuan';
import { EvaluationList, ReportStatus } from './evaluation-list';

export const EVALUATION_HEADERS = ['受资助单位', '统一社会信用代码', '所属区县', '资助事项', '依据条款', '已拨付金额（元）', '拨付日期', '报告截止日期', '状态', '报告收到日期'] as const;

const STATUS_ZH: Record<ReportStatus, string> = { due: '待报告', overdue: '逾期未报告', received: '已报告' };

const AMOUNT_COLUMN = 6;

/** 绩效评价名单 as a spreadsheet: the item by the decision's name for it, amounts as numeric yuan cells (0.00) built from fen. */
export async function evaluationWorkbook(list: EvaluationList): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('绩效评价名单');
  sheet.columns = EVALUATION_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 0 ? 30 : 18 }));
  for (const item of list.items) {
    const row = sheet.addRow([
      item.awardeeName,
      item.creditCode,
      item.districtName || item.districtCode,
      item.itemLabel,
      item.article ?? '',
      fenToYuanNumber(item.paidFen),
      item.paidOn,
      item.dueOn,
      STATUS_ZH[item.status],
      item.receivedOn ?? '',
    ]);
    row.getCell(AMOUNT_COLUMN).numFmt = YUAN_NUMBER_FORMAT;
  }
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
