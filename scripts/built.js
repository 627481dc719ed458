#!/usr/bin/env node
// Runs a compiled entry point from dist/, building first when dist/ is missing or older than the sources,
// so operator commands start in milliseconds instead of compiling TypeScript on every call.
const { execSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/built.js <path-without-extension> [args...]\n');
  process.exit(2);
}
const target = path.join(root, 'dist', `${entry}.js`);
// Written by `npm run build` when it finishes; tsc's incremental build leaves unchanged outputs untouched, so their own
// timestamps cannot tell whether the build is current.
const stamp = path.join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'node_modules') continue;
    const full = path.join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(target) || !fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return ['apps', 'libs', 'bench'].some((d) => fs.existsSync(path.join(root, d)) && newestSource(path.join(root, d)) > built);
}

if (stale()) {
  execSync('npm run -s build', { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}
const result = spawnSync(process.execPath, [target, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status === null ? 1 : result.status);
