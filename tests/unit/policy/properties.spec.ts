import fc from 'fast-check';
import { join } from 'path';
import { evaluateWithPolicy, scanPolicies, type CalcRequest, type CalcResult, type CompiledPolicy } from '@subsidy/policy';
import { prng, syntheticApplicant } from '../../../bench/synthetic';
import { policyWithRules } from './support/policy-fixture';

const tenants = scanPolicies(join(__dirname, '..', '..', '..', 'config', 'policies')).policies;

/** A request of a few synthetic applicants for a policy version, from a seed. */
function requestFrom(policy: CompiledPolicy, seed: number, applicants: number): CalcRequest {
  const random = prng(seed);
  const year = Number(policy.effectiveFrom.slice(0, 4)) + 1;
  const date = policy.effectiveTo !== null && `${year}-04-15` > policy.effectiveTo ? policy.effectiveFrom : `${year}-04-15`;
  const list = Array.from({ length: applicants }, (_, i) => syntheticApplicant(random, i, policy.districts, Number(date.slice(0, 4))));
  // Prior awards and a fund total exercise the double-funding and fund-share rules too.
  list.forEach((a, i) => {
    if (i % 2 === 0) a.priorAwards = [{ achievementKey: `standard:national:${String(a.achievements[0].standardNo ?? 'x')}`, year: year - 1, amountFen: 1_000_000 }];
  });
  return { applicationDate: date, programYear: Number(date.slice(0, 4)), fundTotalFen: 1_000_000_000 + seed, applicants: list };
}

/** uscc -> achievement id -> the item, so results can be compared whatever the order. */
function byKey(result: CalcResult): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const a of result.applicants) {
    map.set(`${a.uscc}|total`, a.totalFen);
    for (const i of a.items) map.set(`${a.uscc}|${i.achievementId}`, i);
  }
  return map;
}

const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const policyArb = fc.constantFrom(...tenants);

