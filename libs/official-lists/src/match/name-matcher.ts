import { editDistance, normalizeName, withoutBrackets, withoutLegalForm } from './normalize-name';

export interface Candidate {
  id: string;
  name: string;
  creditCode: string | null;
}

export type NearReason = 'same_name' | 'credit_code_differs' | 'legal_form_differs' | 'brackets_differ' | 'contains' | 'edit_distance';

export const NEAR_REASON_TEXT: Readonly<Record<NearReason, { zh: string; en: string }>> = {
  same_name: { zh: '本地区有不止一个同名单位', en: 'more than one organization here has this name' },
  credit_code_differs: { zh: '名称相同，但名单中的统一社会信用代码与该单位不符', en: "same name, but the list's credit code is not this organization's" },
  legal_form_differs: { zh: '名称仅组织形式不同（如有限公司与有限责任公司）', en: 'names differ only in the legal form' },
  brackets_differ: { zh: '名称仅括号的有无不同', en: 'names differ only in brackets' },
  contains: { zh: '一方名称包含另一方', en: 'one name contains the other' },
  edit_distance: { zh: '名称相差一两个字', en: 'names differ by one or two characters' },
};

export type MatchOutcome =
  | { status: 'matched'; method: 'credit_code' | 'exact_name'; candidate: Candidate }
  | { status: 'review'; candidates: Array<{ candidate: Candidate; reason: NearReason }> }
  | { status: 'unregistered' };

/** How many near candidates an officer is shown at most. */
const MAX_CANDIDATES = 5;
/** Character pairs found in more than this share of names (有限, 公司) say nothing about which name is meant. */
const COMMON_GRAM_SHARE = 0.02;

const grams = (key: string): string[] => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.length; i += 1) out.add(key.slice(i, i + 2));
  return [...out];
};

/**
 * The tenant's organizations indexed for matching list entries: by credit code, by exact normalized name, and for near
 * misses by name without legal form, without brackets, and by rare character pairs (to find a name containing another
 * or one or two characters off without comparing against every organization). Built once per chunk; pure.
 */
export class NameMatcher {
  private readonly byCode = new Map<string, Candidate>();
  private readonly byKey = new Map<string, Candidate[]>();
  private readonly byStripped = new Map<string, Candidate[]>();
  private readonly byUnbracketed = new Map<string, Candidate[]>();
  private readonly byGram = new Map<string, number[]>();
  private readonly keys: string[] = [];
  private readonly list: Candidate[];
  private readonly gramLimit: number;

  constructor(candidates: readonly Candidate[]) {
    this.list = [...candidates];
    const push = (map: Map<string, Candidate[]>, key: string, c: Candidate) => {
      const bucket = map.get(key);
      if (bucket) bucket.push(c);
      else map.set(key, [c]);
    };
    this.list.forEach((c, index) => {
      if (c.creditCode) this.byCode.set(c.creditCode.toUpperCase(), c);
      const key = normalizeName(c.name);
      this.keys.push(key);
      push(this.byKey, key, c);
      push(this.byStripped, withoutBrackets(withoutLegalForm(key)), c);
      push(this.byUnbracketed, withoutBrackets(key), c);
      for (const gram of grams(key)) {
        const posting = this.byGram.get(gram);
        if (posting) posting.push(index);
        else this.byGram.set(gram, [index]);
      }
    });
    this.gramLimit = Math.max(20, Math.ceil(this.list.length * COMMON_GRAM_SHARE));
  }

  /**
   * Credit code first when the list gives one (a code naming no organization here is not overruled by a name); then
   * the exact normalized name, when it names exactly one organization; otherwise near candidates for an officer.
   */
  match(name: string, creditCode: string | null): MatchOutcome {
    const key = normalizeName(name);
    if (creditCode) {
      const byCode = this.byCode.get(creditCode.toUpperCase());
      if (byCode) return { status: 'matched', method: 'credit_code', candidate: byCode };
    }
    const exact = this.byKey.get(key) ?? [];
    if (exact.length === 1 && !creditCode) return { status: 'matched', method: 'exact_name', candidate: exact[0] };
    const found = new Map<string, { candidate: Candidate; reason: NearReason }>();
    const add = (c: Candidate, reason: NearReason) => {
      if (!found.has(c.id) && found.size < MAX_CANDIDATES) found.set(c.id, { candidate: c, reason });
    };
    // Same name twice in the tenant, or the list's code contradicting the name: an officer decides.
    for (const c of exact) add(c, creditCode ? 'credit_code_differs' : 'same_name');
    const unbracketed = withoutBrackets(key);
    for (const c of this.byUnbracketed.get(unbracketed) ?? []) add(c, 'brackets_differ');
    for (const c of this.byStripped.get(withoutBrackets(withoutLegalForm(key))) ?? []) add(c, 'legal_form_differs');
    if (found.size < MAX_CANDIDATES) this.nearByGrams(key, add);
    if (found.size === 0) return { status: 'unregistered' };
    return { status: 'review', candidates: [...found.values()] };
  }

  private nearByGrams(key: string, add: (c: Candidate, reason: NearReason) => void): void {
    const own = grams(key).filter((g) => (this.byGram.get(g)?.length ?? 0) <= this.gramLimit);
    if (own.length === 0) return;
    const shared = new Map<number, number>();
    for (const gram of own) for (const index of this.byGram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    // A name one or two characters off, or containing the other, shares most of the shorter name's rare pairs.
    const ranked = [...shared.entries()].filter(([, n]) => n >= Math.max(1, Math.ceil(own.length * 0.5))).sort((a, b) => b[1] - a[1]).slice(0, 50);
    for (const [index] of ranked) {
      const other = this.keys[index];
      if (other === key) continue;
      // 中粮(郑州) and 中粮(成都): the bracket names the place of another legal person of the group, not a typo.
      if (differInBracketsOnly(key, other)) continue;
      const shorter = Math.min(other.length, key.length);
      if (shorter >= 4 && (other.includes(key) || key.includes(other))) add(this.list[index], 'contains');
      else if (shorter >= 6 && editDistance(key, other, 2) <= 2) add(this.list[index], 'edit_distance');
    }
  }
}

/** Same name once every bracketed part is removed, but different bracketed parts (two branches of a group). */
function differInBracketsOnly(a: string, b: string): boolean {
  const outside = (k: string) => k.replace(/\([^()]*\)/g, '');
  return a.includes('(') && b.includes('(') && outside(a) === outside(b);
}
