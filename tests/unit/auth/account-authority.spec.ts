import { AccountNotManageableError, assertMayGrant, assertMayManage, dutyOf, grantableRoles, personKeyOf, RoleNotGrantableError, STAFF_ROLES } from '@subsidy/auth';
import { Actor, Role } from '@subsidy/tenancy';

const actor = (role: Role, id = '00000000-0000-4000-8000-000000000001'): Actor => ({ kind: 'user', id, role, homeTenantId: 't' });

describe('who may create whom', () => {
  it('lets the platform administrator grant every staff role, tenant administrators included', () => {
    expect(grantableRoles(actor('platform_admin'))).toEqual(STAFF_ROLES);
  });

  it('lets a tenant administrator create staff but no administrator', () => {
    expect(grantableRoles(actor('tenant_admin'))).toEqual(['program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer']);
    expect(() => assertMayGrant(actor('tenant_admin'), 'tenant_admin')).toThrow(RoleNotGrantableError);
    expect(() => assertMayGrant(actor('tenant_admin'), 'platform_admin')).toThrow(RoleNotGrantableError);
  });

  it.each<Role>(['program_officer', 'finance_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'applicant'])('lets a %s create nobody', (role) => {
    expect(grantableRoles(actor(role))).toEqual([]);
    expect(() => assertMayGrant(actor(role), 'expert')).toThrow(RoleNotGrantableError);
  });
});

describe('who may manage whom', () => {
  const target = (role: Role) => ({ id: '00000000-0000-4000-8000-000000000002', role });

  it('keeps administrators off their own account', () => {
    for (const role of ['platform_admin', 'tenant_admin'] as const) {
      const me = actor(role);
      expect(() => assertMayManage(me, { id: me.id, role })).toThrow(AccountNotManageableError);
    }
  });

  it('lets a tenant administrator manage staff and applicants, but not administrators', () => {
    expect(() => assertMayManage(actor('tenant_admin'), target('finance_officer'))).not.toThrow();
    expect(() => assertMayManage(actor('tenant_admin'), target('applicant'))).not.toThrow();
    expect(() => assertMayManage(actor('tenant_admin'), target('tenant_admin'))).toThrow(AccountNotManageableError);
  });

  it('lets the platform administrator manage tenant administrators', () => {
    expect(() => assertMayManage(actor('platform_admin'), target('tenant_admin'))).not.toThrow();
  });
});

describe('segregation of duties', () => {
  it('gives administering, deciding and paying roles a duty, and no other role', () => {
    expect((['tenant_admin', 'program_officer', 'finance_officer'] as const).map(dutyOf)).toEqual(['administer', 'decide', 'pay']);
    expect((['platform_admin', 'district_reviewer', 'technical_reviewer', 'expert', 'applicant'] as const).map(dutyOf)).toEqual([null, null, null, null, null]);
  });

  it('names a person by the trimmed, lower-cased address', () => {
    expect(personKeyOf('  Wang.Fang@Example.CN ')).toBe('wang.fang@example.cn');
    expect(personKeyOf(null)).toBeNull();
    expect(personKeyOf('   ')).toBeNull();
  });
});
