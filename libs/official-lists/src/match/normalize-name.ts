/**
 * Organization names as keys. Two names get the same key only when they differ in FORM alone: full- or half-width
 * characters (NFKC), the kind of bracket, spaces, letter case, the kind of dash or middle dot, quotes. Nothing that can
 * carry meaning is removed: 有限公司 and 有限责任公司, 集团 or not, one place name or another, a word in brackets or the
 * same word without them all keep different keys. Near misses are found by `near-match.ts` and go to an officer.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[【〔［\[{｛〖]/g, '(')
    .replace(/[】〕］\]}｝〗]/g, ')')
    .replace(/[‐‑‒–—―−－]/g, '-')
    .replace(/[·・•‧∙]/g, '·')
    .replace(/["'“”‘’「」『』]/g, '');
}

/**
 * Legal-form endings, longest first, as registered in China; a name that differs from another only here names another
 * legal person (or the same one before a change of form) and is never matched without an officer.
 */
export const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '集团公司', '股份公司', '总公司', '分公司', '公司', '合作社联合社', '专业合作社', '合作社', '研究院', '研究所', '集团', '厂'].sort((a, b) => b.length - a.length);

/** The key without its legal-form endings, 集团 included (集团有限责任公司 → the trade name); for near matches only. */
export function withoutLegalForm(key: string): string {
  let rest = key;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (rest.endsWith(form) && rest.length > form.length + 1) {
        rest = rest.slice(0, -form.length);
        stripped = true;
        break;
      }
    }
  }
  return rest;
}

/** The key without brackets but with what they enclose (中粮(郑州)粮油 → 中粮郑州粮油), for near matches only. */
export function withoutBrackets(key: string): string {
  return key.replace(/[()]/g, '');
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
