import { createHash } from 'crypto';

/**
 * xoshiro128** (Blackman and Vigna, 2018), a small, well-studied 32-bit generator, seeded with the first 16 bytes of
 * SHA-256(seed). Deterministic across machines and Node versions: the same seed always yields the same sequence,
 * which is what makes a recorded panel draw reproducible. Not for secrets.
 */
export class SeededRandom {
  private readonly s: Uint32Array;

  private constructor(state: readonly number[]) {
    this.s = Uint32Array.from(state);
    // The all-zero state is the generator's one fixed point; SHA-256 will not produce it, but never risk it.
    if (this.s.every((word) => word === 0)) this.s[0] = 1;
  }

  static fromSeed(seed: string): SeededRandom {
    const digest = createHash('sha256').update(seed, 'utf8').digest();
    return new SeededRandom([0, 1, 2, 3].map((i) => digest.readUInt32LE(i * 4)));
  }

  /** Raw state, for checking the generator against the reference implementation's published outputs. */
  static fromState(state: readonly [number, number, number, number]): SeededRandom {
    return new SeededRandom(state);
  }

  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform integer in [0, bound), by rejection so no value is favoured. */
  nextInt(bound: number): number {
    if (!Number.isSafeInteger(bound) || bound < 1 || bound > 0x1_0000_0000) throw new RangeError(`bound ${bound} out of range`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    let value = this.nextUint32();
    while (value >= limit) value = this.nextUint32();
    return value % bound;
  }

  /** A permutation of `items` (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i -= 1) {
      const j = this.nextInt(i + 1);
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
