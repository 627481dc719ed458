import { Achievement, OtherFunding, PriorAward } from '@subsidy/policy';
// The engine's own `<type>:<level>:<identifier>` key (FORMAT.md section 9), so earlier awards match exactly as the
// policies compare them; @subsidy/policy does not re-export it from its index yet.
import { achievementKey } from '../../../policy/src/match/achievement-facts';

/** Who paid (or will pay) part of an earlier award: a finance payer (`city`, `matching`, `district:<code>`) and its part. */
export interface EarlierAwardPayer {
  payer: string;
  amountFen: number;
}

/**
 * One item this product decided for the same organization in another application of the tenant (any program, any
 * year), in a status that stands (decided, in publicity, objection review, approved, handed over): what the officer is
 * shown beside the new claim and what the engine is told about.
 */
export interface EarlierAward {
  /** The achievement of the CURRENT application this earlier award is for (same engine key). */
  achievementId: string;
  /** The engine key both share, `<type>:<level>:<identifier>`. */
  achievementKey: string;
  applicationId: string;
  applicationStatus: string;
  programId: string;
  programTitle: string;
  programYear: number;
  /** The amount decided for the earlier item (integer fen). */
  decidedFen: number;
  /** The finance payers of the decided amount; the tenant's own treasury (`city`) until finance took the program in. */
  payers: EarlierAwardPayer[];
  /** The payers as the policies' other_funding rules name them (`city`, `county`, `district`), see fundingSourceOf. */
  sources: string[];
}

/** A decided item of another application of the organization, as read from the database. */
export interface DecidedItemRow {
  applicationId: string;
  applicationStatus: string;
  programId: string;
  programTitle: string;
  programYear: number;
  payload: Achievement;
  decidedFen: number;
  /** Finance shares of the item once finance took its program in; empty before. */
  shares: EarlierAwardPayer[];
}

/** The level of government that runs the tenant: a district (黄埔区 440112) or a city (北京市 110000, 佛山市 440600). */
export type TenantLevel = 'city' | 'district';

/**
 * A division code ending in 00 is a city (or a province-level municipality, 0000); any other is a district or county.
 */
export function tenantLevelOf(divisionCode: string): TenantLevel {
  return /^[0-9]{4}00$/.test(divisionCode) ? 'city' : 'district';
}

/**
 * Maps a finance payer to the source name the policy texts use in `other_funding.sources` and `cost_share` payers:
 * - `city` (the default payer finance books an item to when the policy states no cost share) and `matching` are the
 *   tenant's own treasury: `city` for a city tenant (Beijing 第二十五条第（二）项 「本市市级财政资金」, Foshan 第二十二条,
 *   Tianjin 第三条, Linyi 第十三条), but `district` for a district tenant (Huangpu 第七条 「区其他政策」: the district runs
 *   the product and pays from its own budget);
 * - `district:<code>` is the county/district share of a city text's cost share, which the city texts name `county`
 *   (Linyi 第六条, Weihai 第二十条 cost_share payers; Linyi 第十三条 sources [city, county]).
 * Texts whose rule names no sources (Weihai 第十九条, Zaozhuang 第八条, Liaocheng 第四条第（十三）项1) count every payer.
 * Exactly one source per payer, so a rule without a source filter never counts one payment twice.
 */
export function fundingSourceOf(payer: string, tenantLevel: TenantLevel): string {
  if (payer === 'city' || payer === 'matching') return tenantLevel;
  if (payer.startsWith('district:')) return tenantLevel === 'district' ? 'district' : 'county';
  return payer;
}

/**
 * The payers of an earlier award: finance's shares once finance took the program in (their sum is the decided amount,
 * split as the policy's cost share says); before that the whole decided amount falls to the tenant's own treasury,
 * exactly as finance will book it where the text states no cost share.
 */
export function payersOf(row: Pick<DecidedItemRow, 'decidedFen' | 'shares'>): EarlierAwardPayer[] {
  const shares = row.shares.filter((s) => s.amountFen > 0);
  return shares.length > 0 ? [...shares].sort((a, b) => (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : 0)) : [{ payer: 'city', amountFen: row.decidedFen }];
}

