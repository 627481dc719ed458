import { Procedure } from '@subsidy/policy';
import { ReviewStage } from '../core';

/**
 * Review stages a text requires for some items only (`procedure.stages.scope`, e.g. Beijing 第十三条 002:3070:
 * 标准制修订项目 go before an expert panel, pilots and service agencies do not). Pure: the text's stages and the policy
 * items each achievement of the application was priced under (ApplicationPricing, from the estimate stored at
 * submission) in, plain data out.
 */

/** The achievements the text's required stages apply to: all of them without a scope, else those priced under an in-scope item. */
export function achievementsInStageScope(stages: Procedure['stages'], policyItems: ReadonlyMap<string, readonly string[]>): string[] {
  const ids = [...policyItems.keys()];
  if (!stages?.itemIds) return ids;
  const scope = new Set(stages.itemIds);
  return ids.filter((id) => (policyItems.get(id) ?? []).some((itemId) => scope.has(itemId)));
}

/**
 * The stages an application skips: the text's scoped required stages, when none of its achievements is in their scope.
 * A stage the program turns on that the text does not require is never skipped here.
 */
export function stagesOutOfScope(stages: Procedure['stages'], policyItems: ReadonlyMap<string, readonly string[]>): Set<ReviewStage> {
  if (!stages?.itemIds || achievementsInStageScope(stages, policyItems).length > 0) return new Set();
  return new Set(stages.required);
}

/** Whether the expert panel judges only some achievements of an application (the text scopes its expert review). */
export function expertReviewIsScoped(stages: Procedure['stages']): boolean {
  return stages?.itemIds != null && stages.required.includes('expert_review');
}
