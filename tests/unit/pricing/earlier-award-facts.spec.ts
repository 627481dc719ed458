import { Achievement, evaluateWithPolicy } from '@subsidy/policy';
import { DecidedItemRow, earlierAwardsFor, engineFactsOf, fundingSourceOf, identifyingKey, payersOf, sameEarlierAwards, tenantLevelOf } from '@subsidy/workflow';
import { policyById } from '../../support/factories/programs';

const standard = (id: string, standardNo: string, level = 'national'): Achievement =>
  ({ id, type: 'standard', level, action: 'formulate', role: 'lead', draftingRank: 1, standardNo, publishedOn: '2025-06-01', costsIncurredFen: 100_000_000 }) as Achievement;

const decidedRow = (payload: Achievement, decidedFen: number, shares: DecidedItemRow['shares'] = [], programYear = 2026): DecidedItemRow => ({
  applicationId: `app-${payload.id}`,
  applicationStatus: 'handed_over',
  programId: 'program-1',
  programTitle: '2026年度第一批',
  programYear,
  payload,
  decidedFen,
  shares,
});

describe('the level of the tenant that runs the product', () => {
  it.each([
    ['110000', 'city'], // 北京市
    ['440600', 'city'], // 佛山市
    ['371300', 'city'], // 临沂市
    ['440112', 'district'], // 广州市黄埔区
    ['371002', 'district'],
  ])('%s is a %s', (code, level) => {
    expect(tenantLevelOf(code)).toBe(level);
  });
});

describe('fundingSourceOf: finance payers as the policy texts name funding sources', () => {
  it('the tenant’s own treasury is the city for a city tenant and the district for a district tenant', () => {
    expect(fundingSourceOf('city', 'city')).toBe('city');
    expect(fundingSourceOf('matching', 'city')).toBe('city');
    expect(fundingSourceOf('city', 'district')).toBe('district');
  });

  it('a district share of a city text’s cost share is the county (Linyi, Weihai)', () => {
    expect(fundingSourceOf('district:371302', 'city')).toBe('county');
    expect(fundingSourceOf('district:440112', 'district')).toBe('district');
  });
});

describe('payersOf', () => {
  it('takes finance’s shares once the program was taken in, else the whole decided amount to the tenant’s treasury', () => {
    expect(payersOf({ decidedFen: 10_000, shares: [] })).toEqual([{ payer: 'city', amountFen: 10_000 }]);
    const shares = [
      { payer: 'district:371002', amountFen: 5_000 },
      { payer: 'city', amountFen: 5_000 },
    ];
    expect(payersOf({ decidedFen: 10_000, shares })).toEqual([
      { payer: 'city', amountFen: 5_000 },
      { payer: 'district:371002', amountFen: 5_000 },
    ]);
  });
});

describe('identifyingKey', () => {
  it('is the engine key of a standard', () => {
    expect(identifyingKey(standard('a1', 'GB/T 1-2025'))).toBe('standard:national:GB/T 1-2025');
  });

  it('is none for a thing keyed only by the applicant’s own id (a pilot): two applications’ "a1" are not one project', () => {
    expect(identifyingKey({ id: 'a1', type: 'standardization_pilot', level: 'city', stage: 'accepted' } as Achievement)).toBeNull();
  });
});

describe('earlierAwardsFor and engineFactsOf', () => {
  const earlierSame = decidedRow(standard('x1', 'GB/T 1-2025'), 28_500_000);
  const earlierOther = decidedRow(standard('x2', 'GB/T 2-2025'), 10_000_000);
  const earlierPilot = decidedRow({ id: 'a1', type: 'standardization_pilot', level: 'city', stage: 'accepted' } as Achievement, 5_000_000);
  const current = [standard('a1', 'GB/T 1-2025'), standard('a2', 'GB/T 3-2025'), { id: 'a3', type: 'standardization_pilot', level: 'city', stage: 'accepted' } as Achievement];

  it('matches an earlier award to the current achievement with the same key only', () => {
    const earlier = earlierAwardsFor(current, [earlierSame, earlierOther, earlierPilot], 'city');
    expect(earlier).toEqual([
      {
        achievementId: 'a1',
        achievementKey: 'standard:national:GB/T 1-2025',
        applicationId: 'app-x1',
        applicationStatus: 'handed_over',
        programId: 'program-1',
        programTitle: '2026年度第一批',
        programYear: 2026,
        decidedFen: 28_500_000,
        payers: [{ payer: 'city', amountFen: 28_500_000 }],
        sources: ['city'],
      },
    ]);
  });

  it('tells the engine every identifiable earlier item as a prior award, and the matched one as other funding per payer', () => {
    const decided = [earlierSame, earlierOther, earlierPilot];
    const facts = engineFactsOf(decided, earlierAwardsFor(current, decided, 'city'), 'city');
    expect(facts.priorAwards).toEqual([
      { achievementKey: 'standard:national:GB/T 1-2025', year: 2026, amountFen: 28_500_000 },
      { achievementKey: 'standard:national:GB/T 2-2025', year: 2026, amountFen: 10_000_000 },
    ]);
    expect(facts.otherFunding).toEqual([{ achievementId: 'a1', source: 'city', amountFen: 28_500_000 }]);
  });

  it('names each payer’s part with its source (a Weihai-like split between city and county)', () => {
    const split = decidedRow(standard('x1', 'GB/T 1-2025'), 10_000, [
      { payer: 'city', amountFen: 5_000 },
      { payer: 'district:371002', amountFen: 5_000 },
    ]);
    const facts = engineFactsOf([split], earlierAwardsFor(current, [split], 'city'), 'city');
    expect(facts.otherFunding).toEqual([
      { achievementId: 'a1', source: 'city', amountFen: 5_000 },
      { achievementId: 'a1', source: 'county', amountFen: 5_000 },
    ]);
  });
});

