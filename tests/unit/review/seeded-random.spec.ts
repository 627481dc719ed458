import { SeededRandom } from '@subsidy/review';

describe('SeededRandom (xoshiro128**)', () => {
  it('reproduces the reference implementation from state {1, 2, 3, 4}', () => {
    const random = SeededRandom.fromState([1, 2, 3, 4]);
    const outputs = Array.from({ length: 6 }, () => random.nextUint32());
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const sequence = (seed: string): number[] => {
      const random = SeededRandom.fromSeed(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(sequence('program-2026/app-17')).toEqual(sequence('program-2026/app-17'));
    expect(sequence('program-2026/app-17')).not.toEqual(sequence('program-2026/app-18'));
  });

  it('draws integers below the bound, every value reachable, roughly uniformly', () => {
    const random = SeededRandom.fromSeed('uniformity');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i += 1) counts[random.nextInt(7)] += 1;
    for (const count of counts) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const shuffled = SeededRandom.fromSeed('perm').shuffle(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual([...input]);
    expect(shuffled).not.toEqual([...input]);
  });

  it.each([0, -1, 1.5, 2 ** 33])('refuses bound %p', (bound) => {
    expect(() => SeededRandom.fromSeed('x').nextInt(bound)).toThrow(RangeError);
  });
});
