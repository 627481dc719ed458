import { combinePanel } from '@subsidy/workflow';

const upTo = { achievementId: 'a1', ceilingFen: 50_000_000, basis: 'ceiling' as const, article: null };
const fixed = { achievementId: 'a2', ceilingFen: 10_000_000, basis: 'fixed' as const, article: null };

describe('combinePanel', () => {
  const sheets = [
    { scoreTotal: 8000, amounts: { a1: 40_000_000, a2: 10_000_000 } },
    { scoreTotal: 7001, amounts: { a1: 30_000_001, a2: 0 } },
    { scoreTotal: 9000, amounts: { a1: 50_000_000, a2: 10_000_000 } },
  ];

  it('combines each item and the score with the program method, flooring to the fen', () => {
    const result = combinePanel(sheets, [upTo, fixed], 'mean');
    expect(result.score).toBe(8000);
    expect(result.items[0]).toEqual({ achievementId: 'a1', amountFen: 40_000_000, ceilingFen: 50_000_000, opinion: 'reduce', proposals: [40_000_000, 30_000_001, 50_000_000] });
  });

  it('grants a fixed item whole when the combined value is nearer the fixed amount, otherwise nothing', () => {
    expect(combinePanel(sheets, [fixed], 'mean').items[0]).toMatchObject({ amountFen: 10_000_000, opinion: 'support' });
    expect(combinePanel(sheets, [fixed], 'min').items[0]).toMatchObject({ amountFen: 0, opinion: 'reject' });
    const split = [sheets[0], sheets[1]];
    expect(combinePanel(split, [fixed], 'mean').items[0]).toMatchObject({ amountFen: 10_000_000 });
  });

  it('uses the median and min rules of the library', () => {
    expect(combinePanel(sheets, [upTo], 'median').items[0].amountFen).toBe(40_000_000);
    expect(combinePanel(sheets, [upTo], 'min').items[0]).toMatchObject({ amountFen: 30_000_001, opinion: 'reduce' });
    expect(combinePanel(sheets, [upTo], 'median').score).toBe(8000);
  });
});
