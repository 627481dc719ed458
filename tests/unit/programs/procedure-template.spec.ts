import { configDir } from '@subsidy/config';
import { CompiledPolicy, loadPolicyRepository, NO_PROCEDURE, Procedure } from '@subsidy/policy';
import { procedureProblems, ProcedureSubject, procedureTemplate, programProcedure, ReviewSettings } from '@subsidy/workflow';

const repository = loadPolicyRepository(configDir('policies'));
const real = (tenant: string, id: string): CompiledPolicy => {
  const policy = repository.versions(tenant).find((p) => p.id === id);
  if (!policy) throw new Error(`no policy ${id}`);
  return policy;
};
const foshan = real('foshan', 'foshan-2018');
const huangpu = real('guangzhou-huangpu', 'guangzhou-huangpu-2020');
const linyi = real('linyi', 'linyi-2019');
const zaozhuang = real('zaozhuang', 'zaozhuang-2018');
const liaocheng = real('liaocheng', 'liaocheng-2021');
const beijing = real('beijing', 'beijing-2020');
const weihai = real('weihai', 'weihai-2020');
const tianjin = real('tianjin', 'tianjin-2021');

/** A policy with only the given procedure settings, valid 2020-01-01..2022-12-31 (or as given). */
function withProcedure(procedure: Partial<Procedure>, validity: { effectiveFrom?: string; effectiveTo?: string | null } = {}): CompiledPolicy {
  return { ...huangpu, id: 'test-2020', effectiveFrom: '2020-01-01', effectiveTo: '2022-12-31', ...validity, procedure: { ...NO_PROCEDURE, ...procedure } };
}

const at = (article: string, source: string) => ({ article, source });

/** A subject that complies with every synthetic procedure below unless a case changes it. */
function subject(review: Partial<ReviewSettings> = {}, window: Partial<ProcedureSubject['window']> = {}): ProcedureSubject {
  return {
    year: 2021,
    window: { kind: 'batch', opensAt: new Date('2021-03-01T09:00:00+08:00'), closesAt: new Date('2021-03-31T17:00:00+08:00'), ...window },
    review: {
      stages: { formal_check: true, district_review: true, technical_review: true, expert_review: false },
      formalCheckWorkingDays: 5,
      correctionWorkingDays: 10,
      panel: null,
      publicity: { days: 7, unit: 'working' },
      cityReviewedKinds: [],
      ...review,
    },
  };
}

