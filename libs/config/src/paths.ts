import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository (or deployment) root: the nearest directory above `from` that holds package.json. Works from src and dist. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function configDir(...parts: string[]): string {
  return join(projectRoot(), 'config', ...parts);
}
