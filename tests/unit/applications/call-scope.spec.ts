import { configDir } from '@subsidy/config';
import { Achievement, CompiledPolicy, evaluateWithPolicy, loadPolicyRepository, validateRequest } from '@subsidy/policy';
import { callScopeOf, callScopeProblems } from '@subsidy/workflow';

const repository = loadPolicyRepository(configDir('policies'));
const liaocheng: CompiledPolicy = repository.versions('liaocheng')[0];

/** What the award engine prices each achievement under, for a Liaocheng enterprise applying on 2022-09-10. */
function priced(policy: CompiledPolicy, achievements: Achievement[]) {
  const checked = validateRequest({
    applicationDate: '2022-09-10',
    programYear: 2022,
    applicants: [{ uscc: '91371500MA3C4L1X2Y', name: '聊城示例有限公司', kind: 'enterprise', district: '东昌府区', achievements }],
  });
  if (!checked.ok) throw new Error(`bad request: ${JSON.stringify(checked.problems)}`);
  return evaluateWithPolicy(policy, checked.request).applicants[0].items;
}

const problemsFor = (policy: CompiledPolicy, achievements: Achievement[]) => callScopeProblems(callScopeOf(policy), achievements, priced(policy, achievements), policy);

// 第四条第（一）项 and 第四条第（十）项: quality and standard awards, run under 第六条.
const qualityAward: Achievement = { id: 'q1', type: 'recognition', code: 'quality_award', level: 'national', obtainedOn: '2022-03-15' };
const nationalStandard: Achievement = { id: 's1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 40001-2022', publishedOn: '2022-03-01' };
// 第四条第（十三）项2②: 专利奖励, 另行办理 (第六条第（六）项).
const patentGold: Achievement = { id: 'p1', type: 'recognition', code: 'patent_award', level: 'national', grade: 'gold', obtainedOn: '2022-07-01' };
const designSilver: Achievement = { id: 'p2', type: 'recognition', code: 'design_award', level: 'national', grade: 'silver', obtainedOn: '2022-07-01' };

describe('a call takes only the items of procedure.calls.scope (Liaocheng 第六条第（六）项: 专利奖励资金…另行办理)', () => {
  it('Liaocheng scopes its calls, citing 第六条; the other texts do not', () => {
    const scope = callScopeOf(liaocheng);
    expect(scope).toMatchObject({ article: '第六条', source: '002:3909-3917' });
    expect(scope?.itemIds.has('qa.china')).toBe(true);
    expect(scope?.itemIds.has('patent_award.china.gold')).toBe(false);
    for (const tenant of repository.tenants().filter((t) => t !== 'liaocheng')) expect([tenant, callScopeOf(repository.versions(tenant)[0])]).toEqual([tenant, null]);
  });

  it('takes quality and standard awards', () => {
    expect(problemsFor(liaocheng, [qualityAward, nationalStandard])).toEqual([]);
  });

  it('refuses each patent achievement by its index, naming the item and its article in Chinese and English', () => {
    const problems = problemsFor(liaocheng, [qualityAward, patentGold, nationalStandard, designSilver]);
    expect(problems.map((p) => p.path)).toEqual(['achievements[1]', 'achievements[3]']);
    expect(problems[0].messageZh).toBe('该成果属于“中国专利金奖”（第四条第（十三）项2②），不在本次申报的受理范围内：依第六条，该项目的申报程序另行办理');
    expect(problems[0].message).toBe('priced under patent_award.china.gold, which a call under this text does not take: 第六条 (002:3909-3917) leaves it to another procedure');
    expect(problems[1].message).toMatch(/^priced under design_award\.china\.silver/);
  });

  it('does not refuse an achievement the policy covers under no item (the estimate says it is not covered)', () => {
    const unknown: Achievement = { id: 'u1', type: 'recognition', code: 'no_such_award', obtainedOn: '2022-07-01' };
    expect(problemsFor(liaocheng, [unknown])).toEqual([]);
  });

  it('a text without a call scope refuses nothing', () => {
    expect(callScopeProblems(null, [patentGold], priced(liaocheng, [patentGold]), liaocheng)).toEqual([]);
  });
});
