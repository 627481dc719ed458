import { PolicyEngineError } from '@subsidy/policy';
import { amounts, leader, policyOf, policyWithRules, reasons, run, standard, HEADER } from './support/policy-fixture';

describe('same thing and counting rules', () => {
  it('highest_only by thing keeps the highest award of the same thing in one year', () => {
    const policy = policyWithRules('  - { kind: highest_only, article: 第五条, source: "002:5" }\n');
    const result = run(policy, [leader('a2', { level: 'provincial', enterpriseStandardNo: 'Q/x' }), leader('a1', { enterpriseStandardNo: 'Q/x' }), leader('a3', { enterpriseStandardNo: 'Q/y' })]);
    expect(amounts(result)).toEqual({ a2: 0, a1: 10_000_000, a3: 10_000_000 });
    expect(reasons(result).a2).toEqual(['superseded']);
    const nextYear = run(policy, [leader('a2', { level: 'provincial', enterpriseStandardNo: 'Q/x', recognizedOn: '2022-06-01' }), leader('a1', { enterpriseStandardNo: 'Q/x' })]);
    expect(amounts(nextYear)).toEqual({ a2: 5_000_000, a1: 10_000_000 });
  });

  it('highest_only by scope keeps one award of the group per year', () => {
    const policy = policyWithRules('  - { kind: highest_only, article: 第八条, source: "002:8", groupBy: scope, scope: { categories: [leader] } }\n');
    expect(amounts(run(policy, [leader('a1', { level: 'provincial' }), leader('a2'), standard('a3')]))).toEqual({ a1: 0, a2: 10_000_000, a3: 50_000_000 });
  });

  it('series parts count as one standard', () => {
    const policy = policyWithRules('  - { kind: series, article: 第十条, source: "002:10" }\n');
    const result = run(policy, [standard('a1', { seriesKey: 'S' }), standard('a2', { seriesKey: 'S' }), standard('a3', { seriesKey: 'T' }), standard('a4')]);
    expect(amounts(result)).toEqual({ a1: 50_000_000, a2: 0, a3: 50_000_000, a4: 50_000_000 });
    expect(reasons(result).a2).toEqual(['superseded']);
  });

  it('count_limit keeps the highest awards (ties by id)', () => {
    const policy = policyWithRules('  - { kind: count_limit, article: 第十五条, source: "002:15", per: category, max: 2 }\n');
    const result = run(policy, [standard('a3', { level: 'industry' }), standard('a2'), standard('a1'), leader('a4')]);
    expect(amounts(result)).toEqual({ a3: 0, a2: 50_000_000, a1: 50_000_000, a4: 10_000_000 });
    expect(reasons(result).a3).toEqual(['count_limit']);
    const tie = run(policy, [standard('b'), standard('c'), standard('a')]);
    expect(amounts(tie)).toEqual({ b: 50_000_000, c: 0, a: 50_000_000 });
    const trace = tie.applicants[0].items[1].trace.at(-1);
    expect(trace?.text.en).toContain('most favorable');
  });

  it('count_limit per item and per thing', () => {
    const perItem = policyWithRules('  - { kind: count_limit, article: 第十五条, source: "002:15", per: item, max: 1, scope: { items: [leader.national] } }\n');
    expect(amounts(run(perItem, [leader('a1'), leader('a2'), leader('a3', { level: 'provincial' })]))).toEqual({ a1: 10_000_000, a2: 0, a3: 5_000_000 });
    const perThing = policyWithRules('  - { kind: count_limit, article: 第四条, source: "002:4", per: thing, max: 1 }\n');
    expect(amounts(run(perThing, [leader('a1', { enterpriseStandardNo: 'Q/1' }), leader('a2', { enterpriseStandardNo: 'Q/1' }), leader('a3', { enterpriseStandardNo: 'Q/2' })]))).toEqual({ a1: 10_000_000, a2: 0, a3: 10_000_000 });
  });

  it('category_limit keeps the categories with the highest total', () => {
    const items = `items:
  - { id: a, name: 甲, article: 第一条, source: "002:1", category: alpha, match: { type: recognition, code: a }, fixed: 30 }
  - { id: b, name: 乙, article: 第一条, source: "002:1", category: beta, match: { type: recognition, code: b }, fixed: 20 }
  - { id: c, name: 丙, article: 第一条, source: "002:1", category: gamma, match: { type: recognition, code: c }, fixed: 15 }
`;
    const policy = policyWithRules('  - { kind: category_limit, article: 第十五条, source: "002:15", max: 2 }\n', items);
    const rec = (id: string, code: string) => ({ id, type: 'recognition', code, obtainedOn: '2023-01-01' });
    // gamma twice (30) beats beta (20); alpha (30) is kept.
    const result = run(policy, [rec('x1', 'a'), rec('x2', 'b'), rec('x3', 'c'), rec('x4', 'c')]);
    expect(amounts(result)).toEqual({ x1: 3000, x2: 0, x3: 1500, x4: 1500 });
    expect(reasons(result).x2).toEqual(['category_limit']);
  });
});

