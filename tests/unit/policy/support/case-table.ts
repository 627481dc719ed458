import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { configDir } from '@subsidy/config';
import { parseCaseTable, type CaseTable } from '@subsidy/policy';

// The case format and its evaluation live in libs/policy (src/cases), shared with the drafting API.
export { requestOf, type ApplicantExpectation, type CaseExpectation, type CaseTable, type ItemExpectation, type PolicyCase } from '@subsidy/policy';

/**
 * The case tables ship beside the policy files (`config/policies/<tenant>/cases/<version>.yaml`): `tenants:sync` imports
 * each as its version's case table, so the cases an officer starts a draft with are the ones the engine is proven against.
 */
export const POLICIES_DIR = configDir('policies');

export function loadCaseTables(dir: string = POLICIES_DIR): CaseTable[] {
  return readdirSync(dir)
    .sort()
    .flatMap((tenant) => {
      const casesDir = join(dir, tenant, 'cases');
      if (!existsSync(casesDir)) return [];
      return readdirSync(casesDir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => parseCaseTable(`${tenant}/cases/${name}`, readFileSync(join(casesDir, name), 'utf8'), tenant));
    });
}
