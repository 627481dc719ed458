import { readFileSync } from 'fs';
import { join } from 'path';
import { configDir } from '@subsidy/config';
import { Achievement, Applicant, compareApplications, compilePolicyText, loadPolicyRepository, type WhatIfApplication } from '@subsidy/policy';

const repo = loadPolicyRepository(configDir('policies'));
const weihai2020 = repo.versions('weihai').find((p) => p.id === 'weihai-2020')!;
const text2020 = readFileSync(join(configDir('policies'), 'weihai', 'weihai-2020.yaml'), 'utf8');
/** The draft of the e2e test: weihai-2020 copied, the national-standard lead-formulate ceiling raised from 50万 to 60万. */
const text2026 = text2020
  .replace(/^id: weihai-2020$/m, 'id: weihai-2026')
  .replace(/(id: std\.national\.formulate\.lead[\s\S]*?ceiling: )"50万"/, '$1"60万"');
const draft = compilePolicyText('weihai-2026', text2026);
/** A draft that drops the industry-standard lead item: those achievements are no longer covered. */
const withoutIndustry = compilePolicyText('weihai-2026b', text2020.replace(/^id: weihai-2020$/m, 'id: weihai-2026b').replace(/\n  - id: std\.industry\.formulate\.lead\n(    .*\n)+/, '\n'));

const nationalLead = (id: string, no: string): Achievement => ({ id, type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: `GB/T ${no}-2023`, publishedOn: '2023-05-01' });
const industryLead = (id: string, no: string): Achievement => ({ id, type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: `HG/T ${no}-2023`, publishedOn: '2023-05-01' });

function application(key: string, applicantKey: string, achievements: Achievement[], extra: Partial<Applicant> = {}): WhatIfApplication {
  return {
    key,
    applicantKey,
    applicantName: `威海${applicantKey}有限公司`,
    baseline: weihai2020,
    request: {
      applicationDate: '2024-03-20',
      programYear: 2024,
      fundTotalFen: 500_000_000,
      applicants: [{ uscc: `91371002MA${applicantKey.padStart(8, '0')}`, kind: 'enterprise', district: '环翠区', achievements, ...extra }],
    },
  };
}

const WAN = 1_000_000; // 1万 in fen

