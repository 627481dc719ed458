import { evaluateWithPolicy } from '@subsidy/policy';
import { applicantWith, leader, policyWithRules, requestOf, standard } from './support/policy-fixture';

const policy = policyWithRules(`  - { kind: cap_request_total, article: 第九条, source: "002:9", max: "25万", scope: { categories: [leader] } }
  - { kind: request_count_limit, article: 第九条, source: "002:9", max: 2, scope: { categories: [standard] } }
  - { kind: cost_share, article: 第二十条, source: "002:20", split: [ { payer: city, parts: 1 }, { payer: county, parts: 1 } ] }
`);

const applicants = [
  applicantWith([leader('a1'), standard('a2', { level: 'industry' })], { uscc: '91370000MA0000000B' }),
  applicantWith([leader('a1'), leader('a2', { level: 'provincial', enterpriseStandardNo: 'Q/p' }), standard('a3')], { uscc: '91370000MA0000000A' }),
  applicantWith([leader('a1'), standard('a2')], { uscc: '91370000MA0000000C' }),
];

function summary(order: number[]): Record<string, number> {
  const result = evaluateWithPolicy(policy, requestOf(order.map((i) => applicants[i])));
  return Object.fromEntries(result.applicants.flatMap((a) => a.items.map((i) => [`${a.uscc.slice(-1)}.${i.achievementId}`, i.amountFen])));
}

describe('request-wide rules', () => {
  it('cap_request_total shares one cap among all applicants, largest awards first, ties by uscc', () => {
    const s = summary([0, 1, 2]);
    // leaders: A.a1 10万, B.a1 10万, C.a1 10万, A.a2 5万 = 35万 > 25万: A.a1, B.a1 kept, C.a1 cut to 5万, A.a2 nothing.
    expect([s['A.a1'], s['B.a1'], s['C.a1'], s['A.a2']]).toEqual([10_000_000, 10_000_000, 5_000_000, 0]);
  });

  it('request_count_limit keeps the highest awards across applicants', () => {
    const s = summary([0, 1, 2]);
    // standards: A.a3 50万, C.a2 50万, B.a2 20万 (industry): the two 50万 are kept.
    expect([s['A.a3'], s['C.a2'], s['B.a2']]).toEqual([50_000_000, 50_000_000, 0]);
  });

  it('does not depend on the order of applicants, and cost shares follow the capped amounts', () => {
    expect(summary([2, 0, 1])).toEqual(summary([0, 1, 2]));
    expect(summary([1, 2, 0])).toEqual(summary([0, 1, 2]));
    const result = evaluateWithPolicy(policy, requestOf(applicants));
    const cut = result.applicants[2].items.find((i) => i.achievementId === 'a1');
    expect(cut).toMatchObject({ amountFen: 5_000_000, reasons: ['cap_request_total'] });
    expect(cut?.shares).toEqual([
      { payer: 'city', amountFen: 2_500_000 },
      { payer: 'county', amountFen: 2_500_000 },
    ]);
  });
});
