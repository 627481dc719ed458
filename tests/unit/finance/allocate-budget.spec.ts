import fc from 'fast-check';
import { AllocationError, allocateBudget, type AllocationRule, type AwardRequest } from '@subsidy/finance';

function byId(result: ReturnType<typeof allocateBudget>): Record<string, number> {
  return Object.fromEntries(result.allocations.map((a) => [a.id, a.allocatedFen]));
}

const awards: AwardRequest[] = [
  { id: 'app-a', amountFen: 50_000_00, rank: 1 },
  { id: 'app-b', amountFen: 30_000_00, rank: 2 },
  { id: 'app-c', amountFen: 20_000_00, rank: 3 },
];

describe('allocateBudget: table', () => {
  it.each<[string, number, AllocationRule, boolean, Record<string, number>]>([
    ['within budget, pro rata: untouched', 100_000_00, 'pro_rata', true, { 'app-a': 50_000_00, 'app-b': 30_000_00, 'app-c': 20_000_00 }],
    ['within budget, rank order: untouched', 200_000_00, 'rank_order', true, { 'app-a': 50_000_00, 'app-b': 30_000_00, 'app-c': 20_000_00 }],
    ['pro rata to 80%', 80_000_00, 'pro_rata', true, { 'app-a': 40_000_00, 'app-b': 24_000_00, 'app-c': 16_000_00 }],
    // 1 fen split 50:30:20 -> exact shares 0.5, 0.3, 0.2 fen: the largest remainder (app-a) gets the fen
    ['pro rata of 1 fen', 1, 'pro_rata', true, { 'app-a': 1, 'app-b': 0, 'app-c': 0 }],
    ['pro rata of nothing', 0, 'pro_rata', true, { 'app-a': 0, 'app-b': 0, 'app-c': 0 }],
    ['rank order, last one partial', 90_000_00, 'rank_order', true, { 'app-a': 50_000_00, 'app-b': 30_000_00, 'app-c': 10_000_00 }],
    ['rank order, last one not funded', 90_000_00, 'rank_order', false, { 'app-a': 50_000_00, 'app-b': 30_000_00, 'app-c': 0 }],
    ['rank order, second partial, third nothing', 60_000_00, 'rank_order', true, { 'app-a': 50_000_00, 'app-b': 10_000_00, 'app-c': 0 }],
    // strict ranking: app-b (30k) does not fit in the 20k left, so app-c gets nothing although its 20k would fit
    ['rank order, strict: a later smaller award is not funded', 70_000_00, 'rank_order', false, { 'app-a': 50_000_00, 'app-b': 0, 'app-c': 0 }],
  ])('%s', (_label, budget, rule, partialLast, expected) => {
    expect(byId(allocateBudget(budget, awards, rule, { partialLast }))).toEqual(expected);
  });

  it('splits pro rata fen exactly: 100 fen over three equal awards', () => {
    const equal = ['x', 'y', 'z'].map((id) => ({ id, amountFen: 100, rank: 1 }));
    const result = allocateBudget(100, equal, 'pro_rata');
    expect(byId(result)).toEqual({ x: 34, y: 33, z: 33 });
    // The odd fen goes by id, not by position: the same award gets it whatever the input order.
    expect(byId(allocateBudget(100, [...equal].reverse(), 'pro_rata'))).toEqual({ x: 34, y: 33, z: 33 });
    expect(result.allocatedFen).toBe(100);
    expect(result.unallocatedFen).toBe(0);
  });

  it('breaks rank ties by id, not by input order', () => {
    const tied = [
      { id: 'b', amountFen: 60, rank: 1 },
      { id: 'a', amountFen: 60, rank: 1 },
    ];
    expect(byId(allocateBudget(100, tied, 'rank_order'))).toEqual({ a: 60, b: 40 });
  });

  it('defaults partialLast to true and reports the totals', () => {
    const result = allocateBudget(90_000_00, awards, 'rank_order');
    expect(result).toEqual(
      expect.objectContaining({ rule: 'rank_order', budgetFen: 90_000_00, requestedFen: 100_000_00, allocatedFen: 90_000_00, unallocatedFen: 0 }),
    );
    expect(result.allocations.map((a) => a.id)).toEqual(['app-a', 'app-b', 'app-c']);
  });

  it('leaves money unallocated when partialLast is false', () => {
    expect(allocateBudget(90_000_00, awards, 'rank_order', { partialLast: false }).unallocatedFen).toBe(10_000_00);
  });

  it('handles no awards', () => {
    expect(allocateBudget(100, [], 'pro_rata')).toEqual(
      expect.objectContaining({ requestedFen: 0, allocatedFen: 0, unallocatedFen: 100, allocations: [] }),
    );
  });

  it.each<[number, AwardRequest[], string]>([
    [-1, awards, 'budgetFen'],
    [1.5, awards, 'budgetFen'],
    [100, [{ id: 'a', amountFen: 10.5, rank: 1 }], 'awards[0].amountFen'],
    [100, [{ id: 'a', amountFen: -10, rank: 1 }], 'awards[0].amountFen'],
    [100, [{ id: 'a', amountFen: 10, rank: 1 }, { id: 'a', amountFen: 10, rank: 2 }], 'awards[1].id'],
    [100, [{ id: '', amountFen: 10, rank: 1 }], 'awards[0].id'],
    [100, [{ id: 'a', amountFen: 10, rank: Number.NaN }], 'awards[0].rank'],
  ])('rejects budget %p / awards %j naming %s', (budget, input, path) => {
    try {
      allocateBudget(budget, input, 'pro_rata');
      throw new Error('expected an AllocationError');
    } catch (error) {
      expect(error).toBeInstanceOf(AllocationError);
      expect((error as AllocationError).code).toBe('invalid_allocation_input');
      expect((error as AllocationError).details[0].path).toBe(path);
    }
  });

  it('rejects an unknown rule', () => {
    expect(() => allocateBudget(100, awards, 'lottery' as AllocationRule)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'rule' })] }));
  });
});

