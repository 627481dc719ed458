import { readFileSync } from 'fs';
import { join } from 'path';
import { configDir } from '@subsidy/config';
import { Achievement, CompiledPolicy, compilePolicyText, evaluateWithPolicy, loadPolicyRepository, validateRequest } from '@subsidy/policy';
import { rollingCallOf, rollingCallProblems } from '@subsidy/workflow';
import { makeUscc } from '../../support/factories/uscc';
import { HEADER, policyOf, STANDARD_ITEMS } from '../policy/support/policy-fixture';

const HUANGPU_FILE = join(configDir('policies'), 'guangzhou-huangpu', 'guangzhou-huangpu-2020.yaml');
let loaded: CompiledPolicy | undefined;
/** The Huangpu policy as the application loads it (config/policies), once per file. */
const huangpu = (): CompiledPolicy => {
  loaded ??= loadPolicyRepository(configDir('policies'))
    .versions('guangzhou-huangpu')
    .find((p) => p.id === 'guangzhou-huangpu-2020');
  if (!loaded) throw new Error('guangzhou-huangpu-2020 is not among the policy files');
  return loaded;
};

/** The same Huangpu text with its `rollingItems` block taken out (and compiled for real, not patched in memory). */
function huangpuWithoutRollingItems(): CompiledPolicy {
  const text = readFileSync(HUANGPU_FILE, 'utf8');
  const without = text.replace(/\n {2}rollingItems:\n(?: {4}.*\n)+/, '\n');
  if (without === text) throw new Error('the rollingItems block was not found in the Huangpu policy file');
  const policy = compilePolicyText(HUANGPU_FILE, without);
  if (policy.procedure.rollingItems !== null || policy.procedure.calls === null) throw new Error('only rollingItems should have been removed');
  return policy;
}

/** What the award engine prices each achievement under, for a Huangpu enterprise applying on 2021-06-01. */
function priced(policy: CompiledPolicy, achievements: Achievement[]) {
  const checked = validateRequest({
    applicationDate: '2021-06-01',
    programYear: 2021,
    applicants: [{ uscc: makeUscc({ division: '440112' }), name: '广州黄埔标准化服务有限公司', kind: 'enterprise', district: '黄埔区', achievements }],
  });
  if (!checked.ok) throw new Error(`bad request: ${JSON.stringify(checked.problems)}`);
  return evaluateWithPolicy(policy, checked.request).applicants[0].items;
}

function problemsFor(policy: CompiledPolicy, windowKind: 'batch' | 'rolling', achievements: Achievement[]) {
  return rollingCallProblems(rollingCallOf({ windowKind }, policy), achievements, priced(policy, achievements), policy);
}

// 第九条第（一）项, 第九条第（五）项, 第十条第（六）项: the three items 第十二条 (002:4172) accepts all year.
const comparisonDemo: Achievement = { id: 'q1', type: 'recognition', code: 'intl_quality_comparison_demo', obtainedOn: '2021-05-20', costsIncurredFen: 100_000_000 };
const intlEvent: Achievement = { id: 'e1', type: 'international_meeting', kind: 'conference', heldOn: '2021-05-10', costsIncurredFen: 20_000_000 };
const expertStudio: Achievement = { id: 's1', type: 'recognition', code: 'intl_standardization_expert_studio', obtainedOn: '2021-03-15' };
// 第十条第（一）项: 主导国家标准制定, a batch-only item.
const nationalStandard: Achievement = {
  id: 'a1',
  type: 'standard',
  level: 'national',
  action: 'formulate',
  role: 'lead',
  draftingRank: 1,
  standardNo: 'GB/T 40001-2021',
  publishedOn: '2021-03-01',
};

const ACCEPTED_TEXT =
  '全年受理仅限：国际质量比对提升示范项目（第九条第（一）项）、承办国际或粤港澳大湾区质量、检验检测认证、标准化年会、研讨会及国际重大活动（第九条第（五）项）、' +
  '国际标准化专家工作室开办经费（第十条第（六）项）（第十二条）';

describe('rollingCallOf: the items a call takes', () => {
  it('a rolling Huangpu program takes the three items of 第十二条, named from the policy, in file order', () => {
    expect(rollingCallOf({ windowKind: 'rolling' }, huangpu())).toEqual({
      article: '第十二条',
      source: '002:4172',
      batchElsewhere: true,
      acceptedItems: [
        { itemId: 'intl_quality_comparison_demo', name: '国际质量比对提升示范项目', article: '第九条第（一）项' },
        { itemId: 'event.intl_quality_std', name: '承办国际或粤港澳大湾区质量、检验检测认证、标准化年会、研讨会及国际重大活动', article: '第九条第（五）项' },
        { itemId: 'expert_studio.intl', name: '国际标准化专家工作室开办经费', article: '第十条第（六）项' },
      ],
    });
  });

  it('a batch program, and a rolling program whose policy names no rolling items, take any item', () => {
    expect(rollingCallOf({ windowKind: 'batch' }, huangpu())).toBeNull();
    expect(rollingCallOf({ windowKind: 'rolling' }, huangpuWithoutRollingItems())).toBeNull();
  });
});