describe('properties', () => {
  it('has tenant policies to test', () => {
    expect(tenants.length).toBeGreaterThan(0);
  });

  it('shares and installments add up to the amount; totals add up; amounts are non-negative integers', () => {
    fc.assert(
      fc.property(policyArb, seed, (policy, s) => {
        const result = evaluateWithPolicy(policy, requestFrom(policy, s, 4));
        for (const a of result.applicants) {
          expect(a.totalFen).toBe(a.items.reduce((sum, i) => sum + i.amountFen, 0));
          for (const item of a.items) {
            expect(Number.isSafeInteger(item.amountFen) && item.amountFen >= 0).toBe(true);
            expect(item.outcome).toBe(item.amountFen > 0 ? 'awarded' : 'rejected');
            if (item.shares) expect(item.shares.reduce((sum, x) => sum + x.amountFen, 0)).toBe(item.amountFen);
            if (item.payment) expect(item.payment.installments.reduce((sum, x) => sum + x.amountFen, 0)).toBe(item.amountFen);
            expect(item.trace.at(-1)?.amountFen).toBe(item.amountFen);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the result does not depend on the order of achievements or applicants', () => {
    fc.assert(
      fc.property(policyArb, seed, fc.integer({ min: 0, max: 1000 }), (policy, s, shuffleSeed) => {
        const request = requestFrom(policy, s, 4);
        const random = prng(shuffleSeed);
        const shuffle = <T>(list: T[]): T[] => list.map((v) => ({ v, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.v);
        const shuffled: CalcRequest = {
          ...request,
          applicants: shuffle(request.applicants.map((a) => ({ ...a, achievements: shuffle(a.achievements) }))),
        };
        expect(byKey(evaluateWithPolicy(policy, shuffled))).toEqual(byKey(evaluateWithPolicy(policy, request)));
      }),
      { numRuns: 150 },
    );
  });

  it('the item index never hides an item that matches', () => {
    fc.assert(
      fc.property(policyArb, seed, (policy, s) => {
        for (const applicant of requestFrom(policy, s, 3).applicants) {
          for (const achievement of applicant.achievements) {
            const all = policy.items.filter((i) => i.matches(achievement)).map((i) => i.id);
            const indexed = policy.candidates(achievement).filter((i) => i.matches(achievement)).map((i) => i.id);
            expect(indexed).toEqual(all);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('request-wide rules do not depend on the order of applicants either', () => {
    const wide = policyWithRules(`  - { kind: cap_request_total, article: 第九条, source: "002:9", max: "25万", scope: { categories: [leader] } }
  - { kind: request_count_limit, article: 第九条, source: "002:9", max: 3, scope: { categories: [standard] } }
  - { kind: cap_applicant_year, article: 第十条, source: "002:10", max: "60万" }
`);
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 1000 }), (s, shuffleSeed) => {
        const request = { ...requestFrom(wide, s, 5), applicationDate: '2024-04-15', programYear: 2024 };
        const random = prng(shuffleSeed);
        const shuffled = { ...request, applicants: request.applicants.map((v) => ({ v, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.v) };
        const result = evaluateWithPolicy(wide, request);
        expect(byKey(evaluateWithPolicy(wide, shuffled))).toEqual(byKey(result));
        const leaders = result.applicants.flatMap((a) => a.items).filter((i) => i.itemId?.startsWith('leader.'));
        expect(leaders.reduce((sum, i) => sum + i.amountFen, 0)).toBeLessThanOrEqual(25_000_000);
        expect(result.applicants.flatMap((a) => a.items).filter((i) => i.itemId?.startsWith('std.') && i.amountFen > 0).length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });

  it('evaluation is deterministic', () => {
    fc.assert(
      fc.property(policyArb, seed, (policy, s) => {
        const request = requestFrom(policy, s, 3);
        expect(JSON.stringify(evaluateWithPolicy(policy, request))).toBe(JSON.stringify(evaluateWithPolicy(policy, request)));
      }),
      { numRuns: 100 },
    );
  });

  it('an award never exceeds any applicable cap', () => {
    const capped = policyWithRules(`  - { kind: cap_item, article: 第一条, source: "002:1", max: "30万", scope: { items: [std.national.lead] } }
  - { kind: cap_costs, article: 第二条, source: "002:2", scope: { types: [standard] } }
  - { kind: cap_group, article: 第三条, source: "002:3", max: "12万", scope: { categories: [leader] } }
  - { kind: cap_applicant_year, article: 第四条, source: "002:4", max: "80万" }
  - { kind: cap_fund_share, article: 第五条, source: "002:5", percent: 10 }
`);
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 20_000_000 }), (s, fund) => {
        const request = { ...requestFrom(capped, s, 3), applicationDate: '2024-04-15', programYear: 2024, fundTotalFen: fund };
        const result = evaluateWithPolicy(capped, request);
        result.applicants.forEach((a, index) => {
          const achievements = new Map(request.applicants[index].achievements.map((x) => [x.id, x]));
          expect(a.totalFen).toBeLessThanOrEqual(80_000_000);
          expect(a.totalFen).toBeLessThanOrEqual(Math.floor(fund / 10));
          const leaders = a.items.filter((i) => i.itemId?.startsWith('leader.')).reduce((sum, i) => sum + i.amountFen, 0);
          expect(leaders).toBeLessThanOrEqual(12_000_000);
          for (const item of a.items) {
            if (item.itemId === 'std.national.lead') expect(item.amountFen).toBeLessThanOrEqual(30_000_000);
            const costs = achievements.get(item.achievementId)?.costsIncurredFen;
            if (typeof costs === 'number' && item.itemId?.startsWith('std.')) expect(item.amountFen).toBeLessThanOrEqual(costs);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no tenant pays an item more than its item amount (plus its add-ons)', () => {
    fc.assert(
      fc.property(policyArb, seed, (policy, s) => {
        const result = evaluateWithPolicy(policy, requestFrom(policy, s, 3));
        const itemMax = new Map(policy.items.map((i) => [i.id, i.amount.form === 'rate' ? (i.amount.ceilingFen ?? Number.MAX_SAFE_INTEGER) : i.amount.amountFen]));
        const addOnMax = policy.items.filter((i) => i.stack).reduce((sum, i) => sum + (itemMax.get(i.id) ?? 0), 0);
        for (const a of result.applicants) {
          for (const item of a.items) {
            if (item.itemId) expect(item.amountFen).toBeLessThanOrEqual((itemMax.get(item.itemId) ?? 0) + addOnMax);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
