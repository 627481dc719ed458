import { canonicalJson, IdempotencyKeyInvalidError, isValidIdempotencyKey, requestFingerprint } from '@subsidy/idempotency';

describe('request fingerprints', () => {
  const base = { scope: 'application.submit', method: 'post', path: '/api/v1/applications/1/submit', body: { b: [1, { y: 2, x: 1 }], a: 'z' } };

  it('writes JSON with sorted keys at every level, so key order does not matter', () => {
    expect(canonicalJson({ b: [1, { y: 2, x: 1 }], a: 'z' })).toBe('{"a":"z","b":[1,{"x":1,"y":2}]}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the same for the same request and differs when scope, method, path or body differ', () => {
    const same = requestFingerprint({ ...base, method: 'POST', body: { a: 'z', b: [1, { x: 1, y: 2 }] } });
    expect(requestFingerprint(base)).toBe(same);
    expect(same).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ ...base, scope: 'other' })).not.toBe(same);
    expect(requestFingerprint({ ...base, method: 'PUT' })).not.toBe(same);
    expect(requestFingerprint({ ...base, path: '/api/v1/applications/2/submit' })).not.toBe(same);
    expect(requestFingerprint({ ...base, body: { ...base.body, a: 'y' } })).not.toBe(same);
    expect(requestFingerprint({ ...base, body: [base.body.b[1], base.body.b[0]] })).not.toBe(requestFingerprint({ ...base, body: base.body.b }));
  });

  it('accepts keys of 8 to 128 visible ASCII characters only', () => {
    expect(isValidIdempotencyKey('12345678')).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(128))).toBe(true);
    expect(isValidIdempotencyKey('1234567')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(129))).toBe(false);
    expect(isValidIdempotencyKey('with space')).toBe(false);
    expect(isValidIdempotencyKey('ключ-ключ-ключ')).toBe(false);
  });

  it('names the header in its 400 errors', () => {
    const missing = new IdempotencyKeyInvalidError(true);
    expect([missing.status, missing.code, missing.details[0].path]).toEqual([400, 'idempotency_key_missing', 'Idempotency-Key']);
    expect(new IdempotencyKeyInvalidError(false).code).toBe('idempotency_key_invalid');
  });
});
