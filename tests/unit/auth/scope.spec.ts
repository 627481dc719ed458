import { OutOfScopeError, Scope, scopeOf } from '@subsidy/auth';
import { Actor, SYSTEM_ACTOR } from '@subsidy/tenancy';

const user = (fields: Partial<Actor>): Actor => ({ kind: 'user', id: 'u', homeTenantId: 'alpha', ...fields });
const reviewer = user({ role: 'district_reviewer', districtCode: '370102' });
const districtFinance = user({ role: 'finance_officer', financeLevel: 'district', districtCode: '370103' });
const cityFinance = user({ role: 'finance_officer', financeLevel: 'city' });
const officer = user({ role: 'program_officer' });
const applicant = user({ role: 'applicant', organizationId: 'org-1' });

describe('scopeOf', () => {
  it.each<[string, Actor, ReturnType<typeof scopeOf>]>([
    ['district reviewer: their district', reviewer, { kind: 'district', districtCode: '370102' }],
    ['district finance officer: their district', districtFinance, { kind: 'district', districtCode: '370103' }],
    ['city finance officer: the whole tenant', cityFinance, { kind: 'tenant' }],
    ['program officer: the whole tenant', officer, { kind: 'tenant' }],
    ['platform admin: the whole tenant', user({ role: 'platform_admin' }), { kind: 'tenant' }],
    ['applicant: their organization', applicant, { kind: 'organization', organizationId: 'org-1' }],
    ['system actor: the whole tenant', SYSTEM_ACTOR, { kind: 'tenant' }],
  ])('%s', (_label, actor, expected) => {
    expect(scopeOf(actor)).toEqual(expected);
  });

  it('gives a bound role with a missing binding nothing rather than everything', () => {
    expect(() => scopeOf(user({ role: 'district_reviewer', districtCode: null }))).toThrow(OutOfScopeError);
    expect(() => scopeOf(user({ role: 'applicant' }))).toThrow(OutOfScopeError);
  });
});

describe('Scope helpers', () => {
  it('filters listings by district for district-bound actors only', () => {
    expect(Scope.districtFilter(reviewer)).toBe('370102');
    expect(Scope.districtFilter(officer)).toBeNull();
    expect(() => Scope.districtFilter(applicant)).toThrow(OutOfScopeError);
  });

  it('admits a district-bound actor to their own district only', () => {
    expect(() => Scope.assertDistrictAccess(reviewer, '370102')).not.toThrow();
    expect(() => Scope.assertDistrictAccess(reviewer, '370103')).toThrow(/limited to district 370102/);
    expect(() => Scope.assertDistrictAccess(officer, '370103')).not.toThrow();
  });

  it('admits an applicant to their own organization only, and district staff to organizations of their district', () => {
    const own = { organizationId: 'org-1', districtCode: '370103' };
    const other = { organizationId: 'org-2', districtCode: '370102' };
    expect(() => Scope.assertOrganizationAccess(applicant, own)).not.toThrow();
    expect(() => Scope.assertOrganizationAccess(applicant, other)).toThrow(OutOfScopeError);
    expect(() => Scope.assertOrganizationAccess(reviewer, other)).not.toThrow();
    expect(() => Scope.assertOrganizationAccess(reviewer, own)).toThrow(OutOfScopeError);
    expect(() => Scope.assertOrganizationAccess(officer, own)).not.toThrow();
  });
});