describe('per-item amounts', () => {
  it('cap_item and cap_costs', () => {
    const policy = policyWithRules(
      '  - { kind: cap_item, article: 第四条, source: "002:4", max: "30万", scope: { items: [std.national.lead] } }\n' +
        '  - { kind: cap_costs, article: 第九条, source: "002:9", scope: { types: [standard] } }\n',
    );
    const result = run(policy, [standard('a1'), standard('a2', { costsIncurredFen: 12_345_678 }), standard('a3', { level: 'industry', costsIncurredFen: 0 })]);
    expect(amounts(result)).toEqual({ a1: 30_000_000, a2: 12_345_678, a3: 0 });
    expect(reasons(result)).toEqual({ a1: ['cap_item'], a2: ['cap_item', 'cap_costs'], a3: ['cap_costs'] });
    expect(result.applicants[0].items[0].trace.map((t) => t.rule)).toEqual(['standard, national, lead', 'cap_item', 'cap_costs']);
  });

  it('cap_costs with a percentage and required costs', () => {
    const policy = policyWithRules('  - { kind: cap_costs, article: 第九条, source: "002:9", percent: 50, required: true }\n');
    expect(amounts(run(policy, [standard('a1', { costsIncurredFen: 30_000_001 })])).a1).toBe(15_000_000);
    expect(reasons(run(policy, [standard('a1')]))).toEqual({ a1: ['missing_input'] });
  });

  it('scale applies a percentage when the achievement matches', () => {
    const policy = policyWithRules('  - { kind: scale, article: 第八条, source: "002:8", percent: 50, when: { type: standard, outOfDistrict: true } }\n');
    expect(amounts(run(policy, [standard('a1', { outOfDistrict: true }), standard('a2')]))).toEqual({ a1: 25_000_000, a2: 50_000_000 });
  });

  it('rate items compute a share of an achievement field, capped', () => {
    const policy = policyOf(`${HEADER}items:\n  - { id: sales, name: 销售奖励, article: 第5条, source: "002:5", match: { type: recognition, code: sales }, rate: { percent: 5, of: salesFen, ceiling: "500万" } }\n`);
    const rec = (id: string, salesFen?: number) => ({ id, type: 'recognition', code: 'sales', obtainedOn: '2023-01-01', salesFen });
    const result = run(policy, [rec('a1', 1_000_000_001), rec('a2', 100_000_000_000), rec('a3')]);
    expect(amounts(result)).toEqual({ a1: 50_000_000, a2: 500_000_000, a3: 0 });
    expect(reasons(result).a3).toEqual(['missing_input']);
    expect(result.applicants[0].items[0].basis).toBe('ceiling');
  });

  it('add-on items stack on the main award and follow it', () => {
    const items = `items:
  - { id: std, name: 国家标准, article: 第10条, source: "002:10", match: { type: standard, level: national }, fixed: "100万" }
  - { id: bonus, name: 追加, article: 第10条, source: "002:10", match: { type: standard, ownIpConverted: true }, fixed: "20万", stack: true }
`;
    const policy = policyWithRules('  - { kind: applicant_kind, article: 第10条, source: "002:10", kinds: [enterprise], scope: { items: [bonus] } }\n', items);
    const result = run(policy, [standard('a1', { ownIpConverted: true }), standard('a2', { ownIpConverted: true, level: 'group' })]);
    expect(result.applicants[0].items[0]).toMatchObject({ itemId: 'std', amountFen: 120_000_000, outcome: 'awarded' });
    expect(result.applicants[0].items[0].trace.at(-1)?.amountFen).toBe(120_000_000);
    expect(amounts(result).a2).toBe(20_000_000); // an add-on alone is paid alone
    expect(amounts(run(policy, [standard('a1', { ownIpConverted: true })], { kind: 'institution' })).a1).toBe(100_000_000);
    const withPeriod = policyWithRules('  - { kind: period, article: 第10条, source: "002:10", window: previous_year, scope: { items: [std] } }\n', items);
    expect(amounts(run(withPeriod, [standard('a1', { ownIpConverted: true, publishedOn: '2020-01-01' })])).a1).toBe(0);
  });
});

