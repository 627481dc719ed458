import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
/** The build under test: dist/, or SMOKE_DIST (relative to the project root) for a build made elsewhere. */
export const DIST = process.env.SMOKE_DIST ? resolve(ROOT, process.env.SMOKE_DIST) : join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const SOURCE_DIRS = ['apps', 'libs'];

/** The newest source file under `dir`: TypeScript and the JSON the build copies into dist (the policy schemas). */
function newestSource(dir: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(full)
      : /\.(ts|json)$/.test(entry.name)
        ? { file: full, mtimeMs: statSync(full).mtimeMs }
        : undefined;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/**
 * Throws unless dist/ was built after the last change to apps/ or libs/: a smoke test of a stale build would prove
 * nothing about the code under review. `npm run build` writes dist/.build-stamp when it finishes (npm test builds first).
 */
export function assertFreshBuild(entries: string[]): void {
  if (!existsSync(STAMP)) throw new Error(`dist/ has no .build-stamp: run \`npm run build\` (or \`npm test\`, which builds) before the smoke suite`);
  const built = statSync(STAMP).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    const newest = newestSource(join(ROOT, dir));
    if (newest && newest.mtimeMs > built) {
      throw new Error(
        `dist/ is stale: ${relative(ROOT, newest.file)} changed at ${new Date(newest.mtimeMs).toISOString()}, after the build of ` +
          `${new Date(built).toISOString()}. Run \`npm run build\` (or \`npm test\`, which builds) before the smoke suite.`,
      );
    }
  }
  for (const entry of entries) {
    if (!existsSync(join(DIST, `${entry}.js`))) throw new Error(`dist/${entry}.js is missing: run \`npm run build\``);
  }
}
