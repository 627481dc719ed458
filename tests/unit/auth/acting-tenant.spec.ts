import { decideActingTenant } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';

const officer: Actor = { kind: 'user', id: 'u1', role: 'program_officer', homeTenantId: 'alpha' };
const admin: Actor = { kind: 'user', id: 'u2', role: 'platform_admin', homeTenantId: 'platform' };

describe('decideActingTenant', () => {
  it.each<[string, Actor, string | string[] | undefined, ReturnType<typeof decideActingTenant>]>([
    ['staff without header act on their tenant', officer, undefined, { kind: 'home', tenantId: 'alpha' }],
    ['staff naming their own tenant act on it', officer, 'alpha', { kind: 'home', tenantId: 'alpha' }],
    ['staff naming another tenant are refused', officer, 'beta', { kind: 'forbidden' }],
    ['a blank header counts as absent', officer, '  ', { kind: 'home', tenantId: 'alpha' }],
    ['platform admin without header acts on the platform tenant', admin, undefined, { kind: 'home', tenantId: 'platform' }],
    ['platform admin naming a tenant acts on that one', admin, 'alpha', { kind: 'delegated', tenantId: 'alpha' }],
    ['only the first of repeated headers counts', admin, ['alpha', 'beta'], { kind: 'delegated', tenantId: 'alpha' }],
    ['an applicant cannot reach another tenant', { ...officer, role: 'applicant', organizationId: 'o1' }, 'beta', { kind: 'forbidden' }],
  ])('%s', (_label, actor, header, expected) => {
    expect(decideActingTenant(actor, header)).toEqual(expected);
  });
});
