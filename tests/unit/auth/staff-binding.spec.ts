import { StaffBindingInput, staffBindingProblems } from '@subsidy/auth';

describe('staffBindingProblems', () => {
  it.each<[string, StaffBindingInput, string[]]>([
    ['program officer, unbound', { role: 'program_officer' }, []],
    ['district reviewer with a district', { role: 'district_reviewer', districtCode: '370102' }, []],
    ['district reviewer without a district', { role: 'district_reviewer' }, ['districtCode']],
    ['city finance officer', { role: 'finance_officer', financeLevel: 'city' }, []],
    ['district finance officer with district', { role: 'finance_officer', financeLevel: 'district', districtCode: '370102' }, []],
    ['finance officer without level', { role: 'finance_officer' }, ['financeLevel']],
    ['district finance officer without district', { role: 'finance_officer', financeLevel: 'district' }, ['districtCode']],
    ['city finance officer with a district', { role: 'finance_officer', financeLevel: 'city', districtCode: '370102' }, ['districtCode']],
    ['expert with a finance level', { role: 'expert', financeLevel: 'city' }, ['financeLevel']],
    ['technical reviewer with a district', { role: 'technical_reviewer', districtCode: '370102' }, ['districtCode']],
    ['platform admin in a government tenant', { role: 'platform_admin' }, ['role']],
    ['tenant admin, unbound', { role: 'tenant_admin' }, []],
    ['tenant admin with a district', { role: 'tenant_admin', districtCode: '370102' }, ['districtCode']],
  ])('%s', (_label, input, paths) => {
    expect(staffBindingProblems(input, false).map((p) => p.path)).toEqual(paths);
  });

  it('allows only platform administrators in the platform tenant', () => {
    expect(staffBindingProblems({ role: 'platform_admin' }, true)).toEqual([]);
    expect(staffBindingProblems({ role: 'program_officer' }, true).map((p) => p.path)).toEqual(['role']);
    expect(staffBindingProblems({ role: 'tenant_admin' }, true).map((p) => p.path)).toEqual(['role']);
  });

  it('explains each problem', () => {
    expect(staffBindingProblems({ role: 'district_reviewer' }, false)).toEqual([{ path: 'districtCode', message: 'a district reviewer must be bound to a district' }]);
  });
});
