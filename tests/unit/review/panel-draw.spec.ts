import fc from 'fast-check';
import { PanelPoolExhaustedError, ReviewError, drawPanel, topUpPanel, type Expert, type PanelExclusion } from '@subsidy/review';

const APPLICANT_ORG = 'org-applicant';
const CO_DRAFTER_USCC = '91371000MA3C4XYZ1K';

function pool(): Expert[] {
  return [
    { id: 'e01', name: 'Works for the applicant', organizationIds: [APPLICANT_ORG] },
    { id: 'e02', name: 'Works for a co-drafter', usccs: [CO_DRAFTER_USCC.toLowerCase()] },
    { id: 'e03', name: 'Declared a conflict', organizationIds: ['org-university'] },
    { id: 'e04', name: 'Applicant and conflict', organizationIds: ['org-university', APPLICANT_ORG] },
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `e${String(i + 5).padStart(2, '0')}`,
      organizationIds: [`org-${i}`],
      usccs: [`9137100000000000${String(i).padStart(2, '0')}`],
    })),
  ];
}

const exclusion: PanelExclusion = { organizationIds: [APPLICANT_ORG], usccs: [CO_DRAFTER_USCC], conflictDeclared: ['e03', 'e04'] };
const excludedIds = ['e01', 'e02', 'e03', 'e04'];

function ids(experts: readonly Expert[]): string[] {
  return experts.map((e) => e.id);
}

function thrown(action: () => unknown): ReviewError {
  try {
    action();
  } catch (error) {
    if (error instanceof ReviewError) return error;
    throw error;
  }
  throw new Error('expected a ReviewError');
}

describe('drawPanel', () => {
  it('draws the requested number of distinct eligible experts and records the seed', () => {
    const draw = drawPanel({ pool: pool(), size: 5, seed: 'weihai/2026/app-17', exclude: exclusion });
    expect(draw.panel).toHaveLength(5);
    expect(new Set(ids(draw.panel)).size).toBe(5);
    expect(ids(draw.panel).filter((id) => excludedIds.includes(id))).toEqual([]);
    expect(draw.seed).toBe('weihai/2026/app-17');
    expect(draw.round).toBe(0);
    expect(draw.drawnIds).toEqual(ids(draw.panel));
  });

  it('reports every excluded expert with all reasons', () => {
    const draw = drawPanel({ pool: pool(), size: 3, seed: 's', exclude: exclusion });
    expect(draw.excluded.map((x) => ({ id: x.expert.id, reasons: x.reasons }))).toEqual([
      { id: 'e01', reasons: [{ code: 'affiliated_organization', organizationId: APPLICANT_ORG }] },
      { id: 'e02', reasons: [{ code: 'affiliated_uscc', uscc: CO_DRAFTER_USCC }] },
      { id: 'e03', reasons: [{ code: 'conflict_declared' }] },
      { id: 'e04', reasons: [{ code: 'affiliated_organization', organizationId: APPLICANT_ORG }, { code: 'conflict_declared' }] },
    ]);
  });

  it('never seats an excluded expert, whatever the seed', () => {
    for (let i = 0; i < 300; i += 1) {
      const draw = drawPanel({ pool: pool(), size: 10, seed: `seed-${i}`, exclude: exclusion });
      expect(ids(draw.panel).some((id) => excludedIds.includes(id))).toBe(false);
    }
  });

  it('is reproducible from the seed and independent of the pool order', () => {
    const first = drawPanel({ pool: pool(), size: 5, seed: 'replay', exclude: exclusion });
    const again = drawPanel({ pool: pool(), size: 5, seed: 'replay', exclude: exclusion });
    const reversed = drawPanel({ pool: pool().reverse(), size: 5, seed: 'replay', exclude: exclusion });
    expect(ids(again.panel)).toEqual(ids(first.panel));
    expect(ids(reversed.panel)).toEqual(ids(first.panel));
  });

  it('pins the draw for a known seed, so recorded draws keep replaying after refactors', () => {
    // Regression pin of algorithm v1 (xoshiro128** checked against reference outputs in seeded-random.spec).
    const draw = drawPanel({ pool: pool(), size: 4, seed: 'golden-seed', exclude: exclusion });
    expect(draw.algorithm).toBe('xoshiro128**/sha256/fisher-yates/v1');
    expect(ids(draw.panel)).toEqual(GOLDEN_PANEL);
  });

  it('gives different seeds different panels, each eligible expert about equally often', () => {
    const seatings = new Map<string, number>();
    const panels = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const draw = drawPanel({ pool: pool(), size: 1, seed: `fair-${i}`, exclude: exclusion });
      panels.add(ids(draw.panel).join());
      seatings.set(draw.panel[0].id, (seatings.get(draw.panel[0].id) ?? 0) + 1);
    }
    expect(panels.size).toBe(10);
    for (const count of seatings.values()) {
      expect(count).toBeGreaterThan(140);
      expect(count).toBeLessThan(260);
    }
  });

  it('fails with the numbers when the pool cannot fill the panel', () => {
    const error = thrown(() => drawPanel({ pool: pool().slice(0, 7), size: 4, seed: 's', exclude: exclusion }));
    expect(error).toBeInstanceOf(PanelPoolExhaustedError);
    expect(error.code).toBe('panel_pool_exhausted');
    expect((error as PanelPoolExhaustedError).counts).toEqual({ poolSize: 7, excluded: 4, alreadyDrawn: 0, needed: 4, available: 3 });
    expect(error.message).toContain('7');
    expect(error.message).toContain('3 available');
  });

  it.each([
    [{ size: 0 }, 'size'],
    [{ size: 2.5 }, 'size'],
    [{ seed: '' }, 'seed'],
    [{ seed: '   ' }, 'seed'],
    [{ pool: [{ id: 'a' }, { id: 'b' }, { id: 'a' }] }, 'pool[2].id'],
    [{ pool: [{ id: '' }] }, 'pool[0].id'],
  ])('rejects %p naming %s', (override, path) => {
    const error = thrown(() => drawPanel({ pool: pool(), size: 3, seed: 's', exclude: exclusion, ...override }));
    expect(error.code).toBe('invalid_review_input');
    expect(error.details[0].path).toBe(path);
  });
});

