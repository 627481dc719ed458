import { ErrorDetail } from '@subsidy/common';
import { CompiledPolicy } from '@subsidy/policy';
import { policyItemsOfParts, PricedPart } from '../pricing/award-ceiling';

/**
 * The items a call under a policy text takes, when the text sends the others to another procedure
 * (`procedure.calls.scope`, e.g. Liaocheng 第六条第（六）项 002:3917: 专利奖励资金的申报程序由市市场监管部门按照有关规定另行办理,
 * so a call run under 第六条 takes no patent item). Unlike a rolling call's limit, it binds every program of the text.
 */
export interface CallScope {
  article: string;
  source: string;
  itemIds: ReadonlySet<string>;
}

export function callScopeOf(policy: Pick<CompiledPolicy, 'procedure'>): CallScope | null {
  const calls = policy.procedure.calls;
  if (!calls?.itemIds) return null;
  return { article: calls.article, source: calls.source, itemIds: new Set(calls.itemIds) };
}

/**
 * The claimed achievements the call does not take, as `achievements[i]` problems (English `message`, Chinese
 * `messageZh`); empty when it takes them all or has no scope. Decided by the award engine's pricing, like a rolling
 * call: an achievement is refused when any policy item it was priced under (or, paying nothing, matched) lies outside
 * the scope, since this call could not pay it. An achievement the policy funds under no item is not refused here: the
 * estimate already tells the applicant it is not covered.
 */
export function callScopeProblems(
  scope: CallScope | null,
  achievements: ReadonlyArray<{ id: string }>,
  priced: readonly PricedPart[],
  policy: Pick<CompiledPolicy, 'items'>,
): ErrorDetail[] {
  if (!scope) return [];
  const itemsOf = policyItemsOfParts(priced, achievements.map((achievement) => achievement.id));
  const problems: ErrorDetail[] = [];
  achievements.forEach((achievement, index) => {
    const outside = (itemsOf.get(achievement.id) ?? []).filter((itemId) => !scope.itemIds.has(itemId));
    if (outside.length === 0) return;
    const items = outside.map((itemId) => policy.items.find((item) => item.id === itemId)).filter((item): item is CompiledPolicy['items'][number] => item !== undefined);
    const named = items.map((item) => `“${item.name.zh}”（${item.article}）`).join('、');
    problems.push({
      path: `achievements[${index}]`,
      message: `priced under ${outside.join(', ')}, which a call under this text does not take: ${scope.article} (${scope.source}) leaves it to another procedure`,
      messageZh: `该成果属于${named}，不在本次申报的受理范围内：依${scope.article}，该项目的申报程序另行办理`,
    });
  });
  return problems;
}
