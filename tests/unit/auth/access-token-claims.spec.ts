import { actorFromClaims, claimsFor } from '@subsidy/auth';

describe('access token claims', () => {
  const actor = {
    kind: 'user' as const,
    id: '0b0f5c1e-5e38-4a4e-9d0f-2d7c3c1b7a11',
    role: 'finance_officer' as const,
    homeTenantId: 'alpha',
    districtCode: '370102',
    financeLevel: 'district' as const,
    organizationId: null,
  };

  it('round-trips an actor through the claims', () => {
    const claims = claimsFor(actor);
    expect(claims).toEqual({ sub: actor.id, tid: 'alpha', role: 'finance_officer', district: '370102', fin: 'district', org: null });
    expect(actorFromClaims({ ...claims, iat: 1, exp: 2 })).toEqual(actor);
  });

  it.each<[string, unknown]>([
    ['not an object', 'token'],
    ['null', null],
    ['no subject', { tid: 'alpha', role: 'expert', district: null, fin: null, org: null }],
    ['unknown role', { sub: 'u', tid: 'alpha', role: 'superuser', district: null, fin: null, org: null }],
    ['bad finance level', { sub: 'u', tid: 'alpha', role: 'finance_officer', district: null, fin: 'province', org: null }],
    ['non-string district', { sub: 'u', tid: 'alpha', role: 'district_reviewer', district: 370102, fin: null, org: null }],
    ['missing tenant', { sub: 'u', role: 'expert', district: null, fin: null, org: null }],
  ])('rejects claims that are %s', (_label, payload) => {
    expect(actorFromClaims(payload)).toBeUndefined();
  });
});
