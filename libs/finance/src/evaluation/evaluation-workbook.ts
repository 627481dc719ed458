import { Workbook } from 'exceljs';
import { fenToYuan } from '../payments/yuan';
import { EvaluationList, ReportStatus } from './evaluation-list';

export const EVALUATION_HEADERS = ['受资助单位', '统一社会信用代码', '所属区县', '资助事项', '依据条款', '已拨付金额（元）', '拨付日期', '报告截止日期', '状态', '报告收到日期'] as const;

const STATUS_ZH: Record<ReportStatus, string> = { due: '待报告', overdue: '逾期未报告', received: '已报告' };

/** 绩效评价名单 as a spreadsheet; amounts are fixed-point yuan text computed from fen. */
export async function evaluationWorkbook(list: EvaluationList): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('绩效评价名单');
  sheet.columns = EVALUATION_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 0 ? 30 : 18 }));
  for (const item of list.items) {
    sheet.addRow([
      item.awardeeName,
      item.creditCode,
      item.districtName || item.districtCode,
      item.achievementId,
      item.article ?? '',
      fenToYuan(item.paidFen),
      item.paidOn,
      item.dueOn,
      STATUS_ZH[item.status],
      item.receivedOn ?? '',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
