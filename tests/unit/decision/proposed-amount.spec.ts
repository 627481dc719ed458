import { proposedAmount } from '../../../libs/workflow/src/decision/proposed-amount';

describe('proposedAmount', () => {
  it('is the ceiling when nobody gave an opinion', () => {
    expect(proposedAmount(500_000, [], 'mean')).toBe(500_000);
  });

  it("takes the technical reviewer's amount when there are no expert opinions", () => {
    expect(proposedAmount(500_000, [{ stage: 'technical_review', opinion: 'reduce', amountFen: 300_000 }], 'mean')).toBe(300_000);
    expect(proposedAmount(500_000, [{ stage: 'technical_review', opinion: 'reject', amountFen: null }], 'mean')).toBe(0);
  });

  it('prefers the combined expert amounts over the technical opinion, with the configured method', () => {
    const opinions = [
      { stage: 'technical_review' as const, opinion: 'support' as const, amountFen: 500_000 },
      { stage: 'expert_review' as const, opinion: 'reduce' as const, amountFen: 100_000 },
      { stage: 'expert_review' as const, opinion: 'reduce' as const, amountFen: 200_000 },
      { stage: 'expert_review' as const, opinion: 'support' as const, amountFen: null },
    ];
    expect(proposedAmount(500_000, opinions, 'median')).toBe(200_000);
    expect(proposedAmount(500_000, opinions, 'min')).toBe(100_000);
    expect(proposedAmount(500_000, opinions, 'mean')).toBe(266_666);
  });

  it('never proposes more than the ceiling', () => {
    expect(proposedAmount(1000, [{ stage: 'expert_review', opinion: 'support', amountFen: 5000 }], 'mean')).toBe(1000);
  });
});
