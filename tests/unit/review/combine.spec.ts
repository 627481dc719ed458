import fc from 'fast-check';
import { ReviewError, combineExpertAmounts, combineScores, type CombineMethod } from '@subsidy/review';

describe('combineExpertAmounts (integer fen)', () => {
  it.each<[number[], CombineMethod, number]>([
    [[10_000_000], 'mean', 10_000_000],
    [[100, 200, 301], 'mean', 200], // 200.33 -> 200
    [[1, 2], 'mean', 1], // 1.5 rounds down
    [[3_000_000, 5_000_000, 4_999_999], 'mean', 4_333_333],
    [[300, 100, 200], 'median', 200],
    [[100, 200, 300, 401], 'median', 250],
    [[100, 201, 300, 401], 'median', 250], // (201 + 300) / 2 = 250.5 -> 250
    [[1, 2], 'median', 1],
    [[7], 'median', 7],
    [[100, 200, 300, 10_000], 'trimmed_mean', 250], // drops 100 and 10000
    [[100, 200, 900], 'trimmed_mean', 200],
    [[500, 500, 500, 100], 'trimmed_mean', 500],
    [[100, 201], 'trimmed_mean', 150], // fewer than 3: plain mean, 150.5 -> 150
    [[0, 0, 0], 'trimmed_mean', 0],
    [[300, 100, 200], 'min', 100],
    [[Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], 'mean', Number.MAX_SAFE_INTEGER],
  ])('%p by %s = %i', (amounts, method, expected) => {
    expect(combineExpertAmounts(amounts, method)).toBe(expected);
  });

  it.each<[unknown[], string]>([
    [[], 'amountsFen'],
    [[100, -1], 'amountsFen[1]'],
    [[100.5], 'amountsFen[0]'],
    [[100, Number.NaN], 'amountsFen[1]'],
    [[1, '2'], 'amountsFen[1]'],
  ])('rejects %p naming %s', (amounts, path) => {
    try {
      combineExpertAmounts(amounts as number[], 'mean');
      throw new Error('expected a ReviewError');
    } catch (error) {
      expect(error).toBeInstanceOf(ReviewError);
      expect((error as ReviewError).details[0].path).toBe(path);
    }
  });

  it('rejects an unknown method', () => {
    expect(() => combineExpertAmounts([1], 'max' as CombineMethod)).toThrow(expect.objectContaining({ code: 'invalid_review_input' }));
  });

  const methods: CombineMethod[] = ['mean', 'median', 'trimmed_mean', 'min'];
  const amounts = fc.array(fc.integer({ min: 0, max: 100_000_000_000 }), { minLength: 1, maxLength: 15 });

  it('stays within the lowest and highest proposal, is an integer, and ignores the order', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...methods), (values, method) => {
        const combined = combineExpertAmounts(values, method);
        expect(Number.isSafeInteger(combined)).toBe(true);
        expect(combined).toBeGreaterThanOrEqual(Math.min(...values));
        expect(combined).toBeLessThanOrEqual(Math.max(...values));
        expect(combineExpertAmounts([...values].reverse(), method)).toBe(combined);
      }),
    );
  });

  it('never rounds the mean up: mean * n <= sum < (mean + 1) * n', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const mean = BigInt(combineExpertAmounts(values, 'mean'));
        const sum = values.reduce((t, v) => t + BigInt(v), 0n);
        const n = BigInt(values.length);
        expect(mean * n <= sum && sum < (mean + 1n) * n).toBe(true);
      }),
    );
  });

  it('is unmoved by one outlier under trimmed_mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 10 ** 12 }), (value, n, outlier) => {
        expect(combineExpertAmounts([...Array<number>(n - 1).fill(value), outlier], 'trimmed_mean')).toBe(value);
      }),
    );
  });
});

describe('combineScores (hundredths of a point)', () => {
  it.each<[number[], CombineMethod, number]>([
    [[8750, 9000, 8000], 'mean', 8583], // 85.8333 -> 85.83
    [[8750, 9000, 8000], 'median', 8750],
    [[8750, 9000, 8000, 6000, 9900], 'trimmed_mean', 8583],
    [[8750, 8751], 'median', 8750],
    [[8750, 9000, 8000], 'min', 8000],
  ])('%p by %s = %i', (scores, method, expected) => {
    expect(combineScores(scores, method)).toBe(expected);
  });

  it('names its own field on bad input', () => {
    expect(() => combineScores([87.5], 'mean')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'scores[0]' })] }));
  });
});
