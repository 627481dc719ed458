/**
 * npm run -s calc -- --tenant <id> < request.json > result.json
 * Exit 0 with the result on stdout; exit 2 with one line on stderr for bad input (calc-contract.md); exit 1 with one
 * line when the policy configuration itself is broken. Never a stack trace.
 */
import { calculate, findPolicyDir, lazyPolicyRepository, PolicyEngineError, PolicyFileError } from '@subsidy/policy';
import { readStdin } from './read-stdin';

function fail(status: number, line: string): never {
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(status);
}

function tenantArg(argv: string[]): string {
  const index = argv.findIndex((a) => a === '--tenant' || a.startsWith('--tenant='));
  if (index < 0) fail(2, 'usage: calc --tenant <tenant-id> < request.json');
  const arg = argv[index];
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (!value || value.startsWith('--')) fail(2, 'usage: calc --tenant <tenant-id> < request.json');
  return value;
}

async function main(): Promise<void> {
  const tenant = tenantArg(process.argv.slice(2));
  const text = await readStdin();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(2, `$: request is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    // Only the requested tenant's files are read: a one-shot command should not parse every tenant's policy.
    const repo = lazyPolicyRepository(findPolicyDir(__dirname));
    const result = calculate(repo, tenant, json);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (error instanceof PolicyFileError) fail(1, `policy configuration error: ${error.message}`);
    if (error instanceof PolicyEngineError) fail(2, `${error.code}: ${error.message}`);
    throw error;
  }
}

main().catch((error: unknown) => fail(1, `internal error: ${error instanceof Error ? error.message : String(error)}`));
