import { configDir } from '@subsidy/config';
import { parseCaseTable, scanPolicies } from '@subsidy/policy';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const POLICIES = configDir('policies');

/**
 * `tenants:sync` imports `config/policies/<tenant>/cases/<id>.yaml` as each imported version's case table, and the unit
 * tests (tests/unit/policy/tenant-cases.spec.ts) run the same files: one table, proven by the tests and shipped to the
 * officers who start a draft from it.
 */
describe('case tables shipped beside the policy files', () => {
  const { policies, errors } = scanPolicies(POLICIES);

  it('the cases/ folders do not disturb the policy files the engine, calc and policy:check read', () => {
    expect(errors).toEqual([]);
    expect(policies.map((p) => p.id).sort()).toEqual(
      readdirSync(POLICIES)
        .flatMap((tenant) => readdirSync(join(POLICIES, tenant)).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, '')))
        .sort(),
    );
  });

  for (const policy of policies) {
    it(`${policy.id}: ships a case table of its own tenant with cases`, () => {
      const file = join(POLICIES, policy.tenant, 'cases', `${policy.id}.yaml`);
      expect(existsSync(file)).toBe(true);
      const table = parseCaseTable(file, readFileSync(file, 'utf8'));
      expect(table.problem).toBeUndefined();
      expect(table.tenant).toBe(policy.tenant);
      expect(table.cases.length).toBeGreaterThan(0);
    });
  }
});
