import achievementSchema from '../../../../../libs/policy/src/schema/achievement.schema.json';
import type { Achievement } from '../../api/types';
import type { Locale } from '../../i18n/locale';

/**
 * The achievement forms, generated from the one achievement schema the award engine validates with
 * (libs/policy/src/schema/achievement.schema.json): each type's fields, which are required, their kind (choice, date,
 * whole number, yes/no, amount in yuan, text) and their choices come from the schema; only the words people read are
 * written here. A field the schema adds later without words here is still shown, under its schema description.
 */
/**
 * An achievement as its form holds it while it is typed: the API's `Achievement` (generated from the same schema) once
 * every required field is filled, with fields still missing until then. Only complete ones are sent (isComplete).
 */
export type AchievementDraft = Record<string, unknown> & Pick<Achievement, 'id' | 'type'>;

type Words = readonly [zh: string, en: string];

export type FieldKind = 'select' | 'date' | 'integer' | 'boolean' | 'money' | 'text';

export interface FieldDef {
  /** Path inside the achievement, e.g. ['adoption', 'enterpriseCount']. */
  path: string[];
  kind: FieldKind;
  required: boolean;
  options?: string[];
  defaultValue?: unknown;
  minimum?: number;
}

interface JsonProperty {
  type?: string;
  enum?: string[];
  format?: string;
  minimum?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonProperty>;
}

interface Branch {
  if: { properties: { type: { const: string } } };
  then: { description?: string; required?: string[]; properties?: Record<string, JsonProperty> };
}

const branches = (achievementSchema as unknown as { allOf: Branch[] }).allOf;

export const ACHIEVEMENT_TYPES: string[] = branches.map((branch) => branch.if.properties.type.const);

function fieldsOf(path: string[], name: string, property: JsonProperty, required: boolean): FieldDef[] {
  if (property.type === 'object' && property.properties) {
    return Object.entries(property.properties).flatMap(([child, value]) => fieldsOf([...path, name], child, value, false));
  }
  const full = [...path, name];
  if (property.enum) return [{ path: full, kind: 'select', required, options: property.enum, defaultValue: property.default }];
  if (property.format === 'date') return [{ path: full, kind: 'date', required }];
  if (property.type === 'boolean') return [{ path: full, kind: 'boolean', required }];
  if (property.type === 'integer') return [{ path: full, kind: name.endsWith('Fen') ? 'money' : 'integer', required, minimum: property.minimum }];
  return [{ path: full, kind: 'text', required }];
}

/** The form fields of one achievement type, required ones first in the schema's order. */
export function fieldsFor(type: string): FieldDef[] {
  const branch = branches.find((candidate) => candidate.if.properties.type.const === type);
  if (!branch) return [];
  const required = new Set(branch.then.required ?? []);
  const all = Object.entries(branch.then.properties ?? {}).flatMap(([name, property]) => fieldsOf([], name, property, required.has(name)));
  return [...all.filter((field) => field.required), ...all.filter((field) => !field.required)];
}

export function schemaDescription(path: string[], type: string): string | undefined {
  const branch = branches.find((candidate) => candidate.if.properties.type.const === type);
  let property: JsonProperty | undefined = { properties: branch?.then.properties };
  for (const part of path) property = property?.properties?.[part];
  return property?.description;
}

export const TYPE_WORDS: Record<string, Words> = {
  standard: ['标准制修订', 'Standard drafted or revised'],
  committee_secretariat: ['承担标准化技术组织秘书处', 'Standardization committee secretariat'],
  standardization_pilot: ['标准化试点示范项目', 'Standardization pilot project'],
  leader: ['企业标准“领跑者”', 'Enterprise standard leader'],
  innovation_award: ['标准创新贡献奖', 'Standard innovation award'],
  good_conduct: ['标准化良好行为企业', 'Standardization good conduct'],
  international_meeting: ['承办国际标准化会议或活动', 'International standardization meeting'],
  foreign_adoption: ['中国标准被国外采用', 'Chinese standard adopted abroad'],
  innovation_base: ['标准创新基地、推广平台', 'Standard innovation base or platform'],
  benchmarking: ['对标达标', 'Benchmarking'],
  recognition: ['其他荣誉、认证或称号', 'Other honour, certification or title'],
};

