import { describeHashParameters, dummyPasswordHash, hashPassword, PASSWORD_HASH_OPTIONS, passwordHashNeedsUpgrade } from '@subsidy/auth';
import { hash } from 'argon2';

/**
 * Sign-in time must not tell whether a user exists: the dummy hash an unknown user is checked against and every stored
 * hash use the same argon2 parameters. Asserted on the parameters themselves (read from the PHC string), not on time.
 */
describe('password hash parameters', () => {
  const expected = {
    algorithm: 'argon2id',
    version: 19,
    memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
    timeCost: PASSWORD_HASH_OPTIONS.timeCost,
    parallelism: PASSWORD_HASH_OPTIONS.parallelism,
  };

  it('hashes with OWASP argon2id parameters: 19 MiB, 2 passes, 1 lane', async () => {
    expect(describeHashParameters(await hashPassword('correct-horse-battery'))).toEqual({ ...expected, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('makes the dummy hash with exactly the parameters of a stored hash', async () => {
    expect(describeHashParameters(await dummyPasswordHash())).toEqual(describeHashParameters(await hashPassword('x-1234567890')));
  });

  it('asks for an upgrade of hashes made with other parameters or another variant, and of malformed ones', async () => {
    expect(passwordHashNeedsUpgrade(await hashPassword('correct-horse-battery'))).toBe(false);
    // What the demo seed used to store: argon2's library defaults (64 MiB, 3 passes, 4 lanes), six times the work.
    const libraryDefaults = await hash('correct-horse-battery', { type: 2 });
    expect(describeHashParameters(libraryDefaults)).toMatchObject({ memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(passwordHashNeedsUpgrade(libraryDefaults)).toBe(true);
    const argon2i = await hash('correct-horse-battery', { type: 1, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(passwordHashNeedsUpgrade(argon2i)).toBe(true);
    expect(passwordHashNeedsUpgrade('not-a-hash')).toBe(true);
  });

  it('reads nothing from a string that is not a PHC argon2 hash', () => {
    expect(describeHashParameters('$2b$10$abcdefghijklmnopqrstuv')).toBeUndefined();
  });
});

describe('passwords are compared in their NFC form', () => {
  it('a password set with a decomposed accent (CLI, raw stdin) verifies when typed composed (API, normalized)', async () => {
    const { hashPassword, verifyPassword } = await import('@subsidy/auth');
    const hash = await hashPassword('Cafe\u0301-密码-2026');
    await expect(verifyPassword(hash, 'Caf\u00e9-密码-2026')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'Cafe-密码-2026')).resolves.toBe(false);
  });
});
