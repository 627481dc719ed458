import { configDir, loadConfigOrExit, projectRoot } from '@subsidy/config';
import { provisionDatabase, runMigrations } from '@subsidy/database';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { approveDemoOrganizations } from './demo/approve-demo-organizations';
import { seedDemoHistory } from './demo/history/seed-history';
import { assertDemoAllowed, DEMO_PASSWORD, seedDemo } from './demo/seed-demo';
import { seedDemoPrograms } from './demo/seed-programs';
import { ensureServices } from './demo/services';
import { syncTenants } from './tenants/sync-tenants';

const say = (line: string) => process.stdout.write(`${line}\n`);

function start(name: string, entry: string): ChildProcess {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', `${entry}.js`)], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') say(`${name} exited (${signal ?? code}); stopping the demo`);
    process.exit(code ?? 1);
  });
  return child;
}

async function waitForHealth(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not report healthy at ${url} within ${seconds}s`);
}

/** One command for a fresh machine: services, schema, the seed tenants with one user per role, API and worker. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDemoAllowed(config);
  await ensureServices(config, say);
  await provisionDatabase(config);
  const applied = await runMigrations(config);
  say(applied.length ? `Migrated: ${applied.join(', ')}` : 'Schema up to date');
  const tenants = loadTenantDefinitions(configDir('tenants'));
  await syncTenants(config, tenants);
  const users = await seedDemo(config, tenants);
  // Before the live API and worker start: the replay runs its own on a manual clock, and their jobs must not run early.
  say('Replaying the demo history (programs at later stages) on a manual clock...');
  const history = await seedDemoHistory(config, tenants, new Date());
  const children = [start('API', 'apps/api/src/main'), start('Worker', 'apps/worker/src/main')];
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const base = `http://127.0.0.1:${config.port}`;
  await waitForHealth(`${base}/health`, 60);
  const registrations = await approveDemoOrganizations(base, tenants);
  const programs = await seedDemoPrograms(base, tenants, new Date());
  say('');
  say(`Subsidy Hub demo is running (Ctrl-C stops it).`);
  say(`  Web app:     ${base}/  (sign in: choose 北京市, user officer / applicant / finance.city, password below)`);
  say(`  Public:      ${base}/public  (公示 pages, no sign-in)`);
  say(`  Health:      ${base}/health`);
  say(`  API docs:    ${base}/api/docs`);
  say(`  Queues:      ${base}/api/admin/queues (platform admin bearer token)`);
  say(`  Log in:      POST ${base}/api/v1/auth/login {"tenant","username","password"}; every demo password is ${DEMO_PASSWORD}`);
  say(`  Users:       ${users.length} across ${tenants.length} tenants, e.g.`);
  for (const u of users.filter((x) => x.tenant === 'weihai' || x.tenant === 'platform')) say(`               ${u.tenant.padEnd(10)} ${u.username.padEnd(22)} ${u.role}`);
  say(`  (every tenant has the same usernames: admin (tenant administrator), officer, reviewer.<district>, tech, expert1..3, finance.city,`);
  say(`   finance.<district>, applicant; the platform tenant's admin is the platform administrator)`);
  say(`  Applicants:  ${registrations.length} demo organizations, registrations approved by each tenant's officer (${registrations.filter((r) => r.outcome === 'approved').length} now)`);
  say(`  Programs:    one open call per tenant whose policy text is in force today`);
  for (const p of programs) say(`               ${p.tenant.padEnd(18)} ${p.outcome.padEnd(8)} ${p.detail}`);
  say(`  History:     per tenant in force, programs at later stages (replayed through the API and worker on a manual clock)`);
  for (const h of history) {
    if (h.outcome === 'skipped') continue;
    say(`               ${h.tenant.padEnd(18)} ${h.outcome.padEnd(8)} ${h.detail}`);
    for (const p of h.programs) say(`               ${''.padEnd(18)} ${p.stage.padEnd(13)} ${p.title}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
