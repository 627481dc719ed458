import { join } from 'path';
import { scanPolicies, type Achievement } from '@subsidy/policy';
import { loadCaseTables, requestOf } from './support/case-table';

const policies = scanPolicies(join(__dirname, '..', '..', '..', 'config', 'policies')).policies;

describe('item index', () => {
  // Every achievement of every case table, matched through the index and by testing every item: the same items.
  for (const table of loadCaseTables()) {
    it(`finds the same items as a full scan for the ${table.tenant} case achievements`, () => {
      const versions = policies.filter((p) => p.tenant === table.tenant);
      expect(versions.length).toBeGreaterThan(0);
      let checked = 0;
      for (const c of table.cases) {
        const request = requestOf(table, c) as { applicants: { achievements: Achievement[] }[] };
        for (const achievement of request.applicants.flatMap((a) => a.achievements)) {
          for (const policy of versions) {
            const all = policy.items.filter((i) => i.matches(achievement)).map((i) => i.id);
            const indexed = policy.candidates(achievement).filter((i) => i.matches(achievement)).map((i) => i.id);
            expect(indexed).toEqual(all);
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