const FIELD_WORDS: Record<string, Words> = {
  level: ['级别', 'Level'],
  action: ['制定或修订', 'Formulated or revised'],
  role: ['承担角色', 'Role'],
  draftingRank: ['起草单位排名', 'Rank among drafting units'],
  standardNo: ['标准编号', 'Standard number'],
  title: ['标准名称', 'Title'],
  publishedOn: ['发布日期', 'Published on'],
  implementedOn: ['实施日期', 'In force from'],
  seriesKey: ['系列标准名称', 'Series'],
  convertedFrom: ['由团体标准转化', 'Converted from'],
  'adoption.byGovernment': ['被政府采信', 'Adopted by government'],
  'adoption.enterpriseCount': ['采用该标准的企业数', 'Enterprises using it'],
  ownIpConverted: ['自主知识产权转化为标准', 'Own IP converted'],
  groupStandardPilot: ['团体标准试点项目', 'Group standard pilot'],
  scopeCoversTenant: ['适用范围覆盖本地区', 'Scope covers this region'],
  costsIncurredFen: ['实际发生费用（元）', 'Costs incurred (yuan)'],
  body: ['技术组织级别', 'Body'],
  tier: ['组织类别', 'Tier'],
  function: ['承担职责', 'Function'],
  assumedOn: ['承担日期', 'Assumed on'],
  committeeCode: ['技术组织编号', 'Committee code'],
  multiDepartmentRegional: ['多部门共建区域项目', 'Multi-department regional'],
  stage: ['项目阶段', 'Stage'],
  startedOn: ['启动日期', 'Started on'],
  acceptedOn: ['验收日期', 'Accepted on'],
  product: ['产品或服务', 'Product or service'],
  enterpriseStandardNo: ['企业标准编号', 'Enterprise standard number'],
  recognizedOn: ['认定日期', 'Recognized on'],
  revokedOn: ['撤销日期', 'Revoked on'],
  grade: ['等级', 'Grade'],
  awardedOn: ['获奖日期', 'Awarded on'],
  projectLead: ['项目第一完成单位', 'Project lead'],
  certifiedOn: ['确认日期', 'Certified on'],
  kind: ['类别', 'Kind'],
  heldOn: ['举办日期', 'Held on'],
  hostRank: ['承办单位排名', 'Rank among hosts'],
  evidencedOn: ['证明日期', 'Evidenced on'],
  approvedOn: ['批准日期', 'Approved on'],
  completedOn: ['完成日期', 'Completed on'],
  code: ['荣誉代码', 'Honour code'],
  obtainedOn: ['取得日期', 'Obtained on'],
};

const VALUE_WORDS: Record<string, Words> = {
  international: ['国际', 'International'],
  national: ['国家', 'National'],
  industry: ['行业', 'Industry'],
  regional: ['区域', 'Regional'],
  provincial_local: ['省级地方', 'Provincial local'],
  city_local: ['市级地方', 'City local'],
  group: ['团体', 'Group'],
  formulate: ['制定', 'Formulated'],
  revise: ['修订', 'Revised'],
  lead: ['主导（第一起草单位）', 'Lead drafter'],
  participate: ['参与', 'Participant'],
  provincial: ['省级', 'Provincial'],
  city: ['市级', 'City'],
  TC: ['技术委员会', 'Technical committee'],
  SC: ['分技术委员会', 'Subcommittee'],
  WG: ['工作组', 'Working group'],
  secretariat: ['秘书处', 'Secretariat'],
  convenor: ['召集人', 'Convenor'],
  domestic_counterpart: ['国内技术对口单位', 'Domestic counterpart'],
  started: ['已启动建设', 'Started'],
  accepted: ['已通过验收', 'Accepted'],
  enterprise: ['企业', 'Enterprise'],
  evaluator: ['评估机构', 'Evaluator'],
  first: ['一等奖', 'First prize'],
  second: ['二等奖', 'Second prize'],
  third: ['三等奖', 'Third prize'],
  organization: ['组织奖', 'Organization award'],
  assist: ['助力奖', 'Assistance award'],
  '5A': ['AAAAA', 'AAAAA'],
  '4A': ['AAAA', 'AAAA'],
  '3A': ['AAA', 'AAA'],
  technical_committee_meeting: ['技术委员会会议', 'Technical committee meeting'],
  conference: ['会议', 'Conference'],
  forum: ['论坛', 'Forum'],
  regional_national_base: ['区域类国家技术标准创新基地', 'Regional national base'],
  domain_national_base: ['领域类国家技术标准创新基地', 'Domain national base'],
  provincial_base: ['省级技术标准创新基地', 'Provincial base'],
  national_promotion_platform: ['国家级标准推广平台', 'National promotion platform'],
  provincial_promotion_platform: ['省级标准推广平台', 'Provincial promotion platform'],
  innovation_platform: ['标准创新平台', 'Innovation platform'],
  national_verification_point: ['国家标准验证点', 'National verification point'],
};

export function typeLabel(type: string, locale: Locale): string {
  const words = TYPE_WORDS[type];
  return words ? words[locale === 'zh' ? 0 : 1] : locale === 'zh' ? '其他成果' : 'Other achievement';
}

export function fieldLabel(field: FieldDef, type: string, locale: Locale): string {
  const key = field.path.join('.');
  // A recognition's level and grade are the honour's own words (free text), not the standard levels.
  const words = FIELD_WORDS[key] ?? FIELD_WORDS[field.path[field.path.length - 1]];
  if (words) return words[locale === 'zh' ? 0 : 1];
  return schemaDescription(field.path, type) ?? (locale === 'zh' ? '其他信息' : 'Other detail');
}

export function valueLabel(value: string, locale: Locale): string {
  const words = VALUE_WORDS[value];
  return words ? words[locale === 'zh' ? 0 : 1] : value;
}

/** A one-line description of a claimed achievement people recognise: its type and its number or level. */
export function achievementTitle(achievement: Record<string, unknown>, locale: Locale): string {
  const type = typeLabel(String(achievement.type), locale);
  const detail = [achievement.standardNo, achievement.title, achievement.product, achievement.committeeCode]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
  const level = typeof achievement.level === 'string' ? valueLabel(achievement.level, locale) : '';
  return [type, level, detail].filter(Boolean).join(' · ');
}
