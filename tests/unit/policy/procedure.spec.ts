import { readFileSync } from 'fs';
import { configDir } from '@subsidy/config';
import { compilePolicyText, loadPolicyRepository, NO_PROCEDURE, PolicyFileError, type Procedure } from '@subsidy/policy';
import { HEADER, STANDARD_ITEMS } from './support/policy-fixture';

/** A policy text with the given `procedure:` block (YAML lines indented by two spaces) before the standard items. */
function withProcedure(block: string): string {
  return `${HEADER}procedure:\n${block}${STANDARD_ITEMS}`;
}

function compile(text: string): Procedure {
  return compilePolicyText('p.yaml', text).procedure;
}

/** The `file:line: reason` the loader reports for a policy text. */
function problem(text: string): string {
  try {
    compilePolicyText('p.yaml', text);
  } catch (error) {
    if (error instanceof PolicyFileError) return error.message;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  if (line === 0) throw new Error(`"${needle}" is not in the text`);
  return line;
}

describe('procedure block: each setting compiles with its citation', () => {
  const cases: { field: keyof Procedure; yaml: string; expected: unknown }[] = [
    {
      field: 'calls',
      yaml: '  calls: { kinds: [batch, rolling], article: 第五条, source: "002:5" }\n',
      expected: { kinds: ['batch', 'rolling'], itemIds: null, article: '第五条', source: '002:5' },
    },
    {
      field: 'calls',
      yaml: '  calls: { kinds: [batch], scope: { except: ["leader.*"] }, article: 第五条, source: "002:5" }\n',
      expected: { kinds: ['batch'], itemIds: ['std.national.lead', 'std.national.participate', 'std.industry.lead'], article: '第五条', source: '002:5' },
    },
    {
      field: 'stages',
      yaml: '  stages: { required: [district_review, expert_review], article: 第六条、第七条, source: "002:6-7" }\n',
      expected: { required: ['district_review', 'expert_review'], order: null, itemIds: null, article: '第六条、第七条', source: '002:6-7' },
    },
    {
      field: 'stages',
      yaml: '  stages: { required: [district_review, formal_check, expert_review], order: [district_review, formal_check], article: 第六条, source: "002:6" }\n',
      expected: { required: ['district_review', 'formal_check', 'expert_review'], order: ['district_review', 'formal_check'], itemIds: null, article: '第六条', source: '002:6' },
    },
    {
      field: 'stages',
      yaml: '  stages: { required: [expert_review], scope: { items: ["std.national.*"] }, article: 第六条, source: "002:6" }\n',
      expected: { required: ['expert_review'], order: null, itemIds: ['std.national.lead', 'std.national.participate'], article: '第六条', source: '002:6' },
    },
    {
      field: 'stages',
      yaml: '  stages: { required: [technical_review], scope: { types: [leader], except: [leader.provincial] }, article: 第六条, source: "002:6" }\n',
      expected: { required: ['technical_review'], order: null, itemIds: ['leader.national'], article: '第六条', source: '002:6' },
    },
    {
      field: 'formalCheck',
      yaml: '  formalCheck: { workingDays: 5, article: 第八条, source: "002:8" }\n',
      expected: { workingDays: 5, article: '第八条', source: '002:8' },
    },
    {
      field: 'correction',
      yaml: '  correction: { workingDays: 10, article: 第八条, source: "002:8" }\n',
      expected: { workingDays: 10, article: '第八条', source: '002:8' },
    },
    {
      field: 'publicity',
      yaml: '  publicity: { days: 15, unit: calendar, article: 第九条, source: "002:9" }\n',
      expected: { days: 15, unit: 'calendar', article: '第九条', source: '002:9' },
    },
    {
      field: 'publicity',
      yaml: '  publicity: { days: 7, unit: working, article: 第九条, source: "002:9" }\n',
      expected: { days: 7, unit: 'working', article: '第九条', source: '002:9' },
    },
    {
      field: 'expertExclusion',
      yaml: '  expertExclusion: { scope: year_applicants, article: 第十条, source: "002:10" }\n',
      expected: { scope: 'year_applicants', article: '第十条', source: '002:10' },
    },
    {
      field: 'expertExclusion',
      yaml: '  expertExclusion: { scope: application, article: 第十条, source: "002:10" }\n',
      expected: { scope: 'application', article: '第十条', source: '002:10' },
    },
    {
      field: 'allocationApproval',
      yaml: '  allocationApproval: { by: 测试市人民政府, article: 第十一条, source: "002:11" }\n',
      expected: { by: '测试市人民政府', article: '第十一条', source: '002:11' },
    },
  ];

  it.each(cases)('$field: $yaml', ({ field, yaml, expected }) => {
    const procedure = compile(withProcedure(yaml));
    expect(procedure[field]).toEqual(expected);
    // The other settings stay null: one setting never implies another.
    for (const other of Object.keys(NO_PROCEDURE) as (keyof Procedure)[]) {
      if (other !== field) expect(procedure[other]).toBeNull();
    }
  });

  it('a file without a procedure block, or with an empty one, has every setting null', () => {
    expect(compile(`${HEADER}${STANDARD_ITEMS}`)).toEqual(NO_PROCEDURE);
    expect(compile(`${HEADER}procedure: {}\n${STANDARD_ITEMS}`)).toEqual(NO_PROCEDURE);
    expect(Object.values(NO_PROCEDURE).every((v) => v === null)).toBe(true);
  });
});

describe('procedure block: rollingItems', () => {
  it('resolves ids and globs to the matching item ids in file order', () => {
    const procedure = compile(
      withProcedure(
        '  calls: { kinds: [batch, rolling], article: 第五条, source: "002:5" }\n' +
          '  rollingItems: { items: [leader.*, std.industry.lead], article: 第五条, source: "002:5" }\n',
      ),
    );
    expect(procedure.rollingItems).toEqual({
      itemIds: ['std.industry.lead', 'leader.national', 'leader.provincial'],
      article: '第五条',
      source: '002:5',
    });
  });

  it('fails on a glob that matches no item, at the glob line', () => {
    const text = withProcedure(
      '  calls: { kinds: [batch, rolling], article: 第五条, source: "002:5" }\n' +
        '  rollingItems:\n    items:\n      - leader.*\n      - std.nationl.*\n    article: 第五条\n    source: "002:5"\n',
    );
    expect(problem(text)).toBe(`p.yaml:${lineOf(text, 'std.nationl')}: procedure.rollingItems.items[1]: "std.nationl.*" matches no item`);
  });

  it('fails when procedure.calls allows no rolling call, at the rollingItems line', () => {
    const text = withProcedure(
      '  calls: { kinds: [batch], article: 第五条, source: "002:5" }\n' +
        '  rollingItems:\n    items: [leader.*]\n    article: 第五条\n    source: "002:5"\n',
    );
    // The line of the block's first key, where a reader sees the rollingItems block start.
    expect(problem(text)).toBe(`p.yaml:${lineOf(text, 'items: [leader.*]')}: procedure.rollingItems: the text allows no rolling call (procedure.calls.kinds)`);
  });
});

describe('procedure block: order and item scopes are checked against the file', () => {
  const cases: { what: string; yaml: string; needle: string; message: string }[] = [
    {
      what: 'an ordered stage the text does not require',
      yaml: '  stages:\n    required: [district_review, expert_review]\n    order:\n      - district_review\n      - formal_check\n    article: 第六条\n    source: "002:6"\n',
      needle: '- formal_check',
      message: 'procedure.stages.order[1]: "formal_check" is not one of procedure.stages.required',
    },
    {
      what: 'a stage scope naming an item that does not exist',
      yaml: '  stages:\n    required: [expert_review]\n    scope:\n      items:\n        - std.national.*\n        - std.nationl.lead\n    article: 第六条\n    source: "002:6"\n',
      needle: 'std.nationl.lead',
      message: 'procedure.stages.scope.items[1]: "std.nationl.lead" matches no item',
    },
    {
      what: 'a call scope excepting an item that does not exist',
      yaml: '  calls:\n    kinds: [batch]\n    scope:\n      except:\n        - patent.*\n    article: 第五条\n    source: "002:5"\n',
      needle: '- patent.*',
      message: 'procedure.calls.scope.except[0]: "patent.*" matches no item',
    },
    {
      what: 'a stage scope that covers no item at all',
      yaml: '  stages:\n    required: [expert_review]\n    scope:\n      categories: [pilot]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'categories: [pilot]',
      message: 'procedure.stages.scope: covers no item of this file',
    },
    {
      what: 'a rolling item the call scope leaves out',
      yaml:
        '  calls: { kinds: [batch, rolling], scope: { except: [leader.national] }, article: 第五条, source: "002:5" }\n' +
        '  rollingItems:\n    items: [leader.*]\n    article: 第五条\n    source: "002:5"\n',
      needle: 'items: [leader.*]',
      message: 'procedure.rollingItems: leader.national is outside procedure.calls.scope, so no call of this text takes it',
    },
  ];

  it.each(cases)('rejects $what, at its line', ({ yaml, needle, message }) => {
    const text = withProcedure(yaml);
    expect(problem(text)).toBe(`p.yaml:${lineOf(text, needle)}: ${message}`);
  });
});

describe('procedure block: schema validation names the line', () => {
  const cases: { what: string; yaml: string; needle: string; message: RegExp }[] = [
    {
      what: 'a publicity unit other than calendar or working',
      yaml: '  publicity:\n    days: 2\n    unit: weeks\n    article: 第九条\n    source: "002:9"\n',
      needle: 'unit: weeks',
      message: /procedure\.publicity\.unit: /,
    },
    {
      what: 'zero working days for the formal check',
      yaml: '  formalCheck:\n    workingDays: 0\n    article: 第八条\n    source: "002:8"\n',
      needle: 'workingDays: 0',
      message: /procedure\.formalCheck\.workingDays: /,
    },
    {
      what: 'zero working days for a correction',
      yaml: '  correction:\n    workingDays: 0\n    article: 第八条\n    source: "002:8"\n',
      needle: 'workingDays: 0',
      message: /procedure\.correction\.workingDays: /,
    },
    {
      what: 'a setting without its article',
      yaml: '  stages:\n    required: [expert_review]\n    source: "002:6"\n',
      needle: 'required: [expert_review]',
      message: /procedure\.stages: missing required key "article"/,
    },
    {
      what: 'an unknown stage',
      yaml: '  stages:\n    required: [mayor_review]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'mayor_review',
      message: /procedure\.stages\.required\[0\]: /,
    },
    {
      what: 'an unknown call kind',
      yaml: '  calls:\n    kinds: [monthly]\n    article: 第五条\n    source: "002:5"\n',
      needle: 'monthly',
      message: /procedure\.calls\.kinds\[0\]: /,
    },
    {
      what: 'a malformed source',
      yaml: '  allocationApproval:\n    by: 测试市人民政府\n    article: 第十一条\n    source: "line 11"\n',
      needle: 'source: "line 11"',
      message: /procedure\.allocationApproval\.source: /,
    },
    {
      what: 'an order naming a stage twice',
      yaml: '  stages:\n    required: [district_review, formal_check]\n    order: [district_review, district_review]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'order: [district_review, district_review]',
      message: /procedure\.stages\.order: must NOT have duplicate items/,
    },
    {
      what: 'an order of a single stage',
      yaml: '  stages:\n    required: [district_review, formal_check]\n    order: [district_review]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'order: [district_review]',
      message: /procedure\.stages\.order: must NOT have fewer than 2 items/,
    },
    {
      what: 'an unknown stage in the order',
      yaml: '  stages:\n    required: [district_review, formal_check]\n    order: [district_review, mayor_review]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'mayor_review',
      message: /procedure\.stages\.order\[1\]: must be one of/,
    },
    {
      what: 'an unknown key in a scope',
      yaml: '  stages:\n    required: [expert_review]\n    scope:\n      item: [std.national.lead]\n    article: 第六条\n    source: "002:6"\n',
      needle: 'item: [std.national.lead]',
      message: /procedure\.stages\.scope\.item: unknown key "item"/,
    },
    {
      what: 'a scope on a setting the workflow cannot apply per item',
      yaml: '  publicity:\n    days: 7\n    unit: working\n    scope: { items: [std.national.lead] }\n    article: 第九条\n    source: "002:9"\n',
      needle: 'scope: { items',
      message: /procedure\.publicity\.scope: unknown key "scope"/,
    },
    {
      what: 'an unknown setting',
      yaml: '  deadline:\n    workingDays: 5\n',
      needle: 'deadline:',
      message: /procedure\.deadline: unknown key "deadline"/,
    },
  ];

  it.each(cases)('rejects $what', ({ yaml, needle, message }) => {
    const text = withProcedure(yaml);
    const reported = problem(text);
    expect(reported.slice(0, reported.indexOf(": ") + 2)).toBe(`p.yaml:${lineOf(text, needle)}: `);
    expect(reported).toMatch(message);
  });
});

/**
 * The procedure each tenant's policy file encodes, read from its text (the file comments quote the articles). A later
 * edit that drops, widens or re-cites a setting fails here.
 */
describe('procedure block of each shipped policy', () => {
  const repository = loadPolicyRepository(configDir('policies'));
  const none = NO_PROCEDURE;
  /** Liaocheng 第四条第（十三）项 专利资助与奖励 (002:3885-3893): the items 第六条第（六）项 leaves to another procedure. */
  const LIAOCHENG_PATENT_ITEMS = [
    'patent.create.first_domestic', 'patent.create.foreign',
    'ip.demo_enterprise', 'ip.advantage_enterprise', 'ip.pilot_county', 'ip.pilot_park', 'ip.mgmt_cert',
    'patent_award.china.gold', 'patent_award.china.silver', 'patent_award.china.excellence',
    'design_award.china.gold', 'design_award.china.silver', 'design_award.china.excellence',
    'patent_award.shandong.special', 'patent_award.shandong.first', 'patent_award.shandong.second', 'patent_award.shandong.third',
    'ip.pledge.interest', 'ip.pledge.fee', 'ip.insurance',
    'ip.navigation.leading_industry', 'ip.navigation.regional_industry', 'ip.navigation.enterprise',
    'ip.school.national', 'ip.school.provincial', 'ip.report.tier1', 'ip.report.tier2', 'ip.report.tier3',
  ];
  const liaochengItemsBut = (left: string[]): string[] => {
    const ids = repository.versions('liaocheng')[0].items.map((item) => item.id);
    for (const id of left) if (!ids.includes(id)) throw new Error(`${id} is not an item of liaocheng-2021`);
    return ids.filter((id) => !left.includes(id));
  };
  const expected: Record<string, Procedure> = {
    foshan: {
      ...none,
      calls: { kinds: ['batch'], itemIds: null, article: '第九条', source: '002:4352' },
      stages: { required: ['expert_review'], order: null, itemIds: null, article: '第十二条', source: '002:4388' },
      publicity: { days: 7, unit: 'working', article: '第十二条', source: '002:4388' },
      expertExclusion: { scope: 'year_applicants', article: '第十二条', source: '002:4388' },
      allocationApproval: { by: '佛山市人民政府', article: '第十三条', source: '002:4394' },
    },
    'guangzhou-huangpu': {
      ...none,
      calls: { kinds: ['batch', 'rolling'], itemIds: null, article: '第十二条', source: '002:4172' },
      rollingItems: {
        itemIds: ['intl_quality_comparison_demo', 'event.intl_quality_std', 'expert_studio.intl'],
        article: '第十二条',
        source: '002:4172',
      },
      stages: { required: ['formal_check'], order: null, itemIds: null, article: '第十二条', source: '002:4170' },
      formalCheck: { workingDays: 5, article: '第十二条', source: '002:4170' },
    },
    // 第十三条: the expert review of 标准制修订 items (第三章, the ten std.* items) only.
    beijing: {
      ...none,
      stages: {
        required: ['expert_review'],
        order: null,
        itemIds: ['std.intl.formulate', 'std.national.formulate', 'std.industry.formulate', 'std.local.formulate', 'std.group.formulate', 'std.intl.revise', 'std.national.revise', 'std.industry.revise', 'std.local.revise', 'std.group.revise'],
        article: '第十三条',
        source: '002:3070',
      },
    },
    tianjin: {
      ...none,
      calls: { kinds: ['batch'], itemIds: null, article: '第十七条', source: '002:3268' },
      stages: { required: ['district_review', 'technical_review'], order: ['district_review', 'technical_review'], itemIds: null, article: '第十九条', source: '002:3280-3282' },
      publicity: { days: 15, unit: 'calendar', article: '第十九条', source: '002:3286' },
    },
    liaocheng: {
      ...none,
      // 第六条第（六）项: the patent items (第四条第（十三）项) are 另行办理, so a call under 第六条 takes every other item.
      calls: { kinds: ['batch'], itemIds: liaochengItemsBut(LIAOCHENG_PATENT_ITEMS), article: '第六条', source: '002:3909-3917' },
      stages: { required: ['formal_check'], order: null, itemIds: null, article: '第六条', source: '002:3911' },
      publicity: { days: 7, unit: 'working', article: '第六条', source: '002:3913' },
      allocationApproval: { by: '聊城市质量强市工作领导小组', article: '第六条', source: '002:3913' },
    },
    linyi: {
      ...none,
      calls: { kinds: ['batch'], itemIds: null, article: '第九条', source: '002:3995' },
      stages: { required: ['district_review', 'expert_review'], order: ['district_review', 'expert_review'], itemIds: null, article: '第九条、第十条', source: '002:3995-3997' },
    },
    zhengzhou: { ...none },
    zaozhuang: {
      ...none,
      calls: { kinds: ['batch'], itemIds: null, article: '第六条', source: '002:4489' },
      stages: { required: ['formal_check'], order: null, itemIds: null, article: '第七条', source: '002:4491' },
    },
    weihai: {
      ...none,
      calls: { kinds: ['batch'], itemIds: null, article: '第二十一条', source: '002:4606' },
      // The district's 初审 first, then the city's 受理审核, then its experts.
      stages: {
        required: ['district_review', 'formal_check', 'expert_review'],
        order: ['district_review', 'formal_check', 'expert_review'],
        itemIds: null,
        article: '第二十一条、第二十二条',
        source: '002:4606-4612',
      },
    },
  };

  it('covers every tenant with a policy folder', () => {
    expect(repository.tenants().sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s', (tenant) => {
    const versions = repository.versions(tenant);
    expect(versions).toHaveLength(1);
    expect(versions[0].procedure).toEqual(expected[tenant]);
  });

  it('every cited line lies within the policy text it belongs to', () => {
    for (const tenant of Object.keys(expected)) {
      const [policy] = repository.versions(tenant);
      const file = sourceRange(policy.file);
      for (const setting of Object.values(policy.procedure)) {
        if (setting === null) continue;
        const [from, to = from] = setting.source.replace(/^002:/, '').split('-').map(Number);
        expect(from).toBeGreaterThanOrEqual(file.from);
        expect(to).toBeLessThanOrEqual(file.to);
        expect(from).toBeLessThanOrEqual(to);
      }
    }
  });
});

/** The `source: { file: "002", lines: "a-b" }` line range of a shipped policy file. */
function sourceRange(path: string): { from: number; to: number } {
  const match = /^source: \{ file: "002", lines: "(\d+)-(\d+)" \}/m.exec(readFileSync(path, 'utf8'));
  if (!match) throw new Error(`${path}: no source line range`);
  return { from: Number(match[1]), to: Number(match[2]) };
}
