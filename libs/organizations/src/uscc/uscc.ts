/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015:
 *   1      registration authority (登记管理部门代码)
 *   2      organization type within that authority (机构类别代码)
 *   3-8    administrative division of the registering office (GB/T 2260)
 *   9-17   organization code (GB 11714: 8 body characters + its own check character)
 *   18     check character over positions 1-17
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Allowed authority -> type combinations, from the standard's Appendix A as amended (A: the Central Military
 * Commission's establishment office; N: agriculture, for rural collective economic organisations). Y ("other")
 * does not subdivide and always uses 1.
 */
export const USCC_AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/** GB/T 2260 province-level prefixes; 100000 stands for registration at national level. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccValidation = { valid: true } | { valid: false; reason: string };

/** GB 11714 values letters A-Z as 10-35 (its own alphabet, wider than the USCC's). */
function orgCodeValue(char: string): number {
  return /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
}

/** Check character of an organization code body (8 characters): 11 - sum mod 11, with 10 -> X and 11 -> 0. */
export function organizationCodeCheckChar(body: string): string {
  const sum = [...body].reduce((acc, char, i) => acc + orgCodeValue(char) * ORG_CODE_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Check character over the first 17 characters: 31 - sum mod 31 (31 -> 0), weights 3^i mod 31. */
export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, char, i) => acc + USCC_ALPHABET.indexOf(char) * USCC_WEIGHTS[i], 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const invalid = (reason: string): UsccValidation => ({ valid: false, reason });

export function validateUscc(code: unknown): UsccValidation {
  if (typeof code !== 'string') return invalid('must be a string');
  if (code.length !== 18) return invalid(`must be exactly 18 characters (got ${code.length})`);
  for (let i = 0; i < 18; i += 1) {
    const char = code[i];
    if (USCC_ALPHABET.includes(char)) continue;
    if (USCC_ALPHABET.includes(char.toUpperCase())) return invalid(`character ${i + 1} ("${char}") must be upper case`);
    return invalid(`character ${i + 1} ("${char}") is not allowed; only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used`);
  }
  const authority = code[0];
  const types = USCC_AUTHORITY_TYPES[authority];
  if (!types) return invalid(`character 1 ("${authority}") is not a registration authority code`);
  if (!types.includes(code[1])) return invalid(`character 2 ("${code[1]}") is not an organization type of registration authority "${authority}"`);
  const division = code.slice(2, 8);
  if (!/^[0-9]{6}$/.test(division)) return invalid(`characters 3-8 ("${division}") must be a 6-digit administrative division code`);
  if (division !== '100000' && !PROVINCE_PREFIXES.has(division.slice(0, 2))) {
    return invalid(`characters 3-8 ("${division}") are not an administrative division code: no province ${division.slice(0, 2)}`);
  }
  const orgCheck = organizationCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgCheck) return invalid(`character 17 is the organization code's check character and should be "${orgCheck}", not "${code[16]}"`);
  const check = usccCheckChar(code.slice(0, 17));
  if (code[17] !== check) return invalid(`character 18 is the check character and should be "${check}", not "${code[17]}"`);
  return { valid: true };
}
