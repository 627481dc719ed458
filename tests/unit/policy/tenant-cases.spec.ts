import { join } from 'path';
import { calculate, PolicyEngineError, repositoryOf, scanPolicies, type CalcResult } from '@subsidy/policy';
import { loadCaseTables, requestOf, type CaseTable, type PolicyCase } from './support/case-table';
import { differences } from './support/compare-result';

const POLICY_DIR = join(__dirname, '..', '..', '..', 'config', 'policies');
const scan = scanPolicies(POLICY_DIR);
const repo = repositoryOf(POLICY_DIR, scan.policies);
const tables = loadCaseTables();

function fileErrorFor(tenant: string): string | undefined {
  return scan.errors.find((e) => e.file.includes(`/${tenant}/`) || e.file.includes(`\\${tenant}\\`))?.message;
}

function run(table: CaseTable, c: PolicyCase): void {
  const broken = fileErrorFor(table.tenant);
  if (broken) throw new Error(`policy file does not load: ${broken}`);
  const request = requestOf(table, c);
  let result: CalcResult;
  try {
    result = calculate(repo, table.tenant, request);
  } catch (error) {
    if (error instanceof PolicyEngineError && c.expect.error !== undefined) {
      expect(error.code).toBe(c.expect.error);
      return;
    }
    throw error;
  }
  if (c.expect.error !== undefined) throw new Error(`expected error ${c.expect.error}, got a result`);
  const problems = c.expect.applicants
    ? c.expect.applicants.flatMap((want, i) =>
        result.applicants[i] ? differences(result.applicants[i], want, `applicants[${i}].`) : [`applicants[${i}]: missing`],
      )
    : differences(result.applicants[0], c.expect);
  expect(problems).toEqual([]);
}

describe('tenant case tables (docs/POLICY-CASES.md)', () => {
  it('finds case tables', () => {
    expect(tables.length).toBeGreaterThan(0);
  });
  for (const table of tables) {
    describe(table.file, () => {
      it(`${table.tenant} case table reads and names its tenant`, () => {
        expect(table.problem).toBeUndefined();
        expect(table.file).toBe(`${table.tenant}.cases.yaml`);
      });
      for (const c of table.cases) {
        it(`${table.tenant} ${c.article} ${c.name}`, () => run(table, c));
      }
    });
  }
});
