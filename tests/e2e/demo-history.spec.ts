import { configDir } from '@subsidy/config';
import { AppConfig } from '@subsidy/config';
import { loadTenantDefinitions, TenantDefinition } from '@subsidy/tenancy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@subsidy/calendar';
import { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/create-app';
import { approveDemoOrganizations } from '../../apps/cli/src/demo/approve-demo-organizations';
import { seedDemoHistory } from '../../apps/cli/src/demo/history/seed-history';
import { seedDemo } from '../../apps/cli/src/demo/seed-demo';
import { seedDemoPrograms } from '../../apps/cli/src/demo/seed-programs';
import { syncTenants } from '../../apps/cli/src/tenants/sync-tenants';
import { asSuperuser } from '../support/factories';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * `npm run demo` replays, before its API and worker start, the last 90 days of each tenant whose text is in force, on a
 * manual clock through the real API and worker: four programs at later stages than today's call. Run again, it finds
 * them and changes nothing. (The database's drop checks each tenant's audit chain and the ledger.)
 */
describe('demo history: a program at every stage', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let storageDir: string;
  let tenants: TenantDefinition[];
  // 2026-11-23: beijing-2020 and zhengzhou-2019 have no end date; every other seed text has lapsed.
  const now = new Date('2026-11-23T10:00:00+08:00');

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-demo-history-'));
    config = { ...db.config, storage: { dir: storageDir } };
    tenants = loadTenantDefinitions(configDir('tenants'));
    await syncTenants(config, tenants);
    await seedDemo(config, tenants);
  }, 60_000);

  afterAll(async () => {
    await deleteRedisKeys(config);
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const rows = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const stageOf = (title: string) => title.slice(title.indexOf('（演示：'));
  const beijing = async () =>
    rows<{ title: string; program: string; application: string; publicity: string | null; batch: string | null }>(
      `select p.title, p.status as program, a.status as application,
              (select status from publicities u where u.program_id = p.id) as publicity,
              (select status from payment_batches b where b.program_id = p.id) as batch
         from programs p join applications a on a.program_id = p.id where p.tenant_id = 'beijing' order by p.opens_at`,
    );
  const counts = async () =>
    rows<{ programs: number; applications: number; audit: number; outbox: number; batches: number }>(
      `select (select count(*)::int from programs) as programs, (select count(*)::int from applications) as applications,
              (select count(*)::int from audit_log) as audit, (select count(*)::int from outbox) as outbox,
              (select count(*)::int from payment_batches) as batches`,
    );

  it('gives Beijing and Zhengzhou four programs each, at the stage their title names, dated in the past', async () => {
    const outcomes = await seedDemoHistory(config, tenants, now);
    const byTenant = Object.fromEntries(outcomes.map((o) => [o.tenant, o]));
    expect(byTenant.beijing).toMatchObject({ outcome: 'created' });
    expect(byTenant.zhengzhou).toMatchObject({ outcome: 'created' });
    expect(byTenant.beijing.programs.map((p) => p.stage)).toEqual(['partly_paid', 'handed_over', 'in_publicity', 'in_review']);
    expect(byTenant.foshan).toMatchObject({ outcome: 'skipped', detail: 'no policy text in force on 2026-11-23' });
    expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(2);

    expect((await beijing()).map((r) => ({ ...r, title: stageOf(r.title) }))).toEqual([
      { title: '（演示：部分已支付）', program: 'handed_over', application: 'handed_over', publicity: 'closed', batch: 'partially_confirmed' },
      { title: '（演示：已移交财政）', program: 'handed_over', application: 'handed_over', publicity: 'closed', batch: null },
      { title: '（演示：公示中，有异议）', program: 'decided', application: 'objection_review', publicity: 'open', batch: null },
      { title: '（演示：评审中）', program: 'open', application: 'formal_check', publicity: null, batch: null },
    ]);
    // Partly paid: the bank confirmed the first of the two lines; the other is still with it.
    const lines = await rows<{ status: string }>(
      `select l.status from payment_batch_lines l join payment_batches b on b.id = l.batch_id where b.tenant_id = 'beijing' order by l.line_no`,
    );
    expect(lines.map((l) => l.status)).toEqual(['paid', 'instructed']);
    const objections = await rows<{ status: string; contact_name: string }>(`select status, contact_name from objections where tenant_id = 'beijing'`);
    expect(objections).toHaveLength(1);
    // Zhengzhou went the same way.
    const zhengzhou = await rows<{ status: string }>(`select a.status from applications a join programs p on p.id = a.program_id where p.tenant_id = 'zhengzhou' order by p.opens_at`);
    expect(zhengzhou.map((r) => r.status)).toEqual(['handed_over', 'handed_over', 'objection_review', 'formal_check']);

    // Every business date comes from the replay's clock, on past days (the audit log keeps the real instant it was written).
    const dates = await rows<{ submitted: Date; confirmed: Date }>(
      `select (select max(submitted_at) from applications where tenant_id = 'beijing') as submitted,
              (select max(confirmed_at) from payment_batch_lines where tenant_id = 'beijing') as confirmed`,
    );
    expect(dates[0].submitted.toISOString()).toBe('2026-11-18T02:00:00.000Z'); // the review program's application, 5 days ago at 10:00 CST
    expect(dates[0].confirmed.toISOString()).toBe('2026-10-06T02:00:00.000Z'); // the partly paid batch, 48 days ago
    const opened = await rows<{ opens_at: Date }>(`select opens_at from programs where tenant_id = 'beijing' order by opens_at limit 1`);
    expect(opened[0].opens_at.toISOString()).toBe('2026-08-26T01:00:00.000Z'); // 2026-11-23 minus 89 days, 09:00 CST
    // What is due later stays in the outbox for the live worker: the open publicity's end, the review program's closing.
    const pending = await rows<{ job_name: string }>(`select job_name from outbox where tenant_id = 'beijing' and completed_at is null and run_at > $1 order by job_name`, [now]);
    expect(pending.map((j) => j.job_name)).toEqual(expect.arrayContaining(['program.close', 'publicity.close']));
  }, 120_000);

  it('changes nothing when run again', async () => {
    const before = await counts();
    const again = await seedDemoHistory(config, tenants, now);
    expect(again.filter((o) => o.outcome !== 'skipped').map((o) => [o.tenant, o.outcome, o.programs.length])).toEqual([
      ['beijing', 'exists', 4],
      ['zhengzhou', 'exists', 4],
    ]);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('leaves the live API its part: organizations already approved, today\'s open call drafted beside the history', async () => {
    const live = await createApp(config, { clock: new ManualClock(now) });
    try {
      await live.listen(0, '127.0.0.1');
      const baseUrl = `http://127.0.0.1:${(live.getHttpServer().address() as AddressInfo).port}`;
      const approvals = Object.fromEntries((await approveDemoOrganizations(baseUrl, tenants)).map((o) => [o.tenant, o.outcome]));
      expect([approvals.beijing, approvals.zhengzhou, approvals.foshan]).toEqual(['verified', 'verified', 'approved']);
      const calls = Object.fromEntries((await seedDemoPrograms(baseUrl, tenants, now)).map((o) => [o.tenant, o.outcome]));
      expect([calls.beijing, calls.zhengzhou]).toEqual(['created', 'created']);
      expect(await rows(`select 1 from programs where tenant_id = 'beijing'`)).toHaveLength(5);
    } finally {
      await live.close();
    }
  }, 60_000);
});