describe('topUpPanel', () => {
  const first = (): ReturnType<typeof drawPanel> => drawPanel({ pool: pool(), size: 5, seed: 'top-up', exclude: exclusion });

  it('replaces experts who declined, never re-drawing anyone drawn or excluded', () => {
    const draw = first();
    const declined = ids(draw.panel).slice(0, 2);
    const next = topUpPanel(draw, 2, { pool: pool(), declinedIds: declined });
    expect(next.round).toBe(1);
    expect(next.seed).toBe(draw.seed);
    expect(next.panel).toHaveLength(5);
    expect(ids(next.panel).slice(0, 3)).toEqual(ids(draw.panel).slice(2));
    const replacements = ids(next.panel).slice(3);
    expect(replacements.some((id) => draw.drawnIds.includes(id) || excludedIds.includes(id))).toBe(false);
    expect(next.drawnIds).toEqual([...draw.drawnIds, ...replacements]);
    expect(next.declinedIds).toEqual(declined);
  });

  it('replays deterministically, independent of pool order', () => {
    const draw = first();
    const declined = [draw.panel[4].id];
    const a = topUpPanel(draw, 1, { pool: pool(), declinedIds: declined });
    const b = topUpPanel(draw, 1, { pool: pool().reverse(), declinedIds: declined });
    expect(ids(b.panel)).toEqual(ids(a.panel));
  });

  it('keeps going round after round until the pool runs dry, then says so with the numbers', () => {
    let draw = first();
    const everyone = new Set(draw.drawnIds);
    for (let round = 1; round <= 5; round += 1) {
      draw = topUpPanel(draw, 1, { pool: pool(), declinedIds: [draw.panel[0].id] });
      expect(draw.round).toBe(round);
      expect(everyone.has(draw.panel[4].id)).toBe(false);
      everyone.add(draw.panel[4].id);
    }
    expect(everyone.size).toBe(10);
    const error = thrown(() => topUpPanel(draw, 1, { pool: pool(), declinedIds: [draw.panel[0].id] }));
    expect((error as PanelPoolExhaustedError).counts).toEqual({ poolSize: 14, excluded: 4, alreadyDrawn: 10, needed: 1, available: 0 });
  });

  it('removes a member who declares a conflict on being drawn, and never draws them again', () => {
    const draw = first();
    const conflicted = draw.panel[1].id;
    const next = topUpPanel(draw, 1, { pool: pool(), exclude: { conflictDeclared: [conflicted] } });
    expect(ids(next.panel)).not.toContain(conflicted);
    expect(next.panel).toHaveLength(5);
    expect(next.excluded.map((x) => x.expert.id)).toContain(conflicted);
    expect(next.exclusion.conflictDeclared).toEqual(expect.arrayContaining(['e03', 'e04', conflicted]));
  });

  it('applies the recorded exclusions to experts added to the pool since', () => {
    const draw = first();
    const grown = [...pool(), { id: 'e90', organizationIds: [APPLICANT_ORG] }, { id: 'e91', usccs: [CO_DRAFTER_USCC] }];
    for (let i = 0; i < 50; i += 1) {
      const next = topUpPanel({ ...draw, seed: `grown-${i}` }, 5, { pool: grown, declinedIds: ids(draw.panel) });
      expect(ids(next.panel)).not.toContain('e90');
      expect(ids(next.panel)).not.toContain('e91');
    }
  });

  it('rejects declining someone not on the panel', () => {
    const error = thrown(() => topUpPanel(first(), 1, { pool: pool(), declinedIds: ['e01'] }));
    expect(error.details[0].path).toBe('declinedIds[0]');
  });

  it('rejects a needed count below 1', () => {
    expect(thrown(() => topUpPanel(first(), 0, { pool: pool() })).details[0].path).toBe('needed');
  });
});

