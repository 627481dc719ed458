import { configDir } from '@subsidy/config';
import { loadPolicyRepository, repositoryOf } from '@subsidy/policy';
import { WhatIfData } from '../../../libs/policy-versions/src/what-if/what-if-data';
import { whatIfApplications } from '../../../libs/policy-versions/src/what-if/what-if-requests';

const files = loadPolicyRepository(configDir('policies'));
const weihai2020 = files.versions('weihai').find((p) => p.id === 'weihai-2020')!;
const policies = repositoryOf(files.dir, [weihai2020]);

const standard = (id: string, standardNo: string) => ({ id, type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo, publishedOn: '2023-06-01' });

function data(overrides: Partial<WhatIfData> = {}): WhatIfData {
  return {
    programs: [{ id: 'p1', year: 2024, policyId: 'weihai-2020', policyHash: weihai2020.hash, budgetTotalFen: '300000000' }],
    applications: [
      {
        id: 'app1',
        programId: 'p1',
        organizationId: 'org1',
        applicationDate: '2024-03-20',
        uscc: '91371002MA3C00000X',
        name: '威海环翠海洋装备科技有限公司',
        kind: 'enterprise',
        districtName: '环翠区',
        achievements: [{ ...standard('a1', 'GB/T 40001-2023'), coDraftingUsccs: ['91371002MA3C00001X'] }],
      },
    ],
    decided: new Map(),
    sanctions: new Map(),
    tenantLevel: 'city',
    ...overrides,
  };
}

const decidedRow = (applicationId: string, standardNo: string) => ({
  applicationId,
  applicationStatus: 'decided',
  programId: 'p0',
  programTitle: '2023年度',
  programYear: 2023,
  payload: standard('e1', standardNo),
  decidedFen: 50_000_000,
  shares: [],
});

describe('whatIfApplications: each application rebuilt as the product prices it', () => {
  it('builds the request at the application date, with the program year, its budget as the fund, and without review-only fields', () => {
    const { applications, unpriced } = whatIfApplications(data(), 'weihai', policies);
    expect(unpriced).toBe(0);
    expect(applications).toHaveLength(1);
    const [app] = applications;
    expect(app).toMatchObject({ key: 'app1', applicantKey: 'org1', applicantName: '威海环翠海洋装备科技有限公司', baseline: { id: 'weihai-2020' } });
    expect(app.request).toMatchObject({ applicationDate: '2024-03-20', programYear: 2024, fundTotalFen: 300_000_000 });
    expect(app.request.applicants[0]).toMatchObject({ uscc: '91371002MA3C00000X', kind: 'enterprise', district: '环翠区' });
    expect(app.request.applicants[0].achievements[0]).not.toHaveProperty('coDraftingUsccs');
    expect(app.request.applicants[0]).not.toHaveProperty('priorAwards');
  });

  it("tells the engine of the organization's decided awards elsewhere (prior awards, other funding for the same standard), never of the application's own", () => {
    const decided = new Map([['org1', [decidedRow('app0', 'GB/T 40001-2023'), decidedRow('app1', 'GB/T 49999-2023')]]]);
    const [app] = whatIfApplications(data({ decided }), 'weihai', policies).applications;
    expect(app.request.applicants[0].priorAwards).toEqual([{ achievementKey: 'standard:national:GB/T 40001-2023', year: 2023, amountFen: 50_000_000 }]);
    expect(app.request.applicants[0].otherFunding).toEqual([{ achievementId: 'a1', source: 'city', amountFen: 50_000_000 }]);
  });

  it("passes finance's sanctions", () => {
    const sanctions = new Map([['org1', [{ kind: 'fraud_ban' as const, on: '2022-05-01' }]]]);
    const [app] = whatIfApplications(data({ sanctions }), 'weihai', policies).applications;
    expect(app.request.applicants[0].sanctions).toEqual([{ kind: 'fraud_ban', on: '2022-05-01' }]);
  });

  it("falls back to the program's own version when none was in force on the date, and counts as unpriced what neither covers or what is malformed", () => {
    const base = data().applications[0];
    const late = { ...base, id: 'late', applicationDate: '2025-02-01' };
    const stray = { ...base, id: 'stray', programId: 'p-unknown' };
    const malformed = { ...base, id: 'bad', achievements: [{ id: 'x1', type: 'standard', level: 'galactic' }] };
    const lost = data({ programs: [{ id: 'p1', year: 2024, policyId: 'weihai-2019', policyHash: 'x', budgetTotalFen: '0' }] });
    const result = whatIfApplications(data({ applications: [late, stray, malformed] }), 'weihai', policies);
    expect(result.applications.map((a) => [a.key, a.baseline.id])).toEqual([['late', 'weihai-2020']]);
    expect(result.unpriced).toBe(2);
    expect(whatIfApplications({ ...lost, applications: [late] }, 'weihai', policies)).toEqual({ applications: [], unpriced: 1 });
  });
});
