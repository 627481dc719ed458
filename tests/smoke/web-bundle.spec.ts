import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenWeight, FIRST_SCREEN_BUDGET_BYTES } from '../../bench/web-bundle';

const WEB = join(__dirname, '..', '..', 'dist', 'web');

/** The build users get: the web application in dist/web, lazily split, its first screen within the budget of issue 10. */
describe('smoke: the built web application', () => {
  it('is built with an index.html that loads hashed bundles only', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/assets\/[\w-]+-[\w-]{8}\.js$/);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
  });

  it('loads every route lazily: the entry does not contain the screens', () => {
    const assets = readdirSync(join(WEB, 'assets'));
    for (const screen of ['LoginPage', 'WorkbenchPage', 'NotFoundPage']) expect(assets.some((file) => file.startsWith(`${screen}-`))).toBe(true);
  });

  it(`keeps the first screen's JavaScript under ${FIRST_SCREEN_BUDGET_BYTES / 1024} KB gzipped`, () => {
    expect(existsSync(join(WEB, '.vite', 'manifest.json'))).toBe(true);
    const weight = firstScreenWeight(WEB, 'src/pages/login/LoginPage.tsx');
    expect(weight.chunks.length).toBeGreaterThan(0);
    expect(weight.gzipBytes).toBeLessThan(FIRST_SCREEN_BUDGET_BYTES);
  });
});
