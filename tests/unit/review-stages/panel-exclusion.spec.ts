import { drawPanel } from '@subsidy/review';
import { buildPanelExclusion } from '@subsidy/workflow';

describe('buildPanelExclusion', () => {
  const applicant = { organizationId: 'org-1', uscc: ' 91440604ma4uabcd1x ' };

  it('excludes the applicant and every co-drafting unit, recording why each code is excluded', () => {
    const plan = buildPanelExclusion({
      applicant,
      achievements: [
        { achievementId: 'a1', payload: { coDraftingUsccs: ['91440604MA4UXYZW2K', '91440604MA4UABCD1X'] } },
        { achievementId: 'a2', payload: { coDraftingUsccs: ['91440604MA4UXYZW2K'] } },
        { achievementId: 'a3', payload: {} },
      ],
      conflictExpertIds: ['e2', 'e1', 'e2'],
    });
    expect(plan.exclusion).toEqual({
      organizationIds: ['org-1'],
      usccs: ['91440604MA4UABCD1X', '91440604MA4UXYZW2K'],
      conflictDeclared: ['e1', 'e2'],
    });
    expect(plan.usccSources).toEqual({
      '91440604MA4UABCD1X': ['applicant', 'co_drafting:a1'],
      '91440604MA4UXYZW2K': ['co_drafting:a1', 'co_drafting:a2'],
    });
  });

  it('ignores co-drafting lists that are not lists of codes', () => {
    const plan = buildPanelExclusion({
      applicant,
      achievements: [{ achievementId: 'a1', payload: { coDraftingUsccs: 'not-a-list' } }, { achievementId: 'a2', payload: { coDraftingUsccs: [42, '', null] } }],
      conflictExpertIds: [],
    });
    expect(plan.exclusion.usccs).toEqual(['91440604MA4UABCD1X']);
  });

  it('makes the draw leave out experts affiliated with any excluded unit', () => {
    const plan = buildPanelExclusion({
      applicant,
      achievements: [{ achievementId: 'a1', payload: { coDraftingUsccs: ['91440604MA4UXYZW2K'] } }],
      conflictExpertIds: ['e5'],
    });
    const pool = [
      { id: 'e1', usccs: ['91440604ma4uxyzw2k'] },
      { id: 'e2', usccs: ['91440604MA4UABCD1X'] },
      { id: 'e3', usccs: [] },
      { id: 'e4' },
      { id: 'e5' },
    ];
    const draw = drawPanel({ pool, size: 2, seed: 'app:program', exclude: plan.exclusion });
    expect(draw.excluded.map((x) => [x.expert.id, x.reasons.map((r) => r.code)])).toEqual([
      ['e1', ['affiliated_uscc']],
      ['e2', ['affiliated_uscc']],
      ['e5', ['conflict_declared']],
    ]);
    expect(draw.panel.map((e) => e.id).sort()).toEqual(['e3', 'e4']);
  });
});
