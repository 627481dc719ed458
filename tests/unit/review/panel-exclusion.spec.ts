import { configDir } from '@subsidy/config';
import { loadPolicyRepository, NO_PROCEDURE } from '@subsidy/policy';
import { drawPanel, mergeGrounds, screenExperts, topUpPanel, type Expert } from '@subsidy/review';
import { buildPanelExclusion, topUpAsFarAsPossible, yearExclusionRule, type ExclusionSources, type YearApplication, type YearExclusionRule } from '@subsidy/workflow';

const APPLICANT = { organizationId: 'org-self', uscc: ' 91440604ma4uself0x ' };
const SELF = '91440604MA4USELF0X';
const PARTNER = '12440600MB2PARTNR1';
const B = '91440605MA4BBBBB2Y';
const B_PARTNER = '52440606MJ4BPART3Z';
const C = '91440607MA4CCCCC4W';
const RULE: YearExclusionRule = { scope: 'year_applicants', article: '第十二条', source: '002:4388', year: 2023 };

const standard = (id: string, coDraftingUsccs?: unknown) => ({ achievementId: id, payload: { id, type: 'standard', ...(coDraftingUsccs !== undefined ? { coDraftingUsccs } : {}) } });
const other = (applicationId: string, organizationId: string, usccs: string[], achievements = [standard('a1')]): YearApplication => ({ applicationId, organizationId, usccs, achievements });

interface Case {
  name: string;
  sources: Partial<ExclusionSources>;
  organizationIds: string[];
  usccs: Record<string, string[]>;
  conflictDeclared?: string[];
  rule?: YearExclusionRule | null;
}

const cases: Case[] = [
  {
    name: 'no year rule: only the applicant, its co-drafting units and conflicts (as before)',
    sources: { achievements: [standard('a1', [PARTNER.toLowerCase(), PARTNER]), standard('a2')], conflictExpertIds: ['e9', 'e1', 'e9'] },
    organizationIds: ['org-self'],
    usccs: { [SELF]: ['applicant'], [PARTNER]: ['co_drafting:a1'] },
    conflictDeclared: ['e1', 'e9'],
    rule: null,
  },
  {
    name: 'no year rule ignores other applications even when given none',
    sources: { year: undefined },
    organizationIds: ['org-self'],
    usccs: { [SELF]: ['applicant'] },
    rule: null,
  },
  {
    name: 'year rule with no other application of the year: same units, the rule is recorded',
    sources: { year: { rule: RULE, applications: [] } },
    organizationIds: ['org-self'],
    usccs: { [SELF]: ['applicant'] },
    rule: RULE,
  },
  {
    name: "year rule: another applicant and its partner units are excluded, naming that application",
    sources: { year: { rule: RULE, applications: [other('app-b', 'org-b', [B], [standard('s1', [B_PARTNER]), standard('s2', 'not a list')])] } },
    organizationIds: ['org-self', 'org-b'],
    usccs: { [SELF]: ['applicant'], [B]: ['year_applicant:app-b'], [B_PARTNER]: ['year_partner:app-b'] },
    rule: RULE,
  },
  {
    name: 'year rule: a unit that is both our partner and another applicant carries both reasons',
    sources: {
      achievements: [standard('a1', [B])],
      year: { rule: RULE, applications: [other('app-b', 'org-b', [B])] },
    },
    organizationIds: ['org-self', 'org-b'],
    usccs: { [SELF]: ['applicant'], [B]: ['co_drafting:a1', 'year_applicant:app-b'] },
    rule: RULE,
  },
  {
    name: 'year rule: the same organization applying in another program of the year adds its application as a source',
    sources: { year: { rule: RULE, applications: [other('app-self-2', 'org-self', [SELF])] } },
    organizationIds: ['org-self'],
    usccs: { [SELF]: ['applicant', 'year_applicant:app-self-2'] },
    rule: RULE,
  },
  {
    name: 'year rule: several applications in id order, declared and current USCC both kept, blanks ignored',
    sources: {
      year: {
        rule: RULE,
        applications: [other('app-c', 'org-c', [C, ' ']), other('app-b', 'org-b', [B, B.toLowerCase()], [standard('s1', [C, '', 7])])],
      },
    },
    organizationIds: ['org-self', 'org-b', 'org-c'],
    usccs: { [SELF]: ['applicant'], [B]: ['year_applicant:app-b'], [C]: ['year_partner:app-b', 'year_applicant:app-c'] },
    rule: RULE,
  },
];

describe('buildPanelExclusion', () => {
  it.each(cases)('$name', ({ sources, organizationIds, usccs, conflictDeclared, rule }) => {
    const plan = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [], ...sources });
    expect(plan.exclusion).toEqual({ organizationIds, usccs: Object.keys(usccs).sort(), conflictDeclared: conflictDeclared ?? [] });
    expect(plan.usccSources).toEqual(usccs);
    expect(plan.rule).toEqual(rule);
    expect(plan.grounds.usccs).toEqual(usccs);
    expect(plan.grounds.rules).toEqual(rule ? [{ code: 'year_applicants', article: '第十二条', source: '002:4388', year: 2023 }] : []);
    for (const id of organizationIds) expect(plan.organizationSources[id]?.length).toBeGreaterThan(0);
  });

  it('gives the same plan whatever order the year applications come in', () => {
    const apps = [other('app-c', 'org-c', [C]), other('app-b', 'org-b', [B], [standard('s1', [B_PARTNER])])];
    const forward = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [], year: { rule: RULE, applications: apps } });
    const backward = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [], year: { rule: RULE, applications: [...apps].reverse() } });
    expect(JSON.stringify(backward)).toEqual(JSON.stringify(forward));
  });
});

