import fc from 'fast-check';
import { fenToYuan, financePayer, payerFigures, splitDecidedAmount } from '@subsidy/finance';

const toPayer = (payer: string): string => financePayer(payer, '371002') ?? 'unknown';

describe('cost shares of a decided amount', () => {
  it('splits the decided amount in the ratio of the engine shares, adding up exactly', () => {
    const shares = splitDecidedAmount(10_001, [{ payer: 'city', amountFen: 25_000_000 }, { payer: 'county', amountFen: 25_000_000 }], undefined, toPayer, 'city');
    expect(shares.map((s) => [s.payer, s.amountFen])).toEqual([
      ['city', 5_001],
      ['district:371002', 5_000],
    ]);
    expect(shares[0].installments).toEqual([{ seq: 1, condition: 'start', percent: 100, amountFen: 5_001 }]);
  });

  it('puts everything on the default payer when the policy has no split', () => {
    expect(splitDecidedAmount(700, undefined, undefined, toPayer, 'city')).toEqual([
      { payer: 'city', amountFen: 700, installments: [{ seq: 1, condition: 'start', percent: 100, amountFen: 700 }] },
    ]);
  });

  it('schedules the installments of the payment plan and drops those that round to nothing', () => {
    const plan = { plan: 'installments' as const, article: '第十一条', installments: [{ when: 'start', percent: 50, amountFen: 0 }, { when: 'acceptance', percent: 50, amountFen: 0 }] };
    const [share] = splitDecidedAmount(101, undefined, plan, toPayer, 'city');
    expect(share.installments).toEqual([
      { seq: 1, condition: 'start', percent: 50, amountFen: 51 },
      { seq: 2, condition: 'acceptance', percent: 50, amountFen: 50 },
    ]);
    const [tiny] = splitDecidedAmount(1, undefined, plan, toPayer, 'city');
    expect(tiny.installments).toEqual([{ seq: 1, condition: 'start', percent: 50, amountFen: 1 }]);
  });

  it('always adds up: shares to the decided amount, installments to their share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
        (decided, weights, percents) => {
          const payers = ['city', 'county', 'matching'];
          const engine = weights.map((amountFen, i) => ({ payer: payers[i], amountFen }));
          const plan = { plan: 'installments' as const, article: 'x', installments: percents.map((percent, i) => ({ when: ['start', 'acceptance', 'final'][i], percent, amountFen: 0 })) };
          const shares = splitDecidedAmount(decided, engine, plan, toPayer, 'city');
          expect(shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(decided);
          for (const s of shares) expect(s.installments.reduce((sum, i) => sum + i.amountFen, 0)).toBe(s.amountFen);
        },
      ),
    );
  });
});

describe('report figures from ledger balances', () => {
  it('derives committed, approved, paid, outstanding and clawed back from account nets', () => {
    const figures = payerFigures('city', {
      appropriation: -1000n,
      budget: 400n,
      committed: 100n,
      approved: 50n,
      payable: 30n,
      paid: 380n,
      clawback_receivable: 25n,
      recovered: 15n,
    });
    expect(figures).toEqual({
      payer: 'city',
      budgetFen: 1000,
      availableFen: 400,
      committedFen: 600,
      approvedFen: 500,
      paidFen: 420,
      outstandingFen: 80,
      clawedBackFen: 40,
      recoveredFen: 15,
      clawbackOutstandingFen: 25,
    });
  });
});

describe('yuan text for the treasury sheet', () => {
  it('writes integer fen as fixed-point yuan without touching floating point', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(5_001)).toBe('50.01');
    expect(fenToYuan('900719925474099312')).toBe('9007199254740993.12');
    expect(fenToYuan(-150n)).toBe('-1.50');
  });
});
