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
  const sid = '5d1c7a2e-8f3b-4c6d-9e0a-1b2c3d4e5f60';
  const valid = { ...claimsFor(actor, sid), iat: 1, exp: 2 };

  it('round-trips an actor and its sign-in through the claims', () => {
    const claims = claimsFor(actor, sid);
    expect(claims).toEqual({ sub: actor.id, tid: 'alpha', role: 'finance_officer', district: '370102', fin: 'district', org: null, sid });
    expect(actorFromClaims(valid)).toEqual({ ...actor, sessionId: sid });
  });

  it('knows the tenant administrator role', () => {
    expect(actorFromClaims({ ...valid, role: 'tenant_admin', district: null, fin: null })).toMatchObject({ role: 'tenant_admin' });
  });

  it.each<[string, unknown]>([
    ['not an object', 'token'],
    ['null', null],
    ['no subject', { ...valid, sub: undefined }],
    ['a subject that is not a user id', { ...valid, sub: 'u' }],
    ['unknown role', { ...valid, role: 'superuser' }],
    ['bad finance level', { ...valid, fin: 'province' }],
    ['non-string district', { ...valid, district: 370102 }],
    ['missing tenant', { ...valid, tid: undefined }],
    ['no session', { ...valid, sid: undefined }],
    ['a session that is not an id', { ...valid, sid: 'family-1' }],
    // jsonwebtoken treats a token without exp as never expiring: refused here instead.
    ['no expiry', { ...valid, exp: undefined }],
    ['a non-numeric expiry', { ...valid, exp: '2' }],
    ['no issue time', { ...valid, iat: undefined }],
  ])('rejects claims with %s', (_label, payload) => {
    expect(actorFromClaims(payload)).toBeUndefined();
  });
});