describe('procedureTemplate: each procedure field becomes a setting with its citation', () => {
  const cases: Array<[string, Partial<Procedure>, (template: ReturnType<typeof procedureTemplate>) => unknown, unknown, string | null]> = [
    ['calls batch only', { calls: { ...at('第九条', '002:1'), kinds: ['batch'], itemIds: null } }, (t) => [t.window.kind, t.window.allowedKinds], ['batch', ['batch']], 'window.kind'],
    ['calls rolling only', { calls: { ...at('第九条', '002:1'), kinds: ['rolling'], itemIds: null } }, (t) => [t.window.kind, t.window.allowedKinds], ['rolling', ['rolling']], 'window.kind'],
    ['calls unset: both kinds, batch suggested', {}, (t) => [t.window.kind, t.window.allowedKinds], ['batch', ['batch', 'rolling']], null],
    ['stages require an expert review (panel default)', { stages: { ...at('第十二条', '002:2'), required: ['expert_review'], order: null, itemIds: null } }, (t) => [t.review.stages.expert_review, t.review.panel?.size, t.review.panel?.quorum], [true, 3, 2], 'review.stages.expert_review'],
    ['stages require a district and technical review', { stages: { ...at('第十条', '002:3'), required: ['district_review', 'technical_review'], order: null, itemIds: null } }, (t) => t.review.stages, { formal_check: true, district_review: true, technical_review: true, expert_review: false }, 'review.stages.district_review'],
    [
      'stages with an order: the default order, the text\'s stages in its order',
      { stages: { ...at('第二十一条', '002:8'), required: ['district_review', 'formal_check', 'expert_review'], order: ['district_review', 'formal_check', 'expert_review'], itemIds: null } },
      (t) => t.review.stageOrder,
      ['district_review', 'formal_check', 'technical_review', 'expert_review'],
      'review.stageOrder',
    ],
    [
      'stages with an order of two late stages: the others keep their place',
      { stages: { ...at('第十条', '002:9'), required: ['technical_review', 'district_review'], order: ['technical_review', 'district_review'], itemIds: null } },
      (t) => t.review.stageOrder,
      ['formal_check', 'technical_review', 'district_review', 'expert_review'],
      'review.stageOrder',
    ],
    ['stages without an order: no stageOrder (the default order)', { stages: { ...at('第十条', '002:3'), required: ['district_review'], order: null, itemIds: null } }, (t) => t.review.stageOrder, undefined, 'review.stages.district_review'],
    [
      'stages scoped to some items: still on, the requirement names the items',
      { stages: { ...at('第十三条', '002:10'), required: ['expert_review'], order: null, itemIds: ['std.a', 'std.b'] } },
      (t) => [t.review.stages.expert_review, t.citations.find((c) => c.path === 'review.stages.expert_review')?.requirement],
      [true, 'requires an expert review (专家评审) for items std.a, std.b only (an application with none of them skips it)'],
      'review.stages.expert_review',
    ],
    ['stages unset: formal check only, no panel', {}, (t) => [t.review.stages, t.review.panel], [{ formal_check: true, district_review: false, technical_review: false, expert_review: false }, null], null],
    ['formalCheck 5 working days', { formalCheck: { ...at('第十二条', '002:4'), workingDays: 5 } }, (t) => t.review.formalCheckWorkingDays, 5, 'review.formalCheckWorkingDays'],
    ['formalCheck unset: no deadline', {}, (t) => t.review.formalCheckWorkingDays, null, null],
    ['correction 15 working days', { correction: { ...at('第十一条', '002:5'), workingDays: 15 } }, (t) => t.review.correctionWorkingDays, 15, 'review.correctionWorkingDays'],
    ['correction unset: 10 working days', {}, (t) => t.review.correctionWorkingDays, 10, null],
    ['publicity 7 working days', { publicity: { ...at('第十二条', '002:6'), days: 7, unit: 'working' } }, (t) => t.review.publicity, { days: 7, unit: 'working' }, 'review.publicity'],
    ['publicity 5 calendar days', { publicity: { ...at('第十三条', '002:7'), days: 5, unit: 'calendar' } }, (t) => t.review.publicity, { days: 5, unit: 'calendar' }, 'review.publicity'],
    ['publicity unset: 7 calendar days', {}, (t) => t.review.publicity, { days: 7, unit: 'calendar' }, null],
  ];

  it.each(cases)('%s', (_name, procedure, read, expected, citedPath) => {
    const template = procedureTemplate(withProcedure(procedure));
    expect(read(template)).toEqual(expected);
    const field = Object.values(procedure)[0] as { article: string; source: string } | undefined;
    if (citedPath) {
      expect(template.citations).toContainEqual(expect.objectContaining({ path: citedPath, article: field!.article, source: field!.source }));
      expect(template.defaults.map((d) => d.path)).not.toContain(citedPath);
    } else {
      expect(template.citations).toEqual([]);
    }
  });

  it('lists each setting the text leaves open as a product default', () => {
    const template = procedureTemplate(withProcedure({}));
    expect(template.defaults.map((d) => d.path).sort()).toEqual(
      ['review.correctionWorkingDays', 'review.formalCheckWorkingDays', 'review.publicity', 'review.stageOrder', 'review.stages.formal_check', 'window.kind'].sort(),
    );
  });

  it('gives the policy and its validity as the window bounds (open-ended: no latest close)', () => {
    expect(procedureTemplate(foshan).policy).toEqual({ id: 'foshan-2018', title: foshan.title, effectiveFrom: '2018-12-01', effectiveTo: '2023-11-30' });
    expect(procedureTemplate(foshan).window).toMatchObject({ earliestOpen: '2018-12-01', latestClose: '2023-11-30' });
    expect(procedureTemplate(withProcedure({}, { effectiveTo: null })).window.latestClose).toBeNull();
  });

  it('Foshan: one batch call, expert review, 7 working days of publicity, all citing 第九条 / 第十二条', () => {
    const template = procedureTemplate(foshan);
    expect(template.window.allowedKinds).toEqual(['batch']);
    expect(template.review.stages.expert_review).toBe(true);
    expect(template.review.publicity).toEqual({ days: 7, unit: 'working' });
    expect(template.citations).toEqual([
      expect.objectContaining({ path: 'window.kind', article: '第九条', source: '002:4352' }),
      expect.objectContaining({ path: 'review.stages.expert_review', article: '第十二条', source: '002:4388' }),
      expect.objectContaining({ path: 'review.publicity', article: '第十二条', source: '002:4388' }),
    ]);
  });

  it('Huangpu: batch or rolling, formal check within 5 working days (第十二条)', () => {
    const template = procedureTemplate(huangpu);
    expect(template.window.allowedKinds).toEqual(['batch', 'rolling']);
    expect(template.review.stages.formal_check).toBe(true);
    expect(template.review.formalCheckWorkingDays).toBe(5);
    expect(template.citations.map((c) => [c.path, c.article])).toEqual([
      ['window.kind', '第十二条'],
      ['review.stages.formal_check', '第十二条'],
      ['review.formalCheckWorkingDays', '第十二条'],
    ]);
  });

  it("every tenant's template, in a window inside the text's validity, complies with its own text", () => {
    const all = repository.tenants().flatMap((tenant) => repository.versions(tenant));
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const policy of all) {
      const template = procedureTemplate(policy);
      const { months } = template.window;
      // Where the text receives applications in part of the year only, the window is that part of a year in force.
      const year = months ? yearWithin(template.window.earliestOpen, template.window.latestClose, months) : Number(template.window.earliestOpen.slice(0, 4));
      const opensAt = new Date(`${months ? `${year}-${months.from}` : template.window.earliestOpen}T00:00:00+08:00`);
      const closesAt = new Date(`${months ? `${year}-${months.to}` : (template.window.latestClose ?? '2099-12-31')}T23:59:59+08:00`);
      expect({ policy: policy.id, problems: procedureProblems(policy, { year, window: { kind: template.window.kind, opensAt, closesAt }, review: template.review }) }).toEqual({ policy: policy.id, problems: [] });
    }
  });
});

