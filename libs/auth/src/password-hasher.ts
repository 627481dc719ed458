import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): strong, yet affordable on a two-core host. Every stored hash,
 * the dummy hash and every seed must use exactly these, or the time a sign-in takes tells whether the user exists.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The API normalizes every JSON string to NFC at the edge, while the CLI reads passwords raw from stdin: hashing and
 * verifying the NFC form makes a password typed with decomposed accents match wherever it was set.
 */
function canonical(password: string): string {
  return password.normalize('NFC');
}

/** The one way to hash a password in this product (API, CLI, demo seed, test factories). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(canonical(password), PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, canonical(password));
  } catch {
    // A malformed stored hash must not turn into a 500 or reveal anything: it simply does not match.
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters (or another argon2 variant) than PASSWORD_HASH_OPTIONS:
 * it is re-hashed at the next successful sign-in, so old hashes converge on the current cost.
 */
export function passwordHashNeedsUpgrade(hash: string): boolean {
  if (!hash.startsWith('$argon2id$')) return true;
  try {
    return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/** The hash an unknown user's password is checked against: made by hashPassword, so with the same parameters. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Spends the same work as a real verification when the user does not exist (or cannot sign in), so response time
 * does not tell an attacker which usernames are registered.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummyPasswordHash(), password);
  return false;
}

export interface HashParameters {
  algorithm: string;
  version: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** Reads the parameters from a PHC string (`$argon2id$v=19$m=19456,p=1,t=2$salt$hash`, in any order); undefined if it is not one. */
export function describeHashParameters(hash: string): HashParameters | undefined {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$([a-z]=\d+(?:,[a-z]=\d+)*)\$/.exec(hash);
  if (!match) return undefined;
  const params = new Map(match[3].split(',').map((pair) => [pair[0], Number(pair.slice(2))] as const));
  const [m, t, p] = [params.get('m'), params.get('t'), params.get('p')];
  if (m === undefined || t === undefined || p === undefined) return undefined;
  return { algorithm: match[1], version: Number(match[2]), memoryCost: m, timeCost: t, parallelism: p };
}
