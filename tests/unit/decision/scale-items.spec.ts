import { scaleItems } from '../../../libs/workflow/src/decision/scale-items';

const sum = (items: Array<{ decidedFen: number }>) => items.reduce((s, i) => s + i.decidedFen, 0);

describe('scaleItems (one application allocation over its items)', () => {
  it('splits in proportion to the decided amounts and adds up to the allocation exactly', () => {
    const items = [
      { achievementId: 'a1', decidedFen: 8_000_000 },
      { achievementId: 'a2', decidedFen: 4_000_000 },
      { achievementId: 'a3', decidedFen: 1 },
    ];
    const scaled = scaleItems(6_000_001, items);
    expect(sum(scaled)).toBe(6_000_001);
    expect(scaled.map((i) => i.achievementId)).toEqual(['a1', 'a2', 'a3']);
    scaled.forEach((item, index) => expect(item.decidedFen).toBeLessThanOrEqual(items[index].decidedFen));
    // 6000001 * 8000000 / 12000001 = 3999999.83 -> floor 3999999, largest remainder gets the leftover fen.
    expect(scaled[0].decidedFen).toBe(4_000_000);
    expect(scaled[1].decidedFen).toBe(2_000_000);
    expect(scaled[2].decidedFen).toBe(1);
  });

  it('splits odd fen by largest remainder (ties go to the earlier item)', () => {
    const scaled = scaleItems(100, [
      { achievementId: 'x', decidedFen: 300 },
      { achievementId: 'y', decidedFen: 300 },
      { achievementId: 'z', decidedFen: 300 },
    ]);
    expect(scaled.map((i) => i.decidedFen)).toEqual([34, 33, 33]);
  });

  it('leaves items decided at 0 at 0 and gives everything 0 for a zero allocation', () => {
    expect(scaleItems(500, [{ achievementId: 'a', decidedFen: 0 }, { achievementId: 'b', decidedFen: 1000 }]).map((i) => i.decidedFen)).toEqual([0, 500]);
    expect(scaleItems(0, [{ achievementId: 'a', decidedFen: 7 }]).map((i) => i.decidedFen)).toEqual([0]);
  });

  it('refuses an allocation above what was decided', () => {
    expect(() => scaleItems(11, [{ achievementId: 'a', decidedFen: 10 }])).toThrow(/allocationFen/);
  });
});