/** The first year whose whole `months` window lies within earliestOpen..latestClose. */
function yearWithin(earliestOpen: string, latestClose: string | null, months: { from: string; to: string }): number {
  for (let year = Number(earliestOpen.slice(0, 4)); year < Number(earliestOpen.slice(0, 4)) + 10; year += 1) {
    if (earliestOpen <= `${year}-${months.from}` && (latestClose === null || `${year}-${months.to}` <= latestClose)) return year;
  }
  throw new Error(`no whole ${months.from}..${months.to} window within ${earliestOpen}..${latestClose}`);
}

describe('the application window of the text (rule application_window) bounds the window in the program year', () => {
  const at = (opens: string, closes: string) => ({ opensAt: new Date(`${opens}T09:00:00+08:00`), closesAt: new Date(`${closes}T17:00:00+08:00`) });
  /** A program complying with the policy's template in everything but the window. */
  const program = (policy: CompiledPolicy, year: number, window: { opensAt: Date; closesAt: Date }): ProcedureSubject => {
    const template = procedureTemplate(policy);
    return { year, window: { kind: template.window.kind, ...window }, review: template.review };
  };
  const cases: Array<[string, CompiledPolicy, number, { opensAt: Date; closesAt: Date }, string[], RegExp | null]> = [
    ['Linyi, the first quarter (第十一条第（二）项 每年第一季度集中受理)', linyi, 2024, at('2024-01-02', '2024-03-31'), [], null],
    ['Linyi, its very first and last days (CST)', linyi, 2023, { opensAt: new Date('2022-12-31T16:00:00Z'), closesAt: new Date('2023-03-31T23:59:59.999+08:00') }, [], null],
    ['Linyi, a June window', linyi, 2024, at('2024-06-01', '2024-06-30'), ['window.opensAt', 'window.closesAt'], /第十一条第（二）项 \(002:4002\) receives applications from 2024-01-01 to 2024-03-31 only/],
    ['Linyi, a Q1 window of another year than the program year', linyi, 2024, at('2023-01-03', '2023-03-31'), ['window.opensAt', 'window.closesAt'], /2024-01-01 to 2024-03-31/],
    ['Linyi, a window running past 31 March', linyi, 2022, at('2022-03-01', '2022-04-01'), ['window.closesAt'], /closes on 2022-04-01 .*第十一条第（二）项/],
    ['Zaozhuang, the fourth quarter (第六条)', zaozhuang, 2020, at('2020-10-08', '2020-12-31'), [], null],
    ['Zaozhuang, a March window', zaozhuang, 2020, at('2020-03-02', '2020-03-31'), ['window.opensAt', 'window.closesAt'], /第六条 \(002:4489\) receives applications from 2020-10-01 to 2020-12-31/],
    ['Liaocheng, a window closing 30 September (第六条第（二）项 截止时间为每年度的9月30日)', liaocheng, 2022, at('2022-07-01', '2022-09-30'), [], null],
    ['Liaocheng, a window closing 15 October', liaocheng, 2022, at('2022-07-01', '2022-10-15'), ['window.closesAt'], /closes on 2022-10-15 .*第六条第（二）项 \(002:3909\) receives applications from 2022-01-01 to 2022-09-30/],
    ['Beijing (no application window in its text), a June window', beijing, 2021, at('2021-06-01', '2021-06-30'), [], null],
  ];

  it.each(cases)('%s', (_name, policy, year, window, paths, message) => {
    const problems = procedureProblems(policy, program(policy, year, window));
    expect(problems.map((p) => p.path)).toEqual(paths);
    for (const problem of problems) expect(problem.message).toMatch(message!);
  });

  it.each([
    ['Linyi', linyi, { from: '01-01', to: '03-31' }, '第十一条第（二）项', '002:4002'],
    ['Zaozhuang', zaozhuang, { from: '10-01', to: '12-31' }, '第六条', '002:4489'],
    ['Liaocheng', liaocheng, { from: '01-01', to: '09-30' }, '第六条第（二）项', '002:3909'],
  ])('%s: the template gives the months and cites the article at path window', (_name, policy, months, article, source) => {
    const template = procedureTemplate(policy);
    expect(template.window.months).toEqual(months);
    expect(template.citations).toContainEqual({ path: 'window', article, source, requirement: expect.stringContaining(`from ${months.from} to ${months.to}`) });
    expect(programProcedure(policy).citations.map((c) => c.path)).toContain('window');
  });

  it('Beijing, Foshan, Huangpu: no months in the template and no window citation', () => {
    for (const policy of [beijing, foshan, huangpu]) {
      const template = procedureTemplate(policy);
      expect(template.window).not.toHaveProperty('months');
      expect(template.citations.map((c) => c.path)).not.toContain('window');
    }
  });
});

