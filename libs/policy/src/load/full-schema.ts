import { ruleKinds, ruleModule } from '../rules';
import policySchema from '../schema/policy.schema.json';

/**
 * policy.schema.json with every rule kind's own keys filled in (one `if kind = X then ...` per kind), for editors and
 * external tools. The loader checks the same thing in two passes (file shape, then the rule's own keys) so it can
 * report the rule's line; this function assembles the single-schema view from the same rule modules.
 */
export function fullPolicySchema(): Record<string, unknown> {
  const branches = ruleKinds().map((kind) => {
    const module = ruleModule(kind);
    return {
      if: { properties: { kind: { const: kind } } },
      then: {
        properties: { kind: {}, article: {}, source: {}, name: {}, scope: {}, ...(module?.properties ?? {}) },
        required: module?.required ?? [],
        additionalProperties: false,
      },
    };
  });
  return {
    ...policySchema,
    $id: 'policy.full.schema.json',
    $defs: { ...policySchema.$defs, rule: { ...policySchema.$defs.rule, allOf: branches } },
  };
}