describe('drawPanel and topUpPanel: properties', () => {
  const organizations = ['o1', 'o2', 'o3', 'o4', 'o5'];
  const scenario = fc.record({
    pool: fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), organizationIds: fc.subarray(organizations) }),
      { selector: (e) => e.id, minLength: 1, maxLength: 25 },
    ),
    excludedOrgs: fc.subarray(organizations, { maxLength: 2 }),
    // A blank seed is refused by design (see the invalid-input table above), so the property draws printable ones.
    seed: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    size: fc.integer({ min: 1, max: 6 }),
    declineCount: fc.integer({ min: 0, max: 3 }),
  });

  it('seats only eligible, distinct experts; top-ups never repeat anyone; or says the pool is exhausted', () => {
    fc.assert(
      fc.property(scenario, ({ pool: experts, excludedOrgs, seed, size, declineCount }) => {
        const exclude = { organizationIds: excludedOrgs, usccs: [], conflictDeclared: [] };
        const eligible = experts.filter((e) => !e.organizationIds.some((o) => excludedOrgs.includes(o)));
        if (eligible.length < size) {
          expect(() => drawPanel({ pool: experts, size, seed, exclude })).toThrow(PanelPoolExhaustedError);
          return;
        }
        const draw = drawPanel({ pool: experts, size, seed, exclude });
        const eligibleIds = new Set(ids(eligible));
        expect(draw.panel).toHaveLength(size);
        expect(new Set(ids(draw.panel)).size).toBe(size);
        expect(ids(draw.panel).every((id) => eligibleIds.has(id))).toBe(true);
        expect(draw.excluded).toHaveLength(experts.length - eligible.length);
        const declined = ids(draw.panel).slice(0, Math.min(declineCount, size));
        if (declined.length === 0) return;
        if (eligible.length - size < declined.length) {
          expect(() => topUpPanel(draw, declined.length, { pool: experts, declinedIds: declined })).toThrow(PanelPoolExhaustedError);
          return;
        }
        const next = topUpPanel(draw, declined.length, { pool: [...experts].reverse(), declinedIds: declined });
        expect(next.panel).toHaveLength(size);
        expect(new Set(next.drawnIds).size).toBe(size + declined.length);
        expect(ids(next.panel).some((id) => declined.includes(id))).toBe(false);
        expect(ids(next.panel).every((id) => eligibleIds.has(id))).toBe(true);
        expect(ids(topUpPanel(draw, declined.length, { pool: experts, declinedIds: declined }).panel)).toEqual(ids(next.panel));
      }),
    );
  });
});

/** Computed independently (Python: hashlib.sha256 -> xoshiro128** -> Fisher-Yates over e05..e14 sorted by id). */
const GOLDEN_PANEL = ['e12', 'e11', 'e07', 'e14'];
