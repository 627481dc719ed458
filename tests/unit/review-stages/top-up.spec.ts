import { drawPanel } from '@subsidy/review';
import { topUpAsFarAsPossible } from '@subsidy/workflow';

const none = { organizationIds: [], usccs: [], conflictDeclared: [] };
const pool = ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id }));

describe('topUpAsFarAsPossible', () => {
  const first = drawPanel({ pool, size: 3, seed: 'seed', exclude: none });
  const [leaver] = first.panel;

  it('draws the replacement the library would draw when the pool suffices', () => {
    const outcome = topUpAsFarAsPossible(first, 1, { pool, declinedIds: [leaver.id], exclude: { conflictDeclared: [leaver.id] } });
    const outsider = pool.find((e) => !first.drawnIds.includes(e.id));
    expect(outcome).toMatchObject({ added: [outsider?.id], shortfall: 0 });
    expect(outcome.draw.round).toBe(1);
    expect(outcome.draw.panel.map((e) => e.id)).not.toContain(leaver.id);
    expect(outcome.draw.panel).toHaveLength(3);
  });

  it('draws everyone left and reports the shortfall when the pool is short', () => {
    const outcome = topUpAsFarAsPossible(first, 2, { pool, declinedIds: first.panel.slice(0, 2).map((e) => e.id) });
    expect(outcome.added).toHaveLength(1);
    expect(outcome.shortfall).toBe(1);
    expect(outcome.draw.panel).toHaveLength(2);
  });

  it('with nobody left, still takes the leavers off the panel and keeps the round', () => {
    const second = topUpAsFarAsPossible(first, 1, { pool, declinedIds: [leaver.id] }).draw;
    const leaving = second.panel[0].id;
    const outcome = topUpAsFarAsPossible(second, 1, { pool, declinedIds: [leaving], exclude: { conflictDeclared: [leaving] } });
    expect(outcome).toMatchObject({ added: [], shortfall: 1 });
    expect(outcome.draw.round).toBe(second.round);
    expect(outcome.draw.panel.map((e) => e.id)).not.toContain(leaving);
    expect(outcome.draw.declinedIds).toContain(leaving);
    expect(outcome.draw.exclusion.conflictDeclared).toEqual([leaving]);
  });

  it('releases members without drawing when nothing is needed', () => {
    const outcome = topUpAsFarAsPossible(first, 0, { pool: [], declinedIds: [leaver.id] });
    expect(outcome).toMatchObject({ added: [], shortfall: 0 });
    expect(outcome.draw.panel).toHaveLength(2);
  });
});
