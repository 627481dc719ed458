import { existsSync } from 'fs';
import { dirname, join } from 'path';

/**
 * `config/policies` of the repository: POLICY_DIR when set, else found by walking up from `start` to the directory
 * holding package.json (works from sources and from the compiled dist/ alike).
 */
export function findPolicyDir(start: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.POLICY_DIR) return env.POLICY_DIR;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'config', 'policies');
    const parent = dirname(dir);
    if (parent === dir) return join(start, 'config', 'policies');
    dir = parent;
  }
}
