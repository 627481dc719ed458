/**
 * npm run bench:web
 * Weighs the JavaScript a browser downloads before the first screen (the sign-in page) of the built web application:
 * the entry chunk, everything it imports statically, and the sign-in route's lazy chunk with its static imports, each
 * gzipped at level 9 as a server would send it. Reads dist/web/.vite/manifest.json (npm run build writes it); prints
 * a table and fails when the first screen is over the budget of issue 10 (350 KB gzipped).
 */
import { firstScreenWeight, FIRST_SCREEN_BUDGET_BYTES } from './web-bundle';

const dir = process.argv[2] ?? 'dist/web';
const weight = firstScreenWeight(dir, 'src/pages/login/LoginPage.tsx');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log('first screen (sign-in) JavaScript, gzip -9:');
for (const chunk of weight.chunks) console.log(`  ${chunk.file.padEnd(48)} ${kb(chunk.bytes).padStart(10)} raw ${kb(chunk.gzipBytes).padStart(10)} gz`);
console.log(`  ${'total'.padEnd(48)} ${kb(weight.bytes).padStart(10)} raw ${kb(weight.gzipBytes).padStart(10)} gz (budget ${kb(FIRST_SCREEN_BUDGET_BYTES)})`);
if (weight.gzipBytes > FIRST_SCREEN_BUDGET_BYTES) {
  console.error('over budget');
  process.exitCode = 1;
}
