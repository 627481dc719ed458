// Three tiers and a smoke test of the build; each is a jest project so `jest --selectProjects unit` runs the fast tier alone.
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const base = {
  rootDir: __dirname,
  // swc rewrites the @subsidy/* aliases itself, so globalSetup (which ignores moduleNameMapper) resolves them too.
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false, jsc: { ...swc.jsc, baseUrl: __dirname, paths: { '@subsidy/policy-versions/store': ['libs/policy-versions/src/store'], '@subsidy/*': ['libs/*/src'] } } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@subsidy/([^/]+)(.*)$': '<rootDir>/libs/$1/src$2' },
  testEnvironment: 'node',
};
module.exports = {
  // Real PostgreSQL, Redis and argon2 on two shared cores: generous per-test limits, since speed is measured in benchmarks.
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
    },
    // The built dist/ API and worker as child processes, driven over HTTP; refuses a build older than the sources.
    // Makes its own database with the built migrations, so it needs no template.
    { ...base, displayName: 'smoke', testMatch: ['<rootDir>/tests/smoke/**/*.spec.ts'] },
    // The built web application (dist/web) served by the real API, driven in Debian's Chromium through playwright-core.
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
    },
  ],
};
