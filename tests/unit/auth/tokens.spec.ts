import { hashPassword, hashToken, newOpaqueToken, verifyAgainstDummy, verifyPassword } from '@subsidy/auth';

describe('opaque tokens', () => {
  it('are 32 random bytes in base64url and differ every time', () => {
    const a = newOpaqueToken();
    const b = newOpaqueToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('password hashing', () => {
  it('uses argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(hash, 'correct-horse-battery')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct-horse-batterz')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch, and the dummy check always fails', async () => {
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
    await expect(verifyAgainstDummy('anything')).resolves.toBe(false);
  });
});
