import type { Localized } from '@subsidy/common';

/**
 * The loader (libs/policy compile) reports its semantic checks in English, one line each; officers read Chinese.
 * Each known reason gets its Chinese wording here; an unknown one keeps the English detail after a Chinese lead.
 */
const TRANSLATIONS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/scope (items|except) "([^"]+)" matches no item of this file/, (m) => `适用范围中的“${m[2]}”不对应本版本的任何资助项目（规则不能作用于不存在的项目）`],
  [/duplicate item id "([^"]+)"/, (m) => `资助项目编号“${m[1]}”重复`],
  [/derive\.from "([^"]+)" is not an item of this file/, (m) => `折算所依据的项目“${m[1]}”不存在`],
  [/derive cycle/, () => '折算关系构成循环'],
  [/cannot derive from a rate item/, () => '不能以按比例计算的项目为折算依据'],
  [/percentages of a cost share add up to (\d+)%/, (m) => `资金分担比例合计为${m[1]}%，应为100%`],
  [/either parts or percentages/, () => '资金分担须对每个出资方都写份数（parts），或都写百分比（percent），不能混用'],
  [/must be a whole number of yuan/, () => '金额须为不小于零的整元数；带小数的金额请写成文字，如 "7.5万"'],
  [/is not yuan \("75000", "1234.5"\) or 万元/, () => '金额格式不对：写作元（如 "75000"、"1234.5"，最多两位小数）或万元（如 "7.5万"），不能为负数'],
  [/amount must be a number/, () => '金额须为数字或如 "7.5万" 的文字'],
  [/amount is too large/, () => '金额过大'],
  [/percent .* must be a number with at most 2 decimals/, () => '百分比须为最多两位小数的数字'],
  [/effectiveTo is before effectiveFrom/, () => '失效日期早于生效日期'],
  [/is not a calendar date/, () => '不是有效的日期'],
  [/unknown rule kind "([^"]+)"/, (m) => `不认识的规则类型“${m[1]}”`],
  [/id "([^"]+)" must equal the file name "([^"]+)"/, (m) => `版本编号须为“${m[2]}”（与本版本的编号一致），现为“${m[1]}”`],
  [/tenant "([^"]+)" must equal the folder name "([^"]+)"/, (m) => `所属地区须为“${m[2]}”，现为“${m[1]}”`],
  [/is not in the file's `districts`/, () => '该区县不在本版本的区县列表（districts）中'],
  [/^YAML: (.*)/, (m) => `YAML 格式错误：${m[1]}`],
];

export function compileMessage(reason: string): Localized {
  for (const [pattern, zh] of TRANSLATIONS) {
    const match = pattern.exec(reason);
    if (match) return { zh: zh(match), en: reason };
  }
  return { zh: `该处内容不符合政策文件格式：${reason}`, en: reason };
}