describe('rollingCallProblems: each achievement must be priced by the engine under an accepted item', () => {
  const cases: Array<{ name: string; policy: () => CompiledPolicy; windowKind: 'batch' | 'rolling'; achievement: Achievement; refused: boolean }> = [
    { name: '国际质量比对提升示范 (第九条第（一）项) in a rolling Huangpu program', policy: huangpu, windowKind: 'rolling', achievement: comparisonDemo, refused: false },
    { name: '国际质量…标准化活动 (第九条第（五）项) in a rolling Huangpu program', policy: huangpu, windowKind: 'rolling', achievement: intlEvent, refused: false },
    { name: '国际标准化专家工作室 (第十条第（六）项) in a rolling Huangpu program', policy: huangpu, windowKind: 'rolling', achievement: expertStudio, refused: false },
    { name: '主导国家标准制定 (第十条第（一）项) in a rolling Huangpu program', policy: huangpu, windowKind: 'rolling', achievement: nationalStandard, refused: true },
    { name: '主导国家标准制定 in a batch Huangpu program', policy: huangpu, windowKind: 'batch', achievement: nationalStandard, refused: false },
    { name: '国际标准化专家工作室 in a batch Huangpu program', policy: huangpu, windowKind: 'batch', achievement: expertStudio, refused: false },
    { name: '主导国家标准制定 in a rolling program of a policy without rollingItems', policy: huangpuWithoutRollingItems, windowKind: 'rolling', achievement: nationalStandard, refused: false },
    { name: '国际质量比对提升示范 in a rolling program of a policy without rollingItems', policy: huangpuWithoutRollingItems, windowKind: 'rolling', achievement: comparisonDemo, refused: false },
  ];

  it.each(cases)('$name: refused = $refused', ({ policy, windowKind, achievement, refused }) => {
    const problems = problemsFor(policy(), windowKind, [achievement]);
    expect(problems.length > 0).toBe(refused);
    if (refused) expect(problems.map((p) => p.path)).toEqual(['achievements[0]']);
  });

  it('names each refused achievement by its position, says which item it is and which items the call takes', () => {
    const problems = problemsFor(huangpu(), 'rolling', [expertStudio, nationalStandard, intlEvent, { ...nationalStandard, id: 'a2', action: 'revise' }]);
    expect(problems).toEqual([
      { path: 'achievements[1]', message: `该成果属于“主导国家标准制定”（第十条第（一）项），不在全年受理范围内，须在每年的集中申报中申报；${ACCEPTED_TEXT}` },
      { path: 'achievements[3]', message: `该成果属于“主导国家标准修订”（第十条第（一）项），不在全年受理范围内，须在每年的集中申报中申报；${ACCEPTED_TEXT}` },
    ]);
  });

  it('refuses an achievement the policy funds under no item', () => {
    const unknown: Achievement = { id: 'x1', type: 'recognition', code: 'not_a_huangpu_code', obtainedOn: '2021-03-15' };
    expect(problemsFor(huangpu(), 'rolling', [unknown])).toEqual([{ path: 'achievements[0]', message: `本政策对该成果无资助项目；${ACCEPTED_TEXT}` }]);
  });

  it('accepts an accepted item whose amount input is missing: the estimate, not the call, says what is missing', () => {
    const { costsIncurredFen: _left, ...withoutCosts } = comparisonDemo;
    const [line] = priced(huangpu(), [withoutCosts as Achievement]);
    expect(line).toMatchObject({ itemId: 'intl_quality_comparison_demo', amountFen: 0, reasons: ['missing_input'] });
    expect(problemsFor(huangpu(), 'rolling', [withoutCosts as Achievement])).toEqual([]);
  });

  it('goes by the item the engine prices under: matching an accepted item is not enough when another item pays more', () => {
    // A national lead standard matches both the accepted std.any.national (1万) and std.national.lead (50万 ceiling);
    // the engine prices it under the latter, which a rolling call of this policy does not take.
    const policy = policyOf(
      `${HEADER}procedure:\n  calls: { kinds: [batch, rolling], article: 第九条, source: "002:9" }\n` +
        `  rollingItems: { items: [std.any.national], article: 第九条, source: "002:9" }\n` +
        `${STANDARD_ITEMS}  - { id: std.any.national, name: 国家标准 任一, article: 第四条, source: "002:4", category: standard,\n` +
        `      match: { type: standard, level: national }, fixed: "1万" }\n`,
    );
    const lead = { ...nationalStandard, id: 'n1' };
    const [line] = priced(policy, [lead]);
    expect(line.itemId).toBe('std.national.lead');
    expect(problemsFor(policy, 'rolling', [lead])).toEqual([
      { path: 'achievements[0]', message: '该成果属于“国家标准 主持”（第一条），不在全年受理范围内，须在每年的集中申报中申报；全年受理仅限：国家标准 任一（第四条）（第九条）' },
    ]);
    // A batch call of the same policy takes it.
    expect(problemsFor(policy, 'batch', [lead])).toEqual([]);
  });
});
