import { amounts, leader, policyWithRules, reasons, run, standard } from './support/policy-fixture';

describe('exclusion rules', () => {
  it('sanction with a look-back in years (application 2024-03-20)', () => {
    const policy = policyWithRules('  - { kind: sanction, article: 第二十三条, source: "002:23", kinds: [penalty], lookbackYears: 2 }\n');
    expect(reasons(run(policy, [standard('a1')], { sanctions: [{ kind: 'penalty', on: '2022-03-20' }] }))).toEqual({ a1: ['sanctioned'] });
    expect(amounts(run(policy, [standard('a1')], { sanctions: [{ kind: 'penalty', on: '2022-03-19' }] })).a1).toBe(50_000_000);
    expect(amounts(run(policy, [standard('a1')], { sanctions: [{ kind: 'blacklist', on: '2024-01-01' }] })).a1).toBe(50_000_000);
    expect(amounts(run(policy, [standard('a1')], { sanctions: [{ kind: 'penalty', on: '2024-03-21' }] })).a1).toBe(50_000_000);
  });

  it('sanction in the previous year only, or at any time', () => {
    const prev = policyWithRules('  - { kind: sanction, article: 第六条, source: "002:6", kinds: [penalty], lookback: previous_year }\n');
    expect(amounts(run(prev, [standard('a1')], { sanctions: [{ kind: 'penalty', on: '2023-06-01' }] })).a1).toBe(0);
    expect(amounts(run(prev, [standard('a1')], { sanctions: [{ kind: 'penalty', on: '2024-01-05' }] })).a1).toBe(50_000_000);
    const any = policyWithRules('  - { kind: sanction, article: 第六条, source: "002:6", kinds: [blacklist] }\n');
    expect(amounts(run(any, [standard('a1')], { sanctions: [{ kind: 'blacklist', on: '2001-01-01' }] })).a1).toBe(0);
  });

  it('fraud_ban rolling years', () => {
    const policy = policyWithRules('  - { kind: fraud_ban, article: 第二十六条, source: "002:26", years: 5 }\n');
    expect(amounts(run(policy, [standard('a1')], { sanctions: [{ kind: 'fraud_ban', on: '2019-03-21' }] })).a1).toBe(0);
    expect(amounts(run(policy, [standard('a1')], { sanctions: [{ kind: 'fraud_ban', on: '2019-03-20' }] })).a1).toBe(50_000_000);
  });

  it('fraud_ban for the following program years', () => {
    const policy = policyWithRules('  - { kind: fraud_ban, article: 第十三条, source: "002:13", years: 3, window: following_years }\n');
    const on = (date: string, applicationDate: string) =>
      amounts(run(policy, [standard('a1', { publishedOn: '2018-06-01' })], { sanctions: [{ kind: 'fraud_ban', on: date }] }, { applicationDate, programYear: Number(applicationDate.slice(0, 4)) })).a1;
    expect(on('2018-11-01', '2021-12-01')).toBe(0);
    expect(on('2018-11-01', '2022-01-10')).toBe(50_000_000);
    expect(on('2021-11-01', '2021-12-01')).toBe(0);
  });
});

describe('no double funding', () => {
  it('other_funding reject or top up', () => {
    const funding = { otherFunding: [{ achievementId: 'a1', source: 'city', amountFen: 20_000_000 }] };
    const rejectPolicy = policyWithRules('  - { kind: other_funding, article: 第十九条, source: "002:19", mode: reject }\n');
    expect(reasons(run(rejectPolicy, [standard('a1'), standard('a2')], funding))).toEqual({ a1: ['already_funded'], a2: [] });
    const topUp = policyWithRules('  - { kind: other_funding, article: 第八条, source: "002:8", mode: top_up }\n');
    const result = run(topUp, [standard('a1')], funding);
    expect(result.applicants[0].items[0]).toMatchObject({ outcome: 'awarded', amountFen: 30_000_000, reasons: ['already_funded'] });
    expect(amounts(run(topUp, [standard('a1')], { otherFunding: [{ achievementId: 'a1', source: 'city', amountFen: 60_000_000 }] })).a1).toBe(0);
    const onlyProvince = policyWithRules('  - { kind: other_funding, article: 第三条, source: "002:3", mode: reject, sources: [province] }\n');
    expect(amounts(run(onlyProvince, [standard('a1')], funding)).a1).toBe(50_000_000);
  });

  const prior = (level: string, amountFen = 5_000_000, year = 2023) => ({ priorAwards: [{ achievementKey: `leader:${level}:Q/a1`, year, amountFen }] });

  it('prior_award reject_any', () => {
    const policy = policyWithRules('  - { kind: prior_award, article: 第十九条, source: "002:19", mode: reject_any }\n');
    expect(reasons(run(policy, [leader('a1')], prior('provincial')))).toEqual({ a1: ['already_funded'] });
    expect(amounts(run(policy, [leader('a1', { enterpriseStandardNo: 'Q/other' })], prior('provincial'))).a1).toBe(10_000_000);
  });

  it('prior_award full: lower after higher is not paid, an upgrade is paid in full', () => {
    const policy = policyWithRules('  - { kind: prior_award, article: 第五条, source: "002:5", mode: full }\n');
    expect(reasons(run(policy, [leader('a1', { level: 'provincial' })], prior('national')))).toEqual({ a1: ['lower_after_higher'] });
    expect(reasons(run(policy, [leader('a1')], prior('national')))).toEqual({ a1: ['already_funded'] });
    expect(amounts(run(policy, [leader('a1')], prior('provincial'))).a1).toBe(10_000_000);
  });

  it('prior_award difference pays the upgrade difference', () => {
    const policy = policyWithRules('  - { kind: prior_award, article: 第八条, source: "002:8", mode: difference }\n');
    const result = run(policy, [leader('a1')], prior('provincial', 3_000_000));
    expect(result.applicants[0].items[0]).toMatchObject({ amountFen: 7_000_000, outcome: 'awarded', reasons: ['already_funded'] });
  });

  it('prior_award times pays the same thing at most N times', () => {
    const policy = policyWithRules('  - { kind: prior_award, article: 第11条, source: "002:11", mode: times, max: 2 }\n');
    const twice = { priorAwards: [{ achievementKey: 'leader:national:Q/a1', year: 2022, amountFen: 1 }, { achievementKey: 'leader:national:Q/a1', year: 2023, amountFen: 1 }] };
    expect(reasons(run(policy, [leader('a1')], twice))).toEqual({ a1: ['already_funded'] });
    expect(amounts(run(policy, [leader('a1')], { priorAwards: twice.priorAwards.slice(1) })).a1).toBe(10_000_000);
  });

  it('recognition keys include the subject when given', () => {
    const items = `items:\n  - { id: eng.luban, name: 鲁班奖, article: 第八条, source: "002:8", match: { type: recognition, code: luban }, fixed: "50万" }\n`;
    const policy = policyWithRules('  - { kind: prior_award, article: 第八条, source: "002:8", mode: reject_any }\n', items);
    const luban = (id: string, subject: string) => ({ id, type: 'recognition', code: 'luban', level: 'national', subject, obtainedOn: '2023-05-01' });
    const priorAwards = [{ achievementKey: 'recognition:national:luban/项目甲', year: 2022, amountFen: 1 }];
    expect(amounts(run(policy, [luban('a1', '项目甲'), luban('a2', '项目乙')], { priorAwards }))).toEqual({ a1: 0, a2: 50_000_000 });
  });
});
