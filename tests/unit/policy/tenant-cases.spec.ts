import { join } from 'path';
import { calculate, repositoryOf, runCase, scanPolicies } from '@subsidy/policy';
import { loadCaseTables, type CaseTable, type PolicyCase } from './support/case-table';

const POLICY_DIR = join(__dirname, '..', '..', '..', 'config', 'policies');
const scan = scanPolicies(POLICY_DIR);
const repo = repositoryOf(POLICY_DIR, scan.policies);
const tables = loadCaseTables();

function fileErrorFor(tenant: string): string | undefined {
  return scan.errors.find((e) => e.file.includes(`/${tenant}/`) || e.file.includes(`\\${tenant}\\`))?.message;
}

// The evaluation and comparison are libs/policy's runCase, the same the drafting API runs a draft's cases with.
function run(table: CaseTable, c: PolicyCase): void {
  const broken = fileErrorFor(table.tenant);
  if (broken) throw new Error(`policy file does not load: ${broken}`);
  const outcome = runCase(table, c, (request) => calculate(repo, table.tenant, request));
  expect(outcome.problems).toEqual([]);
  expect(outcome.passed).toBe(true);
}

describe('tenant case tables (docs/POLICY-CASES.md)', () => {
  it('finds case tables', () => {
    expect(tables.length).toBeGreaterThan(0);
  });
  for (const table of tables) {
    describe(table.file, () => {
      it(`${table.tenant} case table reads and names its tenant`, () => {
        expect(table.problem).toBeUndefined();
        expect(table.file.startsWith(`${table.tenant}/cases/`)).toBe(true);
      });
      for (const c of table.cases) {
        it(`${table.tenant} ${c.article} ${c.name}`, () => run(table, c));
      }
    });
  }
});