/** The engine key as a string, or null when the key names no thing (its identifier is only the caller's achievement id). */
export function identifyingKey(achievement: Achievement): string | null {
  const key = achievementKey(achievement);
  // A pilot, or an achievement without its number, is keyed by the applicant's own id ("a1"), which says nothing about
  // the thing: two applications' "a1" are not the same project, so such items are never matched across applications.
  if (key.identifier === achievement.id) return null;
  return `${key.type}:${key.level}:${key.identifier}`;
}

/**
 * The earlier awards of the organization that concern an achievement of the current application (same key): each
 * earlier decided item once per matching current achievement.
 */
export function earlierAwardsFor(current: readonly Achievement[], decided: readonly DecidedItemRow[], tenantLevel: TenantLevel): EarlierAward[] {
  const earlier = decided.flatMap((row) => {
    const key = identifyingKey(row.payload);
    return key ? [{ row, key }] : [];
  });
  const awards: EarlierAward[] = [];
  for (const achievement of current) {
    const key = identifyingKey(achievement);
    if (!key) continue;
    for (const { row } of earlier.filter((e) => e.key === key)) {
      const payers = payersOf(row);
      awards.push({
        achievementId: achievement.id,
        achievementKey: key,
        applicationId: row.applicationId,
        applicationStatus: row.applicationStatus,
        programId: row.programId,
        programTitle: row.programTitle,
        programYear: row.programYear,
        decidedFen: row.decidedFen,
        payers,
        sources: [...new Set(payers.map((p) => fundingSourceOf(p.payer, tenantLevel)))].sort(),
      });
    }
  }
  return awards;
}

/**
 * What the engine is told: every earlier decided item with a key as a prior award (year, decided amount), for the
 * highest-only, times, difference and per-year rules; and, for the current achievements it matches, the same money as
 * other funding per payer (source), for each text's no-double-funding rule (other_funding reject / top_up).
 */
export function engineFactsOf(
  decided: readonly DecidedItemRow[],
  matched: readonly EarlierAward[],
  tenantLevel: TenantLevel,
): { priorAwards: PriorAward[]; otherFunding: OtherFunding[] } {
  const priorAwards = decided.flatMap((row) => {
    const key = identifyingKey(row.payload);
    return key ? [{ achievementKey: key, year: row.programYear, amountFen: row.decidedFen }] : [];
  });
  const otherFunding = matched.flatMap((award) =>
    award.payers.map((p) => ({ achievementId: award.achievementId, source: fundingSourceOf(p.payer, tenantLevel), amountFen: p.amountFen })),
  );
  return { priorAwards, otherFunding };
}

/** Earlier awards as compared between a stored estimate and now: which earlier item, for which achievement, how much. */
function fingerprintOf(awards: ReadonlyArray<Pick<EarlierAward, 'achievementId' | 'applicationId' | 'achievementKey' | 'decidedFen' | 'sources'>>): string {
  return awards
    .map((a) => `${a.achievementId}|${a.applicationId}|${a.achievementKey}|${a.decidedFen}|${[...a.sources].sort().join(',')}`)
    .sort()
    .join('\n');
}

/**
 * Whether an estimate stored at submission was made with the same earlier awards as the application has now. One stored
 * before an earlier award was decided (or before estimates recorded them: no `earlierAwards`, read as none) is stale
 * once one exists, so review and decision then price the application afresh and the no-double-funding rules fire.
 */
export function sameEarlierAwards(stored: unknown, now: readonly EarlierAward[]): boolean {
  const list = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as { earlierAwards?: unknown }).earlierAwards : undefined;
  if (list === undefined) return now.length === 0;
  if (!Array.isArray(list)) return false;
  const valid = list.every(
    (a: unknown) =>
      typeof a === 'object' &&
      a !== null &&
      typeof (a as EarlierAward).achievementId === 'string' &&
      typeof (a as EarlierAward).applicationId === 'string' &&
      typeof (a as EarlierAward).achievementKey === 'string' &&
      typeof (a as EarlierAward).decidedFen === 'number' &&
      Array.isArray((a as EarlierAward).sources),
  );
  return valid && fingerprintOf(list as EarlierAward[]) === fingerprintOf(now);
}
