import { ResultItem } from '@subsidy/policy';
import { ceilingsOfParts, policyItemsOfParts, storedEstimateParts } from '@subsidy/workflow';

const item = (achievementId: string, amountFen: number, basis: 'fixed' | 'ceiling' | null, article: string | null, outcome: 'awarded' | 'rejected' = 'awarded'): ResultItem => ({
  achievementId,
  itemId: null,
  outcome,
  amountFen,
  basis,
  article,
  reasons: [],
  trace: [],
});

const HASH = 'f'.repeat(64);
/** An estimate as SubmitApplication stores it in `applications.estimate` (an AwardEstimate). */
const stored = (items: ResultItem[]) => ({ applicationDate: '2023-03-20', programYear: 2023, policy: { id: 'foshan-2018', hash: HASH }, totalFen: 0, items });

describe('ceilingsOfParts', () => {
  it('sums the paid parts of one achievement and keeps fixed only when all parts are fixed', () => {
    const ceilings = ceilingsOfParts(
      [item('a1', 8_000_000, 'fixed', '第七条'), item('a1', 1_000_000, 'fixed', '第八条'), item('a2', 500_000, 'fixed', '第七条'), item('a2', 100, 'ceiling', '第九条')],
      ['a1', 'a2'],
    );
    expect(ceilings.get('a1')).toEqual({ achievementId: 'a1', ceilingFen: 9_000_000, basis: 'fixed', article: '第七条、第八条' });
    expect(ceilings.get('a2')).toMatchObject({ ceilingFen: 500_100, basis: 'ceiling' });
  });

  it('reads the stored estimate: fixed parts stay fixed, a ceiling part makes the sum a ceiling, one article once', () => {
    const parts = storedEstimateParts(
      stored([
        item('a1', 30_000_000, 'fixed', '第八条'),
        item('a1', 5_000_000, 'fixed', '第九条'),
        item('a2', 20_000_000, 'ceiling', '第七条'),
        item('a2', 1_000_000, 'fixed', '第七条'),
      ]),
      HASH,
    );
    const ceilings = ceilingsOfParts(parts ?? [], ['a1', 'a2']);
    expect(ceilings.get('a1')).toEqual({ achievementId: 'a1', ceilingFen: 35_000_000, basis: 'fixed', article: '第八条、第九条' });
    expect(ceilings.get('a2')).toEqual({ achievementId: 'a2', ceilingFen: 21_000_000, basis: 'ceiling', article: '第七条' });
  });

  it('gives an achievement the policy does not pay a ceiling of 0 with no article, never called fixed', () => {
    const ceilings = ceilingsOfParts([item('a1', 0, null, null, 'rejected'), item('a3', 0, 'fixed', null, 'rejected')], ['a1', 'a3', 'a9']);
    expect(ceilings.get('a1')).toEqual({ achievementId: 'a1', ceilingFen: 0, basis: 'ceiling', article: null });
    expect(ceilings.get('a3')).toEqual({ achievementId: 'a3', ceilingFen: 0, basis: 'ceiling', article: null });
    expect(ceilings.get('a9')).toEqual({ achievementId: 'a9', ceilingFen: 0, basis: 'ceiling', article: null });
  });

  it('keeps the order of the application and ignores parts of achievements it does not claim', () => {
    const ceilings = ceilingsOfParts([item('zz', 100, 'ceiling', '第七条'), item('b', 200, 'ceiling', '第七条'), item('a', 300, 'ceiling', '第七条')], ['b', 'a']);
    expect([...ceilings.keys()]).toEqual(['b', 'a']);
    expect([...ceilings.values()].map((c) => c.ceilingFen)).toEqual([200, 300]);
  });
});

describe('policyItemsOfParts', () => {
  const part = (achievementId: string, itemId: string | null, amountFen: number, outcome: 'awarded' | 'rejected' = 'awarded') => ({
    ...item(achievementId, amountFen, 'ceiling', '第七条', outcome),
    itemId,
  });

  it('names the items of the paid parts, each once, in the order the engine priced them', () => {
    const items = policyItemsOfParts([part('a1', 'std.national.lead', 300), part('a1', 'addon.first', 100), part('a1', 'std.national.lead', 50)], ['a1']);
    expect(items.get('a1')).toEqual(['std.national.lead', 'addon.first']);
  });

  it('falls back to the items of unpaid parts, and to nothing when no part names an item', () => {
    const items = policyItemsOfParts([part('a1', 'std.cap', 0, 'rejected'), part('a2', null, 0, 'rejected'), part('a3', 'std.paid', 200), part('a3', 'std.capped', 0, 'rejected')], ['a1', 'a2', 'a3', 'a9']);
    expect(Object.fromEntries(items)).toEqual({ a1: ['std.cap'], a2: [], a3: ['std.paid'], a9: [] });
  });
});