describe('programProcedure: the articles binding a program, for its view', () => {
  it('adds the rules other steps enforce (rolling items, expert exclusion, allocation approval) to the settings', () => {
    const view = programProcedure(foshan);
    expect(view.effectiveFrom).toBe('2018-12-01');
    expect(view.effectiveTo).toBe('2023-11-30');
    expect(view.citations.map((c) => [c.path, c.article])).toEqual([
      ['window.kind', '第九条'],
      ['review.stages.expert_review', '第十二条'],
      ['review.publicity', '第十二条'],
      ['procedure.expertExclusion', '第十二条'],
      ['procedure.allocationApproval', '第十三条'],
    ]);
    expect(programProcedure(huangpu).citations.find((c) => c.path === 'procedure.rollingItems')?.requirement).toMatch(/intl_quality_comparison_demo/);
  });
});

describe('procedureProblems: each contradiction by path, naming the article', () => {
  const procedure: Partial<Procedure> = {
    calls: { ...at('第九条', '002:1'), kinds: ['batch'], itemIds: null },
    stages: { ...at('第十条', '002:2'), required: ['formal_check', 'technical_review'], order: null, itemIds: null },
    formalCheck: { ...at('第十一条', '002:3'), workingDays: 5 },
    correction: { ...at('第十二条', '002:4'), workingDays: 10 },
    publicity: { ...at('第十三条', '002:5'), days: 7, unit: 'working' },
  };
  const policy = withProcedure(procedure);

  it('finds nothing in a compliant program, including a window on the first and last days of validity (CST)', () => {
    expect(procedureProblems(policy, subject())).toEqual([]);
    // 2020-01-01 00:00 CST is still 2019-12-31 in UTC; 2022-12-31 23:59 CST is the last minute in force.
    const edges = subject({}, { opensAt: new Date('2019-12-31T16:00:00Z'), closesAt: new Date('2022-12-31T23:59:59.999+08:00') });
    expect(procedureProblems(policy, edges)).toEqual([]);
    // More time to correct than the text gives, and a shorter formal check, are allowed.
    expect(procedureProblems(policy, subject({ correctionWorkingDays: 20, formalCheckWorkingDays: 3 }))).toEqual([]);
  });

  const cases: Array<[string, ProcedureSubject, string, RegExp]> = [
    ['window opening before validity', subject({}, { opensAt: new Date('2019-12-31T23:59:00+08:00') }), 'window.opensAt', /2019-12-31 .*test-2020 is in force from 2020-01-01 to 2022-12-31/],
    ['window closing after validity', subject({}, { closesAt: new Date('2023-01-01T00:00:00+08:00') }), 'window.closesAt', /2023-01-01 .*test-2020 is in force from 2020-01-01 to 2022-12-31/],
    ['a rolling call the text does not provide', subject({}, { kind: 'rolling' }), 'window.kind', /第九条 \(002:1\)/],
    ['a required formal check off', subject({ stages: { formal_check: false, district_review: true, technical_review: true, expert_review: false } }), 'review.stages.formal_check', /must be on: 第十条 \(002:2\)/],
    ['a required technical review off', subject({ stages: { formal_check: true, district_review: true, technical_review: false, expert_review: false } }), 'review.stages.technical_review', /第十条/],
    ['no formal-check deadline where the text fixes one', subject({ formalCheckWorkingDays: null }), 'review.formalCheckWorkingDays', /not set.*第十一条 \(002:3\)/],
    ['a longer formal check than the text', subject({ formalCheckWorkingDays: 10 }), 'review.formalCheckWorkingDays', /at most 5 working days \(it is 10\).*第十一条/],
    ['less time to correct than the text gives', subject({ correctionWorkingDays: 5 }), 'review.correctionWorkingDays', /at least 10 .*第十二条 \(002:4\)/],
    ['publicity of other days', subject({ publicity: { days: 5, unit: 'working' } }), 'review.publicity', /must be 7 working days .*第十三条 \(002:5\)/],
    ['publicity in calendar days where the text counts working days', subject({ publicity: { days: 7, unit: 'calendar' } }), 'review.publicity', /it is 7 calendar days.*第十三条/],
  ];

  it.each(cases)('%s', (_name, program, path, message) => {
    const problems = procedureProblems(policy, program);
    expect(problems).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('reports every contradiction at once', () => {
    const program = subject(
      { stages: { formal_check: false, district_review: false, technical_review: false, expert_review: false }, formalCheckWorkingDays: null, correctionWorkingDays: 1, publicity: { days: 5, unit: 'calendar' } },
      { kind: 'rolling', opensAt: new Date('2024-03-01T09:00:00+08:00'), closesAt: new Date('2024-03-31T17:00:00+08:00') },
    );
    expect(procedureProblems(policy, program).map((p) => p.path)).toEqual([
      'window.opensAt',
      'window.closesAt',
      'window.kind',
      'review.stages.formal_check',
      'review.stages.technical_review',
      'review.formalCheckWorkingDays',
      'review.correctionWorkingDays',
      'review.publicity',
    ]);
  });

  it('an open-ended text bounds the window only from below; a text without procedure only by validity', () => {
    const open = withProcedure({}, { effectiveTo: null });
    expect(procedureProblems(open, subject({}, { closesAt: new Date('2099-12-31T17:00:00+08:00') }))).toEqual([]);
    expect(procedureProblems(open, subject({}, { opensAt: new Date('2019-06-01T09:00:00+08:00') })).map((p) => p.path)).toEqual(['window.opensAt']);
    expect(procedureProblems(open, subject({}, { opensAt: new Date('2019-06-01T09:00:00+08:00') }))[0].message).toMatch(/from 2020-01-01 with no end date/);
  });

  it('Foshan: a 2024 window and 5 calendar days of publicity cite the validity and 第十二条', () => {
    const program = subject(
      { stages: { formal_check: true, district_review: false, technical_review: false, expert_review: true }, publicity: { days: 5, unit: 'calendar' } },
      { opensAt: new Date('2024-03-01T09:00:00+08:00'), closesAt: new Date('2024-03-31T17:00:00+08:00') },
    );
    const problems = procedureProblems(foshan, program);
    expect(problems.map((p) => p.path)).toEqual(['window.opensAt', 'window.closesAt', 'review.publicity']);
    expect(problems[0].message).toMatch(/2024-03-01.*foshan-2018 is in force from 2018-12-01 to 2023-11-30/);
    expect(problems[2].message).toMatch(/第十二条 \(002:4388\)/);
  });
});

describe('the stage order a text fixes, and settings scoped to items', () => {
  /** Weihai's template (stages on: district review, formal check, expert review) with the given stage order. */
  const weihaiProgram = (stageOrder: ReviewSettings['stageOrder']): ProcedureSubject => {
    const template = procedureTemplate(weihai);
    const review: ReviewSettings = { ...template.review };
    if (stageOrder === undefined) delete review.stageOrder;
    else review.stageOrder = stageOrder;
    return { year: 2023, window: { kind: 'batch', opensAt: new Date('2023-03-01T09:00:00+08:00'), closesAt: new Date('2023-03-31T17:00:00+08:00') }, review };
  };

  it('Weihai: the template runs the district review, then the formal check, then the expert review (第二十一条、第二十二条)', () => {
    const template = procedureTemplate(weihai);
    expect(template.review.stageOrder).toEqual(['district_review', 'formal_check', 'technical_review', 'expert_review']);
    expect(template.review.stages).toEqual({ formal_check: true, district_review: true, technical_review: false, expert_review: true });
    expect(template.citations).toContainEqual({
      path: 'review.stageOrder',
      article: '第二十一条、第二十二条',
      source: '002:4606-4612',
      requirement: 'the stages run in this order: district_review, then formal_check, then expert_review',
    });
    expect(template.defaults.map((d) => d.path)).not.toContain('review.stageOrder');
    expect(programProcedure(weihai).citations.map((c) => c.path)).toContain('review.stageOrder');
  });

  const cases: Array<[string, ReviewSettings['stageOrder'], string[]]> = [
    ['the template order', ['district_review', 'formal_check', 'technical_review', 'expert_review'], []],
    ['a technical review placed first (the text does not order it)', ['technical_review', 'district_review', 'formal_check', 'expert_review'], []],
    ['a technical review placed last', ['district_review', 'formal_check', 'expert_review', 'technical_review'], []],
    ['no stageOrder (the default order: formal check first)', undefined, ['review.stageOrder']],
    ['the formal check before the district review', ['formal_check', 'district_review', 'technical_review', 'expert_review'], ['review.stageOrder']],
    ['the expert review before the formal check', ['district_review', 'expert_review', 'formal_check', 'technical_review'], ['review.stageOrder']],
  ];

  it.each(cases)('Weihai with %s', (_name, stageOrder, paths) => {
    const problems = procedureProblems(weihai, weihaiProgram(stageOrder));
    expect(problems.map((p) => p.path)).toEqual(paths);
    for (const problem of problems) {
      expect(problem.message).toMatch(/^must run district_review, then formal_check, then expert_review \(it runs .*\): 第二十一条、第二十二条 \(002:4606-4612\) fixes the order of the stages$/);
    }
  });

  it('Weihai without stageOrder: the message says the default order is what runs', () => {
    const [problem] = procedureProblems(weihai, weihaiProgram(undefined));
    expect(problem.message).toContain('(it runs formal_check, then district_review, then expert_review, the default order)');
  });

  it('Tianjin and Linyi state an order that is the default one: a program without stageOrder complies', () => {
    for (const policy of [tianjin, linyi]) {
      const template = procedureTemplate(policy);
      const { stageOrder, ...withoutOrder } = template.review;
      expect(stageOrder).toEqual(['formal_check', 'district_review', 'technical_review', 'expert_review']);
      // 2022 Q1 lies within both texts' validity and Linyi's 第一季度 window.
      const year = 2022;
      const window = { kind: 'batch' as const, opensAt: new Date(`${year}-01-04T09:00:00+08:00`), closesAt: new Date(`${year}-03-31T17:00:00+08:00`) };
      expect(procedureProblems(policy, { year, window, review: withoutOrder })).toEqual([]);
    }
  });

  it('a text without an order accepts any stage order', () => {
    const reversed: ReviewSettings['stageOrder'] = ['expert_review', 'technical_review', 'district_review', 'formal_check'];
    expect(procedureProblems(withProcedure({ stages: { ...at('第十条', '002:2'), required: ['formal_check', 'technical_review'], order: null, itemIds: null } }), subject({ stageOrder: reversed }))).toEqual([]);
  });

  it('Beijing: the expert review is on in the template, cited for the ten 标准制修订 items only, and may not be turned off', () => {
    const template = procedureTemplate(beijing);
    expect(template.review.stages.expert_review).toBe(true);
    expect(template.review.panel).not.toBeNull();
    const cited = template.citations.find((c) => c.path === 'review.stages.expert_review');
    expect(cited).toMatchObject({ article: '第十三条', source: '002:3070' });
    expect(cited?.requirement).toMatch(/^requires an expert review \(专家评审\) for items std\.intl\.formulate, .*std\.group\.revise only/);
    const off = { ...template.review, stages: { ...template.review.stages, expert_review: false }, panel: null };
    const window = { kind: 'batch' as const, opensAt: new Date('2021-06-01T09:00:00+08:00'), closesAt: new Date('2021-06-30T17:00:00+08:00') };
    expect(procedureProblems(beijing, { year: 2021, window, review: off }).map((p) => p.path)).toEqual(['review.stages.expert_review']);
  });

  it('Liaocheng: the program view cites the items a call under 第六条 does not take (the patent items, 另行办理)', () => {
    const cited = programProcedure(liaocheng).citations.find((c) => c.path === 'procedure.calls.scope');
    expect(cited).toMatchObject({ article: '第六条', source: '002:3909-3917' });
    expect(cited?.requirement).toMatch(/^a call under this text does not take items patent\.create\.first_domestic, .*ip\.report\.tier3 \(another procedure\)/);
    expect(cited?.requirement).not.toMatch(/qa\.china/);
    expect(programProcedure(foshan).citations.map((c) => c.path)).not.toContain('procedure.calls.scope');
  });
});
