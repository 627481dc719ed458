import { cstDateOf } from '@subsidy/calendar';
import { ErrorDetail } from '@subsidy/common';

/**
 * A program's year must be the year its window belongs to: the CST calendar year of its opening or of its closing (a
 * window may straddle the new year, e.g. a 2024 call opening in December 2023). A "2025 program" whose window lies
 * wholly in 2024 is a typo that would misdate the awards, the year-wide expert exclusions and the reports.
 */
export function programYearProblems(input: { year: number; window: { opensAt: Date; closesAt: Date } }): ErrorDetail[] {
  const opens = Number(cstDateOf(input.window.opensAt).slice(0, 4));
  const closes = Number(cstDateOf(input.window.closesAt).slice(0, 4));
  if (input.year === opens || input.year === closes) return [];
  const years = opens === closes ? `${opens}` : `${opens} or ${closes}`;
  const yearsZh = opens === closes ? `${opens}` : `${opens}或${closes}`;
  return [
    {
      path: 'year',
      message: `must be the CST year the window opens or closes in (${years}), not ${input.year}`,
      messageZh: `项目年度须与申报窗口开始或截止的年份一致（${yearsZh}），不能为${input.year}`,
    },
  ];
}
