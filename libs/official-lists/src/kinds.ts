/**
 * The kinds of official list an officer may import, and for each the columns it is read by. A column is found by any
 * of its header aliases (compared after width folding, without spaces), so lists as published by different offices
 * (全角括号, "企业名称" or "单位名称") read the same. `carry`: a blank cell takes the value above (lists write 产品类别
 * once per group, and merged cells arrive as blanks). `party`: the column naming the organization(s) the row concerns;
 * `partySplit`: the cell lists several, in order (a standard's drafting units).
 */
export const LIST_KINDS = ['leader_list', 'published_standard', 'good_conduct_certificate', 'tc_secretariat', 'innovation_award'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export type FieldType = 'text' | 'date' | 'credit_code';

export interface ColumnSpec {
  field: string;
  aliases: readonly string[];
  required: boolean;
  type?: FieldType;
  carry?: boolean;
  label: { zh: string; en: string };
}

export interface KindSpec {
  kind: ListKind;
  label: { zh: string; en: string };
  columns: readonly ColumnSpec[];
  /** The field naming the organization the row is about. */
  party: string;
  /** The party cell lists several organizations in order (1st drafter, 2nd, ...). */
  partySplit?: boolean;
  /** Fields that identify the achievement (with the party), e.g. the standard's number: a later offer keys on them. */
  achievementFields: readonly string[];
}

const CREDIT_CODE: ColumnSpec = {
  field: 'creditCode',
  aliases: ['统一社会信用代码', '社会信用代码', '信用代码', 'USCC', '组织机构代码'],
  required: false,
  type: 'credit_code',
  label: { zh: '统一社会信用代码', en: 'credit code' },
};

export const KINDS: Readonly<Record<ListKind, KindSpec>> = {
  leader_list: {
    kind: 'leader_list',
    label: { zh: '企业标准“领跑者”名单', en: 'enterprise standard leader list' },
    party: 'enterpriseName',
    achievementFields: ['standardCode'],
    columns: [
      { field: 'productCategory', aliases: ['产品类别', '产品类型', '产品名称', '领域'], required: false, carry: true, label: { zh: '产品类别', en: 'product category' } },
      { field: 'seq', aliases: ['序号', '编号'], required: false, label: { zh: '序号', en: 'number' } },
      { field: 'enterpriseName', aliases: ['企业名称', '单位名称', '企业'], required: true, label: { zh: '企业名称', en: 'enterprise name' } },
      { field: 'standardCode', aliases: ['企业标准编号', '标准编号', '标准号'], required: true, label: { zh: '企业标准编号', en: 'standard number' } },
      { field: 'standardName', aliases: ['标准名称'], required: false, label: { zh: '标准名称', en: 'standard title' } },
      { field: 'assessor', aliases: ['评估机构'], required: false, carry: true, label: { zh: '评估机构', en: 'assessment body' } },
      CREDIT_CODE,
    ],
  },
  published_standard: {
    kind: 'published_standard',
    label: { zh: '标准发布目录（含起草单位）', en: 'published standards with drafting units' },
    party: 'draftingUnits',
    partySplit: true,
    achievementFields: ['standardCode'],
    columns: [
      { field: 'standardCode', aliases: ['标准号', '标准编号'], required: true, label: { zh: '标准号', en: 'standard number' } },
      { field: 'standardName', aliases: ['标准名称'], required: true, label: { zh: '标准名称', en: 'standard title' } },
      { field: 'publishedOn', aliases: ['发布日期'], required: false, type: 'date', label: { zh: '发布日期', en: 'publication date' } },
      { field: 'effectiveOn', aliases: ['实施日期'], required: false, type: 'date', label: { zh: '实施日期', en: 'effective date' } },
      { field: 'draftingUnits', aliases: ['起草单位', '主要起草单位'], required: true, label: { zh: '起草单位', en: 'drafting units' } },
    ],
  },
  good_conduct_certificate: {
    kind: 'good_conduct_certificate',
    label: { zh: '标准化良好行为证书', en: 'good-conduct certificates' },
    party: 'enterpriseName',
    achievementFields: ['certificateNo'],
    columns: [
      { field: 'seq', aliases: ['序号'], required: false, label: { zh: '序号', en: 'number' } },
      { field: 'enterpriseName', aliases: ['企业名称', '单位名称', '获证单位'], required: true, label: { zh: '企业名称', en: 'enterprise name' } },
      CREDIT_CODE,
      { field: 'grade', aliases: ['等级', '确认等级', '级别'], required: true, label: { zh: '等级', en: 'grade' } },
      { field: 'certificateNo', aliases: ['证书编号', '证书号'], required: true, label: { zh: '证书编号', en: 'certificate number' } },
      { field: 'issuedOn', aliases: ['发证日期', '颁证日期', '确认日期'], required: false, type: 'date', label: { zh: '发证日期', en: 'issue date' } },
    ],
  },
  tc_secretariat: {
    kind: 'tc_secretariat',
    label: { zh: '标准化技术委员会秘书处承担单位', en: 'technical-committee secretariats' },
    party: 'secretariatUnit',
    achievementFields: ['committeeCode'],
    columns: [
      { field: 'committeeCode', aliases: ['技术委员会编号', '编号', 'TC编号'], required: true, label: { zh: '技术委员会编号', en: 'committee number' } },
      { field: 'committeeName', aliases: ['技术委员会名称', '名称'], required: true, label: { zh: '技术委员会名称', en: 'committee name' } },
      { field: 'level', aliases: ['级别', '层级'], required: false, carry: true, label: { zh: '级别', en: 'level' } },
      { field: 'secretariatUnit', aliases: ['秘书处承担单位', '承担单位', '秘书处所在单位'], required: true, label: { zh: '秘书处承担单位', en: 'secretariat unit' } },
      CREDIT_CODE,
    ],
  },
  innovation_award: {
    kind: 'innovation_award',
    label: { zh: '标准创新贡献奖', en: 'innovation awards' },
    party: 'unitName',
    partySplit: true,
    achievementFields: ['projectName', 'awardLevel'],
    columns: [
      { field: 'awardLevel', aliases: ['奖项等级', '获奖等级', '等级'], required: true, carry: true, label: { zh: '奖项等级', en: 'award level' } },
      { field: 'projectName', aliases: ['项目名称', '标准名称'], required: true, label: { zh: '项目名称', en: 'project' } },
      { field: 'unitName', aliases: ['获奖单位', '完成单位', '主要完成单位'], required: true, label: { zh: '获奖单位', en: 'awarded units' } },
      { field: 'year', aliases: ['年度', '年份'], required: false, carry: true, label: { zh: '年度', en: 'year' } },
      CREDIT_CODE,
    ],
  },
};

export function isListKind(value: unknown): value is ListKind {
  return typeof value === 'string' && (LIST_KINDS as readonly string[]).includes(value);
}
