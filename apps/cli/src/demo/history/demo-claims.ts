/**
 * What the demo applicant claims in each history program, per policy text: achievements the text pays for without a
 * further review stage (a formal check, then the decision), so every stage program reaches its stage through the same
 * few calls. Each program gets achievements of its own, so no claim is an earlier award of another program. Dates lie
 * in the year before the program's year, after the text took effect.
 */
export interface DemoClaims {
  /** The call's material list per achievement type (one material each: the demo uploads one PDF per achievement). */
  materials: Record<string, string[]>;
  /** Two achievements per program, so a payment batch has two lines (one paid, one still with the bank). */
  achievements(program: number, year: number): Array<Record<string, unknown> & { id: string; type: string }>;
}

export const DEMO_CLAIMS: Record<string, DemoClaims> = {
  // 第十七条: accepted pilots, city ≤ 15 万 and national ≤ 20 万, never more than the costs; no expert review for pilots
  // (第十三条 scopes it to 标准制修订 items).
  'beijing-2020': {
    materials: { standardization_pilot: ['考核评估（验收）报告'] },
    achievements: (program, year) => [
      { id: `p${program}c`, type: 'standardization_pilot', level: 'city', stage: 'accepted', startedOn: `${year - 3}-03-0${program + 1}`, acceptedOn: `${year - 1}-0${program + 3}-15`, costsIncurredFen: 9_000_000 + program * 100_000 },
      { id: `p${program}n`, type: 'standardization_pilot', level: 'national', stage: 'accepted', startedOn: `${year - 3}-09-0${program + 1}`, acceptedOn: `${year - 1}-0${program + 5}-20`, costsIncurredFen: 16_000_000 + program * 100_000 },
    ],
  },
  // 第12条: the city matches national funds 1:1, at most 20 万元; each project is a different one.
  'zhengzhou-2019': {
    materials: { recognition: ['国家下达项目经费文件'] },
    achievements: (program, year) => [
      { id: `r${program}a`, type: 'recognition', code: 'national_std_project', subject: `国家标准技术审查项目 ${year - 1}-JS-0${program}1`, obtainedOn: `${year - 1}-0${program + 3}-18`, nationalFundsFen: 8_000_000 + program * 100_000 },
      { id: `r${program}b`, type: 'recognition', code: 'national_std_project', subject: `国家标准化科研项目 ${year - 1}YFF06${program}2`, obtainedOn: `${year - 1}-0${program + 4}-02`, nationalFundsFen: 12_000_000 + program * 100_000 },
    ],
  },
};
