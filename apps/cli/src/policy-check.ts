/**
 * npm run policy:check [-- <policy-dir>]
 * Validates every policy file and lists each tenant's versions and item counts; exits 1 naming `file:line: reason`
 * for every bad file.
 */
import { findPolicyDir, scanPolicies } from '@subsidy/policy';

function main(): number {
  const dir = process.argv[2] ?? findPolicyDir(__dirname);
  const { policies, errors } = scanPolicies(dir);
  const tenants = [...new Set(policies.map((p) => p.tenant))].sort();
  for (const tenant of tenants) {
    const versions = policies.filter((p) => p.tenant === tenant);
    const items = versions.reduce((sum, p) => sum + p.items.length, 0);
    process.stdout.write(`${tenant}: ${versions.length} version(s), ${items} item(s)\n`);
    for (const p of versions) {
      process.stdout.write(
        `  ${p.id}  ${p.effectiveFrom}..${p.effectiveTo ?? ''}  ${p.items.length} items, ${p.rules.length} rules  sha256:${p.hash.slice(0, 12)}  ${p.file}\n`,
      );
    }
  }
  for (const error of errors) process.stderr.write(`${error.message}\n`);
  process.stdout.write(`${policies.length} file(s) valid, ${errors.length} invalid\n`);
  return errors.length > 0 ? 1 : 0;
}

try {
  process.exit(main());
} catch (error) {
  process.stderr.write(`policy:check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