describe('yearExclusionRule', () => {
  const policies = loadPolicyRepository(configDir('policies'));

  it("reads Foshan 第十二条 from the policy file, with the program's year", () => {
    const foshan = policies.versions('foshan').find((p) => p.id === 'foshan-2018');
    expect(yearExclusionRule(foshan!.procedure, { year: 2023 })).toEqual(RULE);
  });

  it('is null without the setting and for the per-application scope', () => {
    expect(yearExclusionRule(NO_PROCEDURE, { year: 2023 })).toBeNull();
    const perApplication = { ...NO_PROCEDURE, expertExclusion: { scope: 'application' as const, article: '第X条', source: '002:1' } };
    expect(yearExclusionRule(perApplication, { year: 2023 })).toBeNull();
    const tianjin = policies.versions('tianjin').find((p) => p.id === 'tianjin-2021');
    expect(yearExclusionRule(tianjin!.procedure, { year: 2023 })).toBeNull();
  });
});

describe('drawing with a year-wide exclusion', () => {
  const pool: Expert[] = [
    { id: 'e1', usccs: [B.toLowerCase()] },
    { id: 'e2', usccs: ['91440600MA4OTHER01'] },
    { id: 'e3', usccs: ['91440600MA4OTHER02'] },
    { id: 'e4', usccs: [C] },
  ];
  const withoutYear = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [] });
  const withYear = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [], year: { rule: RULE, applications: [other('app-b', 'org-b', [B])] } });

  it('never draws the other applicant’s expert, records why, and replays', () => {
    for (let i = 0; i < 40; i++) {
      const draw = drawPanel({ pool, size: 3, seed: `s-${i}`, exclude: withYear.exclusion, grounds: withYear.grounds });
      expect(draw.panel.map((e) => e.id).sort()).toEqual(['e2', 'e3', 'e4']);
      expect(draw.excluded).toEqual([{ expert: pool[0], reasons: [{ code: 'affiliated_uscc', uscc: B }] }]);
      expect(draw.grounds?.usccs[B]).toEqual(['year_applicant:app-b']);
      expect(draw.grounds?.rules).toEqual([{ code: 'year_applicants', article: '第十二条', source: '002:4388', year: 2023 }]);
      const replay = drawPanel({ pool: [...pool].reverse(), size: 3, seed: `s-${i}`, exclude: draw.exclusion });
      expect(replay.panel).toEqual(draw.panel);
    }
  });

  it('without the rule the other applicant’s expert can be drawn', () => {
    const drawn = new Set<string>();
    for (let i = 0; i < 40; i++) drawPanel({ pool, size: 3, seed: `s-${i}`, exclude: withoutYear.exclusion }).panel.forEach((e) => drawn.add(e.id));
    expect(drawn.has('e1')).toBe(true);
  });

  it('a top-up with a grown exclusion drops a sitting member it now rules out and merges the grounds', () => {
    const first = drawPanel({ pool, size: 2, seed: 'grow', exclude: withoutYear.exclusion, grounds: withoutYear.grounds });
    const later = buildPanelExclusion({ applicant: APPLICANT, achievements: [], conflictExpertIds: [], year: { rule: RULE, applications: [other('app-x', 'org-x', first.panel[0].usccs as string[])] } });
    const next = topUpPanel(first, 1, { pool, exclude: later.exclusion, grounds: later.grounds });
    expect(next.panel.map((e) => e.id)).not.toContain(first.panel[0].id);
    expect(next.panel).toHaveLength(2);
    expect(next.declinedIds).toEqual([]);
    expect(next.grounds?.usccs[(first.panel[0].usccs as string[])[0].toUpperCase()]).toEqual(['year_applicant:app-x']);
    expect(next.grounds?.usccs[SELF]).toEqual(['applicant']);
    expect(next.grounds?.rules).toHaveLength(1);
  });

  it('with nobody left to draw, a member the exclusion now rules out still leaves the panel', () => {
    const first = drawPanel({ pool: pool.slice(0, 2), size: 2, seed: 'empty', exclude: withoutYear.exclusion });
    const outcome = topUpAsFarAsPossible(first, 1, { pool: pool.slice(0, 2), exclude: withYear.exclusion, grounds: withYear.grounds });
    expect(outcome.added).toEqual([]);
    expect(outcome.shortfall).toBe(1);
    expect(outcome.draw.panel.map((e) => e.id)).toEqual(first.panel.map((e) => e.id).filter((id) => id !== 'e1'));
    expect(outcome.draw.exclusion.usccs).toContain(B);
    expect(outcome.draw.grounds?.usccs[B]).toEqual(['year_applicant:app-b']);
  });

  it('screenExperts reports the reasons a draw would give', () => {
    expect(screenExperts(pool, withYear.exclusion).excluded.map((x) => x.expert.id)).toEqual(['e1']);
    expect(screenExperts(pool, withoutYear.exclusion).excluded).toEqual([]);
  });

  it('mergeGrounds keeps each source and rule once', () => {
    const merged = mergeGrounds(withYear.grounds, withYear.grounds);
    expect(merged).toEqual(withYear.grounds);
    expect(mergeGrounds(undefined, undefined)).toEqual({ usccs: {}, organizationIds: {}, rules: [] });
  });
});
