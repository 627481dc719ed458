import { configDir } from '@subsidy/config';
import { CompiledPolicy, loadPolicyRepository } from '@subsidy/policy';
import { achievementsInStageScope, ApplicationStatus, canMove, expertReviewIsScoped, nextReviewStatus, procedureTemplate, ReviewSettings, ReviewStage, stagesOutOfScope } from '@subsidy/workflow';

const repository = loadPolicyRepository(configDir('policies'));
const policy = (tenant: string): CompiledPolicy => repository.versions(tenant)[0];

/** Every stage on, in the given order (absent = the default order). */
function settings(stageOrder?: ReviewStage[], on: Partial<ReviewSettings['stages']> = {}): ReviewSettings {
  return {
    stages: { formal_check: true, district_review: true, technical_review: true, expert_review: true, ...on },
    ...(stageOrder ? { stageOrder } : {}),
    formalCheckWorkingDays: null,
    correctionWorkingDays: 10,
    panel: null,
    publicity: { days: 7, unit: 'calendar' },
    cityReviewedKinds: [],
  };
}

/** The statuses an application passes from submission to the decision, completing each stage in turn. */
function route(review: ReviewSettings, level: 'district' | 'city' = 'district', skipped: ReadonlySet<ReviewStage> = new Set()): string[] {
  const path: string[] = [];
  let at = nextReviewStatus(review, level, null, skipped);
  while (at !== 'awaiting_decision') {
    path.push(at);
    at = nextReviewStatus(review, level, at, skipped);
  }
  return [...path, at];
}

describe('nextReviewStatus: the program order, the stages on, the city level and the skipped stages', () => {
  const weihai = ['district_review', 'formal_check', 'technical_review', 'expert_review'] as ReviewStage[];
  const cases: Array<[string, ReviewSettings, 'district' | 'city', ReviewStage[], string[]]> = [
    ['no stageOrder: the default order', settings(), 'district', [], ['formal_check', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision']],
    ['Weihai order, all on', settings(weihai), 'district', [], ['district_review', 'formal_check', 'technical_review', 'expert_review', 'awaiting_decision']],
    ['Weihai order, as its template (no technical review)', settings(weihai, { technical_review: false }), 'district', [], ['district_review', 'formal_check', 'expert_review', 'awaiting_decision']],
    ['Weihai order, a city-reviewed applicant skips the district', settings(weihai, { technical_review: false }), 'city', [], ['formal_check', 'expert_review', 'awaiting_decision']],
    ['a reversed order', settings(['expert_review', 'technical_review', 'district_review', 'formal_check']), 'district', [], ['expert_review', 'technical_review', 'district_review', 'formal_check', 'awaiting_decision']],
    ['an expert review skipped (out of its scope)', settings(undefined, { district_review: false, technical_review: false }), 'district', ['expert_review'], ['formal_check', 'awaiting_decision']],
    ['every stage skipped or off: straight to the decision', settings(undefined, { formal_check: false, district_review: false, technical_review: false }), 'district', ['expert_review'], ['awaiting_decision']],
    ['a malformed stored order (not all four stages) falls back to the default', { ...settings(), stageOrder: ['expert_review'] }, 'district', [], ['formal_check', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision']],
  ];

  it.each(cases)('%s', (_name, review, level, skipped, expected) => {
    const path = route(review, level, new Set(skipped));
    expect(path).toEqual(expected);
    // The state machine allows each move of the route, whatever the order.
    const statuses = ['draft', ...path] as ApplicationStatus[];
    statuses.slice(1).forEach((to, index) => expect([statuses[index], to, canMove(statuses[index], to)]).toEqual([statuses[index], to, true]));
  });

  it('a correction returned by the formal check goes on from the formal check in the program order (Weihai: to the experts)', () => {
    const review = settings(weihai, { technical_review: false });
    expect(nextReviewStatus(review, 'district', 'formal_check')).toBe('expert_review');
    expect(nextReviewStatus(review, 'district', 'district_review')).toBe('formal_check');
  });

  it("Weihai's template routes district review → formal check → expert review", () => {
    expect(route(procedureTemplate(policy('weihai')).review)).toEqual(['district_review', 'formal_check', 'expert_review', 'awaiting_decision']);
  });
});

describe('item-scoped stages (Beijing 第十三条: expert review of 标准制修订 items only)', () => {
  const { stages } = policy('beijing').procedure;
  /** Achievement id -> the policy items it was priced under. */
  const priced = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

  const cases: Array<[string, Record<string, string[]>, string[], string[]]> = [
    ['only a pilot', { p1: ['pilot.municipal'] }, [], ['expert_review']],
    ['a pilot and a service agency', { p1: ['pilot.national.regional'], s1: ['service_org.evaluation'] }, [], ['expert_review']],
    ['one national standard', { a1: ['std.national.formulate'] }, ['a1'], []],
    ['a pilot and a revised group standard', { p1: ['pilot.municipal'], g1: ['std.group.revise'] }, ['g1'], []],
    ['an achievement the policy covers under no item', { x1: [] }, [], ['expert_review']],
  ];

  it.each(cases)('%s', (_name, items, inScope, skipped) => {
    expect(achievementsInStageScope(stages, priced(items))).toEqual(inScope);
    expect([...stagesOutOfScope(stages, priced(items))]).toEqual(skipped);
  });

  it('a text without a stage scope skips nothing and keeps every achievement in scope (Weihai, Foshan)', () => {
    for (const tenant of ['weihai', 'foshan']) {
      const procedureStages = policy(tenant).procedure.stages;
      expect(expertReviewIsScoped(procedureStages)).toBe(false);
      expect([...stagesOutOfScope(procedureStages, priced({ p1: ['pilot.x'] }))]).toEqual([]);
      expect(achievementsInStageScope(procedureStages, priced({ p1: ['pilot.x'], a1: [] }))).toEqual(['p1', 'a1']);
    }
    expect(expertReviewIsScoped(stages)).toBe(true);
    expect(expertReviewIsScoped(null)).toBe(false);
  });
});