describe('totals', () => {
  it('cap_applicant_year keeps the largest awards whole', () => {
    const policy = policyWithRules('  - { kind: cap_applicant_year, article: 第十九条, source: "002:19", max: "60万" }\n');
    const result = run(policy, [leader('a1'), standard('a2'), standard('a3', { level: 'industry' })]);
    expect(amounts(result)).toEqual({ a1: 0, a2: 50_000_000, a3: 10_000_000 });
    expect(reasons(result)).toEqual({ a1: ['cap_applicant_year'], a2: [], a3: ['cap_applicant_year'] });
    expect(result.applicants[0].totalFen).toBe(60_000_000);
  });

  it('cap_applicant_year with a raised cap and an exemption', () => {
    const items = `items:
  - { id: std.intl, name: 国际, article: 第一条, source: "002:1", match: { type: standard, level: international }, ceiling: "100万" }
  - { id: std.national, name: 国家, article: 第一条, source: "002:1", match: { type: standard, level: national }, ceiling: "50万" }
`;
    const raised = policyWithRules('  - { kind: cap_applicant_year, article: 第十一条, source: "002:11", max: "50万", raised: { max: "100万", when: { items: [std.intl] } } }\n', items);
    expect(run(raised, [standard('a1'), standard('a2')]).applicants[0].totalFen).toBe(50_000_000);
    expect(run(raised, [standard('a1'), standard('a2'), standard('a3', { level: 'international' })]).applicants[0].totalFen).toBe(100_000_000);
    const exempt = policyWithRules('  - { kind: cap_applicant_year, article: 第十条, source: "002:10", max: "60万", scope: { items: ["std.*"], except: [std.intl] } }\n', items);
    expect(run(exempt, [standard('a1'), standard('a2'), standard('a3', { level: 'international' })]).applicants[0].totalFen).toBe(160_000_000);
  });

  it('cap_group nests inside the yearly cap', () => {
    const policy = policyWithRules(
      '  - { kind: cap_applicant_year, article: 第八条, source: "002:8", max: "70万" }\n' +
        '  - { kind: cap_group, article: 第八条, source: "002:8", max: "15万", scope: { categories: [leader] } }\n',
    );
    const result = run(policy, [leader('a1'), leader('a2'), standard('a3'), standard('a4', { level: 'industry' })]);
    // leaders 10万 + 10万 -> 15万 (group); then 50万 + 20万 fill the 70万 yearly cap and the leaders give way.
    expect(amounts(result)).toEqual({ a1: 0, a2: 0, a3: 50_000_000, a4: 20_000_000 });
    expect(reasons(result)).toEqual({ a1: ['cap_applicant_year'], a2: ['cap_group', 'cap_applicant_year'], a3: [], a4: [] });
    const small = run(policy, [leader('a1'), leader('a2'), standard('a3', { level: 'industry' })]);
    expect(amounts(small)).toEqual({ a1: 10_000_000, a2: 5_000_000, a3: 20_000_000 });
  });

  it('cap_group over several years counts earlier awards of the same family', () => {
    const items = `items:\n  - { id: list, name: 目录, article: 第5条, source: "002:5", match: { type: recognition, code: list_entry }, fixed: "100万" }\n`;
    const policy = policyWithRules('  - { kind: cap_group, article: 第5条, source: "002:5", max: "500万", years: 3, scope: { items: [list] } }\n', items);
    const rec = (id: string) => ({ id, type: 'recognition', code: 'list_entry', subject: id, obtainedOn: '2024-01-01' });
    const priorAwards = [
      { achievementKey: 'recognition:-:list_entry/p1', year: 2022, amountFen: 200_000_000 },
      { achievementKey: 'recognition:-:list_entry/p2', year: 2023, amountFen: 200_000_000 },
      { achievementKey: 'recognition:-:list_entry/p0', year: 2021, amountFen: 200_000_000 },
    ];
    expect(run(policy, [rec('a1'), rec('a2')], { priorAwards }).applicants[0].totalFen).toBe(100_000_000);
  });

  it('cap_fund_share needs fundTotalFen', () => {
    const policy = policyWithRules('  - { kind: cap_fund_share, article: 第二十一条, source: "002:21", percent: 20 }\n');
    expect(run(policy, [standard('a1')], {}, { fundTotalFen: 100_000_000 }).applicants[0].totalFen).toBe(20_000_000);
    expect(() => run(policy, [standard('a1')])).toThrow(PolicyEngineError);
    try {
      run(policy, [standard('a1')]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'missing_input', path: '$.fundTotalFen' });
    }
  });
});

