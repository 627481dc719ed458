import { validateRequest } from '@subsidy/policy';
import { contractAchievement } from '@subsidy/workflow';

const standard = {
  id: 'a1',
  type: 'standard',
  level: 'national',
  action: 'formulate',
  role: 'lead',
  draftingRank: 1,
  standardNo: 'GB/T 40001-2022',
  publishedOn: '2022-06-01',
};

describe('contractAchievement', () => {
  it('is needed: the engine schema keeps fields it does not name, so a review-only field would reach the policies', () => {
    const checked = validateRequest({ applicationDate: '2023-03-20', applicants: [{ uscc: '91440604MA00000000', kind: 'enterprise', achievements: [{ ...standard, coDraftingUsccs: ['x'] }] }] });
    expect(checked.ok).toBe(true);
  });

  it('removes the review-only co-drafting units and keeps every other field, policy-read extras included', () => {
    const payload = { ...standard, salesFen: 1_000_000, coDraftingUsccs: ['91440604MA00000001'] };
    expect(contractAchievement(payload)).toEqual({ ...standard, salesFen: 1_000_000 });
    expect(payload.coDraftingUsccs).toEqual(['91440604MA00000001']);
  });

  it('leaves an achievement without review-only fields as it is', () => {
    expect(contractAchievement(standard)).toEqual(standard);
  });
});
