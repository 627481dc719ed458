/**
 * 统一社会信用代码 (GB 32100-2015) checked as it is typed: the same rules and check-digit algorithm as the server
 * (libs/organizations/src/uscc/uscc.ts, compared code by code in tests/unit/web/uscc.spec.ts), worded for the person
 * typing. Pure and dependency-free, so the registration screen and the unit tests share it.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registration authority (character 1) → the organization types (character 2) it may use. */
const AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export interface UsccProblem {
  zh: string;
  en: string;
}

export type UsccCheck = { valid: true } | { valid: false; problem: UsccProblem };

function orgValue(char: string): number {
  return /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
}

/** Check character of the 8-character organization code body (GB 11714). */
export function organizationCodeCheckChar(body: string): string {
  const sum = [...body].reduce((acc, char, i) => acc + orgValue(char) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Check character over the first 17 characters. */
export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, char, i) => acc + USCC_ALPHABET.indexOf(char) * WEIGHTS[i], 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const problem = (zh: string, en: string): UsccCheck => ({ valid: false, problem: { zh, en } });

/** What a person types → the code as the server stores it: half-width, upper case, no spaces. */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return problem(`应为 18 位，现为 ${code.length} 位`, `must have 18 characters (has ${code.length})`);
  for (let i = 0; i < 18; i += 1) {
    const char = code[i];
    if (USCC_ALPHABET.includes(char)) continue;
    if (USCC_ALPHABET.includes(char.toUpperCase())) return problem(`第 ${i + 1} 位“${char}”应为大写字母`, `character ${i + 1} ("${char}") must be upper case`);
    return problem(`第 ${i + 1} 位“${char}”不能使用（不使用 I、O、Z、S、V）`, `character ${i + 1} ("${char}") is not used in credit codes`);
  }
  const types = AUTHORITY_TYPES[code[0]];
  if (!types) return problem(`第 1 位“${code[0]}”不是登记管理部门代码`, `character 1 ("${code[0]}") is not a registration authority`);
  if (!types.includes(code[1])) return problem(`第 2 位“${code[1]}”不是该登记管理部门的机构类别`, `character 2 ("${code[1]}") is not a type of that authority`);
  const division = code.slice(2, 8);
  if (!/^[0-9]{6}$/.test(division)) return problem(`第 3 至 8 位“${division}”应为 6 位数字的行政区划代码`, `characters 3-8 ("${division}") must be a 6-digit division code`);
  if (division !== '100000' && !PROVINCES.has(division.slice(0, 2))) {
    return problem(`第 3 至 8 位“${division}”不是有效的行政区划代码`, `characters 3-8 ("${division}") are not a division code`);
  }
  const orgCheck = organizationCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgCheck) return problem('第 17 位（组织机构代码校验码）不正确，请核对营业执照', 'character 17 (the organization code check) is wrong; check the licence');
  const check = usccCheckChar(code.slice(0, 17));
  if (code[17] !== check) return problem('第 18 位（校验码）不正确，请核对营业执照', 'character 18 (the check character) is wrong; check the licence');
  return { valid: true };
}

/** Characters 3-8: the administrative division of the office that registered the organization. */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}
