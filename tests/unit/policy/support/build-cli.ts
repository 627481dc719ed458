import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Compiles the calc and policy-check commands (and the benchmark) into a fresh temporary directory, the same way
 * `npm run build` does (tsc + tsc-alias), but only their own imports: a half-written file elsewhere in the
 * repository cannot break these tests. Returns the directory; run entries with `cliEnv()`.
 */
export function buildCli(): string {
  const out = mkdtempSync(join(tmpdir(), 'subsidy-cli-'));
  const config = join(__dirname, 'tsconfig.cli.json');
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  execFileSync(bin('tsc'), ['-p', config, '--outDir', out, '--tsBuildInfoFile', join(out, '.tsbuildinfo')], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(bin('tsc-alias'), ['-p', config, '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

/** Environment for a command compiled outside the repository: it finds node_modules and config/policies explicitly. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), POLICY_DIR: join(ROOT, 'config', 'policies'), ...extra };
}
