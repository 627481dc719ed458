import fc from 'fast-check';
import { largestRemainder, parseYuan, percentOf } from '@subsidy/policy';
import { formatYuan, parsePercent } from '../../../libs/policy/src/money';

describe('money', () => {
  it.each([
    [500000, 50_000_000],
    ['75000', 7_500_000],
    ['1234.5', 123_450],
    ['0.01', 1],
    ['7.5万', 7_500_000],
    ['1.5万元', 1_500_000],
    ['100万', 100_000_000],
    ['0.000001万', 1],
  ])('parses %p yuan exactly to %p fen', (written, fen) => {
    expect(parseYuan(written)).toEqual({ fen });
  });

  it.each([7.5, -1, '1.234', '7.5 万', 'abc', null])('rejects %p', (written) => {
    expect(parseYuan(written)).toHaveProperty('error');
  });

  it('computes percentages with integers, rounding down', () => {
    expect(percentOf(50_000_000, 2000)).toBe(10_000_000);
    expect(percentOf(1, 5000)).toBe(0);
    expect(percentOf(333, 3333)).toBe(110); // 110.9889 floored
    expect(parsePercent('12.5')).toEqual({ basisPoints: 1250 });
    expect(parsePercent(20)).toEqual({ basisPoints: 2000 });
  });

  it('formats fen as yuan text', () => {
    expect(formatYuan(50_000_000)).toBe('500000');
    expect(formatYuan(123_450)).toBe('1234.5');
    expect(formatYuan(1)).toBe('0.01');
  });

  describe('largestRemainder', () => {
    it('splits 1:1 with the odd fen to the first payer', () => {
      expect(largestRemainder(7, [1, 1])).toEqual([4, 3]);
    });
    it('gives left-over fen to the largest remainders', () => {
      // 100 * 1/6 = 16.67, 100 * 2/6 = 33.33, 100 * 3/6 = 50
      expect(largestRemainder(100, [1, 2, 3])).toEqual([17, 33, 50]);
      expect(largestRemainder(10, [3, 3, 3])).toEqual([4, 3, 3]);
    });
    it('always adds up exactly and stays within one fen of the exact share', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }), (amount, weights) => {
          const parts = largestRemainder(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          parts.forEach((p, i) => {
            const exact = (BigInt(amount) * BigInt(weights[i])) / BigInt(total);
            expect(BigInt(p) - exact >= 0n && BigInt(p) - exact <= 1n).toBe(true);
          });
        }),
      );
    });
  });
});