describe('compareApplications (what-if over real applications)', () => {
  it('draft items are named after the text and the draft keeps its id', () => {
    expect(draft.id).toBe('weihai-2026');
    expect(draft.items.find((i) => i.id === 'std.national.formulate.lead')?.amount).not.toEqual(weihai2020.items.find((i) => i.id === 'std.national.formulate.lead')?.amount);
    expect(withoutIndustry.items.some((i) => i.id === 'std.industry.formulate.lead')).toBe(false);
  });

  // Each case: the applications, the candidate, and the expected totals and item lines [itemId, count, before, after].
  const cases: Array<{ name: string; apps: WhatIfApplication[]; candidate?: typeof draft; total: [number, number]; items: Array<[string | null, number, number, number]> }> = [
    { name: 'one national lead standard gains 10万', apps: [application('x1', 'A', [nationalLead('a1', '1')])], total: [50 * WAN, 60 * WAN], items: [['std.national.formulate.lead', 1, 50 * WAN, 60 * WAN]] },
    {
      name: 'an unchanged item stays level beside the changed one',
      apps: [application('x1', 'A', [nationalLead('a1', '1'), industryLead('a2', '2')])],
      total: [70 * WAN, 80 * WAN],
      items: [
        ['std.national.formulate.lead', 1, 50 * WAN, 60 * WAN],
        ['std.industry.formulate.lead', 1, 20 * WAN, 20 * WAN],
      ],
    },
    {
      name: 'the 100万 per unit and year cap (第十九条) absorbs the raise of a second standard',
      apps: [application('x1', 'A', [nationalLead('a1', '1'), nationalLead('a2', '2')])],
      total: [100 * WAN, 100 * WAN],
      items: [['std.national.formulate.lead', 2, 100 * WAN, 100 * WAN]],
    },
    {
      name: 'other funding for the same standard is refused under both (第十九条): no line pays',
      apps: [application('x1', 'A', [nationalLead('a1', '1')], { otherFunding: [{ achievementId: 'a1', source: 'city', amountFen: 50 * WAN }] })],
      total: [0, 0],
      items: [],
    },
    {
      name: 'an item the draft drops moves its achievements to "not covered"',
      apps: [application('x1', 'A', [industryLead('a2', '2')])],
      candidate: withoutIndustry,
      total: [20 * WAN, 0],
      items: [['std.industry.formulate.lead', 1, 20 * WAN, 0]],
    },
    {
      name: 'three applications add up per item',
      apps: [application('x1', 'A', [nationalLead('a1', '1')]), application('x2', 'B', [nationalLead('b1', '3')]), application('x3', 'C', [industryLead('c1', '4')])],
      total: [120 * WAN, 140 * WAN],
      items: [
        ['std.national.formulate.lead', 2, 100 * WAN, 120 * WAN],
        ['std.industry.formulate.lead', 1, 20 * WAN, 20 * WAN],
      ],
    },
  ];

  it.each(cases)('$name', ({ apps, candidate, total, items }) => {
    const report = compareApplications(apps, candidate ?? draft);
    expect(report.applications).toBe(apps.length);
    expect(report.unpriced).toEqual([]);
    expect([report.totalBeforeFen, report.totalAfterFen, report.deltaFen]).toEqual([total[0], total[1], total[1] - total[0]]);
    expect(report.byItem.map((l) => [l.itemId, l.count, l.beforeFen, l.afterFen])).toEqual(items);
    for (const line of report.byItem) expect(line.deltaFen).toBe(line.afterFen - line.beforeFen);
    expect(report.baselinePolicyIds).toEqual(['weihai-2020']);
  });

  it('names and cites each item from the candidate text', () => {
    const report = compareApplications([application('x1', 'A', [nationalLead('a1', '1')])], draft);
    expect(report.byItem[0]).toMatchObject({ label: { zh: '国家标准 主持制定' }, article: '第六条', deltaFen: 10 * WAN });
  });

  it('adds up per applicant, largest change first, and keeps at most the limit', () => {
    const apps = [
      application('x1', 'A', [industryLead('a1', '1')]),
      application('x2', 'B', [nationalLead('b1', '2')]),
      application('x3', 'B', [nationalLead('b2', '3')]),
      application('x4', 'C', [nationalLead('c1', '4')]),
    ];
    const report = compareApplications(apps, draft);
    expect(report.byApplicant.map((a) => [a.applicantName, a.applicationCount, a.beforeFen, a.afterFen, a.deltaFen])).toEqual([
      ['威海B有限公司', 2, 100 * WAN, 120 * WAN, 20 * WAN],
      ['威海C有限公司', 1, 50 * WAN, 60 * WAN, 10 * WAN],
      ['威海A有限公司', 1, 20 * WAN, 20 * WAN, 0],
    ]);
    expect(compareApplications(apps, draft, { applicantLimit: 1 }).byApplicant.map((a) => a.applicantName)).toEqual(['威海B有限公司']);
  });

  it('leaves out, and names, an application either version cannot price; the totals cover the others only', () => {
    // A draft that adds a fund-share cap needs the year's fund (missing_input); the version in force does not.
    const fundCapped = compilePolicyText(
      'weihai-2026c',
      text2026.replace(/^id: weihai-2026$/m, 'id: weihai-2026c').replace(/^rules:\n/m, 'rules:\n  - { kind: cap_fund_share, article: 第十九条, source: "002:4598", percent: 20 }\n'),
    );
    const withoutFund = application('nofund', 'B', [nationalLead('b1', '2')]);
    delete withoutFund.request.fundTotalFen;
    const duplicate = application('dup', 'C', [nationalLead('c1', '3'), nationalLead('c1', '4')]);
    const report = compareApplications([application('x1', 'A', [nationalLead('a1', '1')]), withoutFund, duplicate], fundCapped);
    expect(report.unpriced).toEqual([
      { key: 'nofund', side: 'after', reason: expect.stringContaining('$.fundTotalFen') },
      { key: 'dup', side: 'before', reason: expect.stringContaining('duplicate achievement id') },
    ]);
    expect([report.applications, report.totalBeforeFen, report.totalAfterFen]).toEqual([1, 50 * WAN, 60 * WAN]);
    expect(report.byApplicant.map((a) => a.applicantName)).toEqual(['威海A有限公司']);
  });

  it('compares nothing to nothing', () => {
    expect(compareApplications([], draft)).toEqual({ applications: 0, unpriced: [], baselinePolicyIds: [], totalBeforeFen: 0, totalAfterFen: 0, deltaFen: 0, byItem: [], byApplicant: [] });
  });
});
