import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { fullPolicySchema, ruleKinds } from '@subsidy/policy';
import policySchema from '../../../libs/policy/src/schema/policy.schema.json';

describe('policy JSON Schema', () => {
  it('lists exactly the registered rule kinds', () => {
    expect([...policySchema.$defs.rule.properties.kind.enum].sort()).toEqual(ruleKinds());
  });

  it('the full schema accepts the Weihai policy and rejects a rule with an unknown key', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(fullPolicySchema());
    const weihai = parse(readFileSync(join(__dirname, '..', '..', '..', 'config', 'policies', 'weihai', 'weihai-2020.yaml'), 'utf8'));
    expect(validate(weihai)).toBe(true);
    weihai.rules[0].maximum = 3;
    expect(validate(weihai)).toBe(false);
  });

  it('the shipped achievement schema is the shared domain schema', () => {
    const shipped = readFileSync(join(__dirname, '..', '..', '..', 'libs', 'policy', 'src', 'schema', 'achievement.schema.json'), 'utf8');
    expect(JSON.parse(shipped)).toHaveProperty('$id', 'achievement.schema.json');
    expect(JSON.parse(shipped).allOf).toHaveLength(11);
  });
});