describe('who pays', () => {
  it('cost_share splits exactly, by district and by applicant kind', () => {
    const policy = policyWithRules(`  - kind: cost_share
    article: 第二十条
    source: "002:20"
    split: [ { payer: city, parts: 1 }, { payer: county, parts: 1 } ]
    byDistrict: { 乙区: [ { payer: city, parts: 3 }, { payer: county, parts: 7 } ] }
    byApplicantKind: { institution: [ { payer: own_level, parts: 1 } ] }
  - { kind: cap_costs, article: 第九条, source: "002:9" }
`);
    const odd = standard('a1', { costsIncurredFen: 1_000_001 });
    expect(run(policy, [odd]).applicants[0].items[0].shares).toEqual([
      { payer: 'city', amountFen: 500_001 },
      { payer: 'county', amountFen: 500_000 },
    ]);
    expect(run(policy, [odd], { district: '乙区' }).applicants[0].items[0].shares).toEqual([
      { payer: 'city', amountFen: 300_000 },
      { payer: 'county', amountFen: 700_001 },
    ]);
    expect(run(policy, [odd], { kind: 'institution' }).applicants[0].items[0].shares).toEqual([{ payer: 'own_level', amountFen: 1_000_001 }]);
  });

  it('cost_share limited to some applicant kinds', () => {
    const policy = policyWithRules('  - { kind: cost_share, article: 第六条, source: "002:6", applicantKinds: [institution], split: [ { payer: county, parts: 1 } ] }\n');
    expect(run(policy, [standard('a1')]).applicants[0].items[0].shares).toBeUndefined();
    expect(run(policy, [standard('a1')], { kind: 'institution' }).applicants[0].items[0].shares).toEqual([{ payer: 'county', amountFen: 50_000_000 }]);
  });

  it('cost_share byRevenueSharing marks the item for the recorded city:county ratio instead of splitting it', () => {
    // Linyi 第六条: 激励资金给予企业的, 按照现行财政收入分享比例由市与县区分级承担 (the ratio is not in the text).
    const policy = policyWithRules(`  - { kind: cost_share, article: 第六条, source: "002:3989", applicantKinds: [institution], split: [ { payer: county, parts: 1 } ] }
  - { kind: cost_share, article: 第六条, source: "002:3989", applicantKinds: [enterprise], byRevenueSharing: true }
`);
    const enterprise = run(policy, [standard('a1')]).applicants[0].items[0];
    expect(enterprise.revenueSharing).toEqual({ article: '第六条', source: '002:3989' });
    expect(enterprise.shares).toBeUndefined();
    const institution = run(policy, [standard('a1')], { kind: 'institution' }).applicants[0].items[0];
    expect(institution.revenueSharing).toBeUndefined();
    expect(institution.shares).toEqual([{ payer: 'county', amountFen: 50_000_000 }]);
  });

  it('cost_share: the last rule selecting an item decides between a stated split and the revenue-sharing ratio', () => {
    const ratioLast = policyWithRules(`  - { kind: cost_share, article: 第二十条, source: "002:20", split: [ { payer: city, parts: 1 }, { payer: county, parts: 1 } ] }
  - { kind: cost_share, article: 第六条, source: "002:6", byRevenueSharing: true }
`);
    expect(run(ratioLast, [standard('a1')]).applicants[0].items[0]).toMatchObject({ revenueSharing: { article: '第六条' } });
    expect(run(ratioLast, [standard('a1')]).applicants[0].items[0].shares).toBeUndefined();
    const splitLast = policyWithRules(`  - { kind: cost_share, article: 第六条, source: "002:6", byRevenueSharing: true }
  - { kind: cost_share, article: 第二十条, source: "002:20", split: [ { payer: city, parts: 1 }, { payer: county, parts: 1 } ] }
`);
    const item = run(splitLast, [standard('a1')]).applicants[0].items[0];
    expect(item.revenueSharing).toBeUndefined();
    expect(item.shares).toHaveLength(2);
  });

  it('cost_share needs stated parts or byRevenueSharing, never both', () => {
    expect(() => policyWithRules('  - { kind: cost_share, article: 第六条, source: "002:6" }\n')).toThrow(/needs `split`/);
    expect(() => policyWithRules('  - { kind: cost_share, article: 第六条, source: "002:6", byRevenueSharing: true, split: [ { payer: city, parts: 1 } ] }\n')).toThrow(
      /states no parts/,
    );
    expect(() => policyWithRules('  - { kind: cost_share, article: 第六条, source: "002:6", byRevenueSharing: false }\n')).toThrow();
  });

  it('payment_plan installments add up exactly', () => {
    const policy = policyWithRules(`  - kind: payment_plan
    article: 第十条
    source: "002:10"
    plan: installments
    installments: [ { when: start, percent: 50 }, { when: acceptance, percent: 50 } ]
  - { kind: cap_costs, article: 第九条, source: "002:9" }
`);
    const item = run(policy, [standard('a1', { costsIncurredFen: 333 })]).applicants[0].items[0];
    expect(item.payment).toEqual({
      plan: 'installments',
      article: '第十条',
      installments: [
        { when: 'start', percent: 50, amountFen: 167 },
        { when: 'acceptance', percent: 50, amountFen: 166 },
      ],
    });
  });

  it('rejects installments that do not add up to 100%', () => {
    expect(() => policyWithRules('  - { kind: payment_plan, article: 第十条, source: "002:10", plan: installments, installments: [ { when: a, percent: 50 }, { when: b, percent: 40 } ] }\n')).toThrow(/installments add up to 90%/);
  });
});
