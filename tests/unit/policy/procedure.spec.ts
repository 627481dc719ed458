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
      expected: { kinds: ['batch', 'rolling'], article: '第五条', source: '002:5' },
    },
    {
      field: 'stages',
      yaml: '  stages: { required: [district_review, expert_review], article: 第六条、第七条, source: "002:6-7" }\n',
      expected: { required: ['district_review', 'expert_review'], article: '第六条、第七条', source: '002:6-7' },
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
  const expected: Record<string, Procedure> = {
    foshan: {
      ...none,
      calls: { kinds: ['batch'], article: '第九条', source: '002:4352' },
      stages: { required: ['expert_review'], article: '第十二条', source: '002:4388' },
      publicity: { days: 7, unit: 'working', article: '第十二条', source: '002:4388' },
      expertExclusion: { scope: 'year_applicants', article: '第十二条', source: '002:4388' },
      allocationApproval: { by: '佛山市人民政府', article: '第十三条', source: '002:4394' },
    },
    'guangzhou-huangpu': {
      ...none,
      calls: { kinds: ['batch', 'rolling'], article: '第十二条', source: '002:4172' },
      rollingItems: {
        itemIds: ['intl_quality_comparison_demo', 'event.intl_quality_std', 'expert_studio.intl'],
        article: '第十二条',
        source: '002:4172',
      },
      stages: { required: ['formal_check'], article: '第十二条', source: '002:4170' },
      formalCheck: { workingDays: 5, article: '第十二条', source: '002:4170' },
    },
    beijing: { ...none },
    tianjin: {
      ...none,
      calls: { kinds: ['batch'], article: '第十七条', source: '002:3268' },
      stages: { required: ['district_review', 'technical_review'], article: '第十九条', source: '002:3280-3282' },
      publicity: { days: 15, unit: 'calendar', article: '第十九条', source: '002:3286' },
    },
    liaocheng: {
      ...none,
      calls: { kinds: ['batch'], article: '第六条', source: '002:3909' },
      stages: { required: ['formal_check'], article: '第六条', source: '002:3911' },
      publicity: { days: 7, unit: 'working', article: '第六条', source: '002:3913' },
      allocationApproval: { by: '聊城市质量强市工作领导小组', article: '第六条', source: '002:3913' },
    },
    linyi: {
      ...none,
      calls: { kinds: ['batch'], article: '第九条', source: '002:3995' },
      stages: { required: ['district_review', 'expert_review'], article: '第九条、第十条', source: '002:3995-3997' },
    },
    zhengzhou: { ...none },
    zaozhuang: {
      ...none,
      calls: { kinds: ['batch'], article: '第六条', source: '002:4489' },
      stages: { required: ['formal_check'], article: '第七条', source: '002:4491' },
    },
    weihai: {
      ...none,
      calls: { kinds: ['batch'], article: '第二十一条', source: '002:4606' },
      stages: { required: ['district_review', 'formal_check', 'expert_review'], article: '第二十一条、第二十二条', source: '002:4606-4612' },
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
