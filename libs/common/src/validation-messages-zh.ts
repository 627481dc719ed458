/**
 * Chinese messages for class-validator's constraints, by constraint name. class-validator writes English only
 * ("property file should not exist"); the product's users read Chinese, so every validation detail carries both.
 *
 * A template receives the field's JSON path, the constraint's arguments (`@MaxLength(64)` gives `[64]`) and the
 * English message (for the few custom rules whose specifics live only there). A rule may also give its own Chinese
 * text: `@Matches(RE, { message: '...', context: { messageZh: '...' } })`, which wins over the template.
 */
type Template = (field: string, args: readonly unknown[], english: string) => string;

const list = (value: unknown): string => (Array.isArray(value) ? value.map(String).join('、') : String(value));
const afterPhrase = (english: string, phrase: RegExp): string => phrase.exec(english)?.[1] ?? '';

export const CHINESE_TEMPLATES: Readonly<Record<string, Template>> = {
  whitelistValidation: (field) => `不允许的字段 ${field}`,
  unknownValue: () => '请求体必须是 JSON 对象',
  isDefined: (field) => `${field} 为必填项`,
  isNotEmpty: (field) => `${field} 不能为空`,
  isNotBlank: (field) => `${field} 不能为空白`,
  isString: (field) => `${field} 必须是文本`,
  isInt: (field) => `${field} 必须是整数`,
  isNumber: (field) => `${field} 必须是数字`,
  isPositive: (field) => `${field} 必须是正数`,
  isBoolean: (field) => `${field} 必须是 true 或 false`,
  isArray: (field) => `${field} 必须是数组`,
  isObject: (field) => `${field} 必须是对象`,
  nestedValidation: (field) => `${field} 必须是对象或数组`,
  isUuid: (field) => `${field} 必须是 UUID`,
  isIn: (field, [values]) => `${field} 必须是以下之一：${list(values)}`,
  isEnum: (field, [values]) => `${field} 必须是以下之一：${list(values !== null && typeof values === 'object' ? Object.values(values) : values)}`,
  equals: (field, [value]) => `${field} 必须为 ${JSON.stringify(value)}`,
  matches: (field) => `${field} 的格式不正确`,
  minLength: (field, [min]) => `${field} 至少需要 ${String(min)} 个字符`,
  maxLength: (field, [max]) => `${field} 不能超过 ${String(max)} 个字符`,
  min: (field, [min]) => `${field} 不能小于 ${String(min)}`,
  max: (field, [max]) => `${field} 不能大于 ${String(max)}`,
  arrayMinSize: (field, [min]) => `${field} 至少需要 ${String(min)} 项`,
  arrayMaxSize: (field, [max]) => `${field} 最多 ${String(max)} 项`,
  arrayUnique: (field) => `${field} 中的项不能重复`,
  isEmail: (field) => `${field} 必须是有效的电子邮件地址`,
  isEmailAddress: (field) => `${field} 必须是有效的电子邮件地址`,
  isCalendarDate: (field) => `${field} 必须是实际存在的日期 YYYY-MM-DD（例如 2023-02-30 不存在）`,
  isInstant: (field) => `${field} 必须是带时区的 ISO 8601 时间，例如 2025-03-01T09:00:00+08:00`,
  isAfterInstantOf: (field, _args, english) => `${field} 必须晚于 ${afterPhrase(english, /later than (\S+)/) || '开始时间'}`,
  isAtMostField: (field, _args, english) => `${field} 不能超过 ${afterPhrase(english, /must not exceed (.+)$/) || '上限'}`,
  hasUniqueKeys: (field, _args, english) => `${field} 中不能重复出现同一 ${afterPhrase(english, /the same (\S+) twice/) || '键'}`,
  addsUpTo: (field, _args, english) => `${field} 的金额合计必须等于 ${afterPhrase(english, /but (\S+) is/) || '总额'}（${english}）`,
  presentExactlyWhen: (field, _args, english) => (/is required/.test(english) ? `${field} 在此设置下为必填项（${english}）` : `${field} 在此设置下必须为 null（${english}）`),
  isStringListMap: (field, _args, english) => `${field} 必须按成果类型列出材料名称（${english}）`,
  isUscc: (field, _args, english) => `${field} 不是有效的统一社会信用代码（${english}）`,
};

/** The Chinese message of one failed constraint; a rule without a template still says which field and what, in both. */
export function chineseMessage(constraint: string, field: string, args: readonly unknown[], english: string, each = false): string {
  const template = CHINESE_TEMPLATES[constraint];
  const subject = each ? `${field} 中的每一项` : field;
  return template ? template(subject, args, english) : `${subject} 无效：${english}`;
}
