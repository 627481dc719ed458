import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 10: the first screen's JavaScript stays under 350 KB gzipped. */
export const FIRST_SCREEN_BUDGET_BYTES = 350 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface ChunkWeight {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The entry's static closure plus one lazy route's static closure: what the browser must fetch to show that route. */
export function firstScreenWeight(webDir: string, routeSource: string): { chunks: ChunkWeight[]; bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error(`no entry chunk in ${webDir}/.vite/manifest.json`);
  const route = Object.keys(manifest).find((key) => key.endsWith(routeSource));
  if (!route) throw new Error(`no chunk for ${routeSource} in the manifest`);
  const needed = new Set<string>();
  const visit = (key: string): void => {
    if (needed.has(key)) return;
    needed.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(route);
  const chunks = [...needed]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(webDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
  return { chunks, bytes: chunks.reduce((sum, c) => sum + c.bytes, 0), gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0) };
}
