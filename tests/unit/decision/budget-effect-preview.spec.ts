import { DecisionList, DecisionListEntry, previewBudgetEffect } from '../../../libs/workflow/src/decision/queries/decision-list';

function program(status: string, budgetTotalFen: number, budgetRule: 'pro_rata' | 'rank_order'): DecisionList['program'] {
  return { id: 'p', title: 'T', year: 2022, status, budgetTotalFen, budgetRule };
}

function entry(applicationId: string, decidedTotalFen: number, status: DecisionListEntry['status'] = 'decided', rank: number | null = null): DecisionListEntry {
  return { applicationId, status, rank, organization: { id: applicationId, name: applicationId, uscc: 'x' }, district: { code: '1', name: null }, decidedTotalFen, items: [] };
}

describe('previewBudgetEffect (the decision screen before the budget rule is applied)', () => {
  it('scales pro rata what exceeds the budget, ranked by decided total, and leaves rejected applications out', () => {
    const effect = previewBudgetEffect(program('closed', 56_000_000, 'pro_rata'), [entry('b', 10_000_000), entry('a', 60_000_000), entry('r', 0, 'rejected')]);
    expect(effect).toEqual({
      rule: 'pro_rata',
      budgetFen: 56_000_000,
      requestedFen: 70_000_000,
      allocatedFen: 56_000_000,
      scaled: true,
      applications: [
        { applicationId: 'a', rank: 1, requestedFen: 60_000_000, allocatedFen: 48_000_000 },
        { applicationId: 'b', rank: 2, requestedFen: 10_000_000, allocatedFen: 8_000_000 },
      ],
    });
  });

  it('funds in rank order (the office priority first) until the budget runs out', () => {
    const effect = previewBudgetEffect(program('closed', 15_000_000, 'rank_order'), [entry('big', 10_000_000, 'decided', 2), entry('first', 10_000_000, 'decided', 1)]);
    expect(effect?.applications).toEqual([
      { applicationId: 'first', rank: 1, requestedFen: 10_000_000, allocatedFen: 10_000_000 },
      { applicationId: 'big', rank: 2, requestedFen: 10_000_000, allocatedFen: 5_000_000 },
    ]);
    expect(effect?.scaled).toBe(true);
  });

  it('changes nothing when the awards fit, and is null once the rule has been applied', () => {
    expect(previewBudgetEffect(program('closed', 100_000_000, 'pro_rata'), [entry('a', 60_000_000)])?.scaled).toBe(false);
    expect(previewBudgetEffect(program('decided', 1, 'pro_rata'), [entry('a', 60_000_000)])).toBeNull();
  });
});