describe('sameEarlierAwards (is the estimate stored at submission still valid?)', () => {
  const now = earlierAwardsFor([standard('a1', 'GB/T 1-2025')], [decidedRow(standard('x1', 'GB/T 1-2025'), 1_000)], 'city');

  it('an estimate made with the same earlier awards stands', () => {
    expect(sameEarlierAwards({ earlierAwards: now }, now)).toBe(true);
    expect(sameEarlierAwards({ earlierAwards: [] }, [])).toBe(true);
    expect(sameEarlierAwards({}, [])).toBe(true);
  });

  it('one made before an earlier award was decided, or before estimates recorded them, is stale', () => {
    expect(sameEarlierAwards({ earlierAwards: [] }, now)).toBe(false);
    expect(sameEarlierAwards({}, now)).toBe(false);
    expect(sameEarlierAwards({ earlierAwards: [{ ...now[0], decidedFen: 2_000 }] }, now)).toBe(false);
    expect(sameEarlierAwards({ earlierAwards: 'x' }, [])).toBe(false);
  });
});

/**
 * Each of the nine texts, a national standard the organization led, claimed again after the product already decided
 * 100,000 yuan for the same standard in another program: what each text's no-double-funding rule makes of it.
 */
describe('the nine texts’ no-double-funding rules, told of an earlier award by the product', () => {
  const cases: Array<{ policy: string; division: string; date: string; publishedOn: string; outcome: 'rejected' | 'awarded'; amountFen: number | null; article: string | null }> = [
    // 第二十五条第（二）项: 已经获得本市市级财政资金支持 -> 不予支持.
    { policy: 'beijing-2020', division: '110000', date: '2024-04-15', publishedOn: '2023-06-01', outcome: 'rejected', amountFen: 0, article: '第二十五条第（二）项' },
    // 第二十二条 (top-up): 50万 - 10万.
    { policy: 'foshan-2018', division: '440600', date: '2022-07-10', publishedOn: '2021-06-01', outcome: 'awarded', amountFen: 40_000_000, article: '第二十二条' },
    // 第七条 从高不重复 (top-up, district money): 50万 - 10万.
    { policy: 'guangzhou-huangpu-2020', division: '440112', date: '2022-04-10', publishedOn: '2021-06-01', outcome: 'awarded', amountFen: 40_000_000, article: '第七条' },
    // 第五条第（一）项: only newly obtained items (same thing, same level already rewarded).
    { policy: 'liaocheng-2021', division: '371500', date: '2022-04-10', publishedOn: '2021-06-01', outcome: 'rejected', amountFen: 0, article: '第五条第（一）项' },
    // 第十三条: 已获得本市其他财政资助 -> 不再重复激励.
    { policy: 'linyi-2019', division: '371300', date: '2021-03-10', publishedOn: '2020-06-01', outcome: 'rejected', amountFen: 0, article: '第十三条' },
    // 第三条: other city funding -> not funded again.
    { policy: 'tianjin-2021', division: '120000', date: '2022-04-10', publishedOn: '2021-06-01', outcome: 'rejected', amountFen: 0, article: '第三条' },
    // 第十九条: not funded again.
    { policy: 'weihai-2020', division: '371000', date: '2022-04-10', publishedOn: '2021-06-01', outcome: 'rejected', amountFen: 0, article: '第十九条' },
    // 第八条: 已获得…资助奖励的，不再重复奖励（补齐差额 only to a higher amount from elsewhere); the same level again -> none.
    { policy: 'zaozhuang-2018', division: '370400', date: '2020-10-15', publishedOn: '2020-06-01', outcome: 'rejected', amountFen: 0, article: '第八条' },
    // No no-double-funding rule for standards in the text (prior_award only for the city TC secretariat, 第11条): paid.
    { policy: 'zhengzhou-2019', division: '410100', date: '2021-04-10', publishedOn: '2020-06-01', outcome: 'awarded', amountFen: null, article: null },
  ];

  it.each(cases)('$policy', ({ policy: policyId, division, date, publishedOn, outcome, amountFen, article }) => {
    const policy = policyById(policyId);
    const year = Number(date.slice(0, 4));
    const claimed = { ...standard('a1', 'GB/T 40001-2021'), publishedOn } as Achievement;
    const decided = [decidedRow({ ...claimed, id: 'x9' } as Achievement, 10_000_000, [], year)];
    const level = tenantLevelOf(division);
    const facts = engineFactsOf(decided, earlierAwardsFor([claimed], decided, level), level);
    const applicant = { uscc: '91110108MA01ABCD1X', name: '某公司', kind: 'enterprise' as const, district: (policy as unknown as { districts: string[] }).districts[0] };
    const request = { applicationDate: date, programYear: year, fundTotalFen: 10_000_000_000 };
    const [alone] = evaluateWithPolicy(policy, { ...request, applicants: [{ ...applicant, achievements: [claimed] }] }).applicants[0].items;
    const [again] = evaluateWithPolicy(policy, { ...request, applicants: [{ ...applicant, ...facts, achievements: [claimed] }] }).applicants[0].items;
    expect(alone.outcome).toBe('awarded');
    expect(again.outcome).toBe(outcome);
    if (article === null) {
      expect(again.amountFen).toBe(alone.amountFen);
      expect(again.reasons).not.toContain('already_funded');
      return;
    }
    expect(again.amountFen).toBe(amountFen);
    expect(again.reasons).toContain('already_funded');
    expect(again.trace.map((t) => t.article)).toContain(article);
  });
});