describe('allocateBudget: properties', () => {
  const awardList = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      // The tiny range makes equal requests (and so remainder ties) common.
      amountFen: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10_000_000_00 })),
      rank: fc.integer({ min: 1, max: 5 }),
    }),
    { selector: (award) => award.id, maxLength: 12 },
  );
  const rule = fc.constantFrom<AllocationRule>('pro_rata', 'rank_order');
  const sum = (list: readonly AwardRequest[]): number => list.reduce((t, a) => t + a.amountFen, 0);
  // Budgets relative to the requests (0-130% plus a few fen), so scarce budgets are as common as ample ones.
  const scenario = fc
    .tuple(awardList, fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 3 }))
    .map(([list, pct, extra]) => ({ list, b: Number((BigInt(sum(list)) * BigInt(pct)) / 100n) + extra }));

  it('never allocates more than the budget, and allocates exactly min(budget, requested) unless partialLast is off', () => {
    fc.assert(
      fc.property(scenario, rule, fc.boolean(), ({ b, list }, r, partialLast) => {
        const result = allocateBudget(b, list, r, { partialLast });
        expect(result.allocatedFen).toBeLessThanOrEqual(b);
        expect(result.allocatedFen).toBe(result.allocations.reduce((t, a) => t + a.allocatedFen, 0));
        if (r === 'pro_rata' || partialLast) expect(result.allocatedFen).toBe(Math.min(b, sum(list)));
        else expect(result.allocatedFen).toBeLessThanOrEqual(Math.min(b, sum(list)));
      }),
    );
  });

  it('gives no award more than it asked for, nor less than zero', () => {
    fc.assert(
      fc.property(scenario, rule, fc.boolean(), ({ b, list }, r, partialLast) => {
        for (const a of allocateBudget(b, list, r, { partialLast }).allocations) {
          expect(Number.isSafeInteger(a.allocatedFen)).toBe(true);
          expect(a.allocatedFen).toBeGreaterThanOrEqual(0);
          expect(a.allocatedFen).toBeLessThanOrEqual(a.requestedFen);
        }
      }),
    );
  });

  it('pays every award in full when they fit in the budget', () => {
    fc.assert(
      fc.property(awardList, rule, fc.nat(1000), (list, r, slack) => {
        for (const a of allocateBudget(sum(list) + slack, list, r).allocations) expect(a.allocatedFen).toBe(a.requestedFen);
      }),
    );
  });

  it('pro rata is monotone in the request: asking more never yields less; equal requests differ by at most 1 fen', () => {
    fc.assert(
      fc.property(scenario, ({ b, list }) => {
        const result = allocateBudget(b, list, 'pro_rata').allocations;
        for (const x of result) {
          for (const y of result) {
            if (x.requestedFen < y.requestedFen) expect(x.allocatedFen).toBeLessThanOrEqual(y.allocatedFen);
            if (x.requestedFen === y.requestedFen) expect(Math.abs(x.allocatedFen - y.allocatedFen)).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('pro rata stays within 1 fen of the exact proportional share', () => {
    fc.assert(
      fc.property(scenario, ({ b, list }) => {
        const total = BigInt(sum(list));
        if (total <= BigInt(b)) return;
        for (const a of allocateBudget(b, list, 'pro_rata').allocations) {
          const exactTimesTotal = BigInt(b) * BigInt(a.requestedFen);
          const allocatedTimesTotal = BigInt(a.allocatedFen) * total;
          const diff = allocatedTimesTotal - exactTimesTotal;
          expect(diff > -total && diff < total).toBe(true);
        }
      }),
    );
  });

  it('rank order funds a worse-ranked award only when every better-ranked one is paid in full', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ b, list }, partialLast) => {
        const rankOf = new Map(list.map((a) => [a.id, a]));
        const result = allocateBudget(b, list, 'rank_order', { partialLast }).allocations;
        const before = (x: AwardRequest, y: AwardRequest): boolean => x.rank < y.rank || (x.rank === y.rank && x.id < y.id);
        for (const funded of result.filter((a) => a.allocatedFen > 0)) {
          for (const other of result) {
            if (before(rankOf.get(other.id)!, rankOf.get(funded.id)!)) expect(other.allocatedFen).toBe(other.requestedFen);
          }
        }
        expect(result.filter((a) => a.allocatedFen > 0 && a.allocatedFen < a.requestedFen).length).toBeLessThanOrEqual(partialLast ? 1 : 0);
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(scenario, rule, fc.boolean(), fc.nat(), ({ b, list }, r, partialLast, seed) => {
        const shuffled = [...list].sort((x, y) => ((hash(x.id) ^ seed) >>> 0) - ((hash(y.id) ^ seed) >>> 0));
        expect(byId(allocateBudget(b, shuffled, r, { partialLast }))).toEqual(byId(allocateBudget(b, list, r, { partialLast })));
        expect(byId(allocateBudget(b, [...list].reverse(), r, { partialLast }))).toEqual(byId(allocateBudget(b, list, r, { partialLast })));
      }),
    );
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}
