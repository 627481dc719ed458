import { checkDepartureReasons, DecisionInputError, rejectionReasonOf } from '@subsidy/workflow';

const pathsOf = (work: () => void): string[] => {
  try {
    work();
  } catch (error) {
    if (error instanceof DecisionInputError) return error.details.map((d) => d.path);
    throw error;
  }
  return [];
};

describe('checkDepartureReasons', () => {
  it('accepts amounts equal to the proposal without reasons', () => {
    expect(pathsOf(() => checkDepartureReasons([{ amountFen: 100 }, { amountFen: 0 }], [100, 0]))).toEqual([]);
  });

  it('names every item whose amount departs from the proposal without a (non-blank) reason', () => {
    const items = [{ amountFen: 90 }, { amountFen: 200, reason: '  ' }, { amountFen: 50, reason: '核减' }, { amountFen: 10 }];
    expect(pathsOf(() => checkDepartureReasons(items, [100, 100, 100, 10]))).toEqual(['items[0].reason', 'items[1].reason']);
  });

  it('leaves a full rejection to the rejection reason', () => {
    expect(pathsOf(() => checkDepartureReasons([{ amountFen: 0 }, { amountFen: 0 }], [100, 100]))).toEqual([]);
    expect(pathsOf(() => rejectionReasonOf([{ reason: null }, { reason: ' ' }]))).toEqual(['items[0].reason']);
    expect(rejectionReasonOf([{ reason: '材料不实' }, { reason: '材料不实' }, { reason: null }])).toBe('材料不实');
  });
});
