import type { Localized } from '@subsidy/common';
import type { ErrorObject } from 'ajv';

/** Chinese names of the document's keys an officer meets in the editor (the rest are shown as written). */
const FIELD_ZH: Record<string, string> = {
  id: '版本编号',
  tenant: '所属地区',
  title: '标题',
  documentNo: '文号',
  issuers: '发文机关',
  published: '发布日期',
  effectiveFrom: '生效日期',
  effectiveTo: '失效日期',
  source: '来源',
  districts: '区县',
  items: '资助项目',
  rules: '规则',
  procedure: '办理程序',
  name: '名称',
  article: '条款',
  match: '适用条件',
  fixed: '固定金额',
  ceiling: '最高金额',
  rate: '比例',
  derive: '折算',
  kind: '规则类型',
  max: '上限',
  scope: '适用范围',
  split: '分担比例',
  supersedes: '所替代的版本',
};

export function fieldZh(key: string | number | undefined): string {
  if (key === undefined) return '文件';
  if (typeof key === 'number') return `第${key + 1}项`;
  return FIELD_ZH[key] ? `${FIELD_ZH[key]}（${key}）` : key;
}

/** A Chinese (and English) message for one JSON Schema error, as the loader's English `describeError` reads it. */
export function schemaMessage(error: ErrorObject, english: string): Localized {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { zh: `不认识的字段“${String(params.additionalProperty)}”（拼写有误？）`, en: english };
    case 'required':
      return { zh: `缺少必填字段${fieldZh(String(params.missingProperty))}`, en: english };
    case 'enum':
      return { zh: `只能是以下之一：${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、')}`, en: english };
    case 'const':
      return { zh: `只能是 ${JSON.stringify(params.allowedValue)}`, en: english };
    case 'type':
      return { zh: `类型不对：应为${typeZh(params.type)}`, en: english };
    case 'pattern':
      return { zh: '格式不对（日期写作 "YYYY-MM-DD"，编号只用小写字母、数字、点和连字符）', en: english };
    case 'minItems':
      return { zh: `至少要有 ${String(params.limit)} 项`, en: english };
    case 'minLength':
      return { zh: '不能为空', en: english };
    case 'minimum':
      return { zh: `不能小于 ${String(params.limit)}`, en: english };
    case 'maximum':
      return { zh: `不能大于 ${String(params.limit)}`, en: english };
    case 'uniqueItems':
      return { zh: '不能有重复项', en: english };
    case 'oneOf':
      return english.startsWith('an item needs')
        ? { zh: '每个资助项目须且只须写一种金额：固定金额（fixed）、最高金额（ceiling）、折算（derive）或比例（rate）', en: english }
        : { zh: '不符合任何一种允许的写法', en: english };
    default:
      return { zh: `不符合格式要求（${english}）`, en: english };
  }
}

function typeZh(type: unknown): string {
  const names: Record<string, string> = { string: '文字', integer: '整数', number: '数字', object: '对象', array: '列表', boolean: '是/否', null: '空' };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[String(t)] ?? String(t)).join('或');
}
