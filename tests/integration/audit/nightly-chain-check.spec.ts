import { Logger, LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AuditModule, nightlyCheckDedupeKey } from '@subsidy/audit';
import { ManualClock } from '@subsidy/calendar';
import { ClockModule } from '@subsidy/common';
import { ConfigModule } from '@subsidy/config';
import { DatabaseModule, TenantTransactions } from '@subsidy/database';
import { Outbox, OutboxJobRunner, WorkerModule } from '@subsidy/queue';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainSchedule } from '../../../apps/worker/src/maintenance/audit-chain-schedule';
import { AuditMaintenanceModule } from '../../../apps/worker/src/maintenance/audit-maintenance.module';
import { createOrganization, createTenant, createUser, UserFixture } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { deleteRedisKeys, waitFor } from '../queue/queue-fixture';
import { appDataSource, recordEntries, sampleEntries } from './audit-fixture';

const silentLogger: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

interface CheckRow {
  checked_on: string;
  checked_at: Date;
  ok: boolean;
  records_checked: string;
  head_seq: string | null;
  head_hash: string | null;
  broken_seq: string | null;
  broken_kind: string | null;
  broken_reason: string | null;
  alerted_at: Date | null;
}

/**
 * The worker's nightly audit-chain check against a real database: the schedule queues one job per tenant per night in
 * the outbox, and the real handler runs through the real job runner (application role, tenant transaction, RLS).
 * The relay is off so the test decides when each job runs.
 */
describe('nightly audit-chain check (worker)', () => {
  let db: TestDatabase;
  let su: Client;
  let dataSource: DataSource;
  let worker: TestingModule;
  let officers: UserFixture[];
  let applicant: UserFixture;
  const clock = new ManualClock(new Date('2026-11-23T01:00:00+08:00'));
  const errors: string[] = [];

  const checks = async (tenantId: string): Promise<CheckRow[]> =>
    (await su.query<CheckRow>(`select checked_on::text, checked_at, ok, records_checked::text, head_seq::text, head_hash, broken_seq::text, broken_kind, broken_reason, alerted_at from audit_chain_checks where tenant_id = $1 order by checked_on`, [tenantId])).rows;
  const alerts = async (tenantId: string): Promise<Array<{ user_id: string; subject: string; body: string }>> =>
    (await su.query(`select user_id, subject, body from notifications where tenant_id = $1 and kind = 'audit.chain-broken' order by created_at, user_id`, [tenantId])).rows;
  const nightlyJob = async (tenantId: string, date: string): Promise<{ id: string; run_at: Date; completed: boolean } | undefined> =>
    (await su.query(`select id, run_at, completed_at is not null as completed from outbox where tenant_id = $1 and dedupe_key = $2`, [tenantId, nightlyCheckDedupeKey(tenantId, date as never)])).rows[0];

  /** Runs one outbox row exactly as a BullMQ worker would hand it to the runner. */
  const run = (tenantId: string, id: string) =>
    worker.get(OutboxJobRunner).run('maintenance', { id, name: 'audit.verify-chain', data: { tenantId }, attemptsMade: 0, opts: { attempts: 5 } });

  /** An extra, on-demand check (no dedupe key), as an operator or a test canary would queue one. */
  const enqueueNow = async (tenantId: string): Promise<string> => {
    await su.query('begin');
    try {
      await su.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await su.query(`insert into outbox (tenant_id, queue, job_name, payload, run_at) values ($1, 'maintenance', 'audit.verify-chain', $2, $3) returning id`, [
        tenantId,
        JSON.stringify({ tenantId }),
        clock.now(),
      ]);
      await su.query('commit');
      return rows[0].id as string;
    } catch (error) {
      await su.query('rollback');
      throw error;
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    dataSource = await appDataSource(db.config);
    for (const id of ['intact', 'tampered', 'quiet']) await createTenant(db, { id });
    await recordEntries(dataSource, 'intact', sampleEntries(5));
    await recordEntries(dataSource, 'tampered', sampleEntries(6));
    officers = [await createUser(db, { tenantId: 'tampered', role: 'program_officer' }), await createUser(db, { tenantId: 'tampered', role: 'program_officer' })];
    const organization = await createOrganization(db, { tenantId: 'tampered', districtCode: '370102' });
    applicant = await createUser(db, { tenantId: 'tampered', role: 'applicant', organizationId: organization.id });
    await createUser(db, { tenantId: 'intact', role: 'program_officer' });
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      errors.push(String(message));
    });

    worker = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(db.config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        AuditModule,
        WorkerModule.forRoot({ relay: false, queues: ['maintenance'] }),
        AuditMaintenanceModule,
      ],
    })
      .setLogger(silentLogger)
      .compile();
    await worker.init();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await deleteRedisKeys(db.config);
    await dataSource.destroy();
    await su.end();
    await db.drop({ skipIntegrityCheck: true }); // this file breaks a chain on purpose
  });

  describe('the schedule', () => {
    it('queues, as the worker starts, one check per tenant for the next 02:30 China Standard Time', async () => {
      for (const tenantId of ['intact', 'tampered', 'quiet']) {
        const job = await waitFor(`the ${tenantId} check queued at start-up`, () => nightlyJob(tenantId, '2026-11-23'));
        expect(job.run_at.toISOString()).toBe('2026-11-22T18:30:00.000Z');
        expect(job.completed).toBe(false);
      }
    });

    it('adds nothing on a second tick the same night, nor from a second worker', async () => {
      const before = (await su.query(`select count(*)::int as n from outbox where job_name = 'audit.verify-chain'`)).rows[0].n;
      expect(await worker.get(AuditChainSchedule).tick()).toMatchObject({ date: '2026-11-23', tenants: 3, created: 0 });
      const second = new AuditChainSchedule(db.config, clock, worker.get(DataSource), worker.get(TenantTransactions), worker.get(Outbox));
      expect(await second.tick()).toMatchObject({ created: 0 });
      expect((await su.query(`select count(*)::int as n from outbox where job_name = 'audit.verify-chain'`)).rows[0].n).toBe(before);
    });

    it("after the night's run time, queues the next night's checks with their dedupe keys, once", async () => {
      clock.set(new Date('2026-11-23T02:30:00.001+08:00'));
      const first = await worker.get(AuditChainSchedule).tick();
      expect(first).toMatchObject({ date: '2026-11-24', tenants: 3, created: 3 });
      expect(first.runAt.toISOString()).toBe('2026-11-23T18:30:00.000Z');
      expect(await worker.get(AuditChainSchedule).tick()).toMatchObject({ date: '2026-11-24', created: 0 });
      const { rows } = await su.query(`select tenant_id, dedupe_key, payload from outbox where dedupe_key like 'audit.verify-chain:%:2026-11-24' order by tenant_id`);
      expect(rows).toEqual(
        ['intact', 'quiet', 'tampered'].map((t) => ({ tenant_id: t, dedupe_key: `audit.verify-chain:${t}:2026-11-24`, payload: { tenantId: t } })),
      );
    });
  });

  describe('the check', () => {
    it('stores an ok row with the verified head for an intact chain, records it in the chain and alerts no one', async () => {
      clock.set(new Date('2026-11-23T02:31:00+08:00'));
      const [head] = (await su.query(`select seq::text as seq, hash from audit_heads where tenant_id = 'intact'`)).rows;
      const job = await nightlyJob('intact', '2026-11-23');
      expect(await run('intact', job!.id)).toBe('completed');

      expect(await checks('intact')).toEqual([
        {
          checked_on: '2026-11-23',
          checked_at: new Date('2026-11-23T02:31:00+08:00'),
          ok: true,
          records_checked: '5',
          head_seq: '5',
          head_hash: head.hash,
          broken_seq: null,
          broken_kind: null,
          broken_reason: null,
          alerted_at: null,
        },
      ]);
      const trail = await su.query(`select seq::text, action, data from audit_log where tenant_id = 'intact' order by seq desc limit 1`);
      expect(trail.rows[0]).toMatchObject({ seq: '6', action: 'audit.chain-verified', data: { outboxId: job!.id, checkedOn: '2026-11-23', records: 5, headSeq: '5', headHash: head.hash } });
      expect(await alerts('intact')).toEqual([]);
    });

    it('passes a tenant with no audit records yet', async () => {
      const job = await nightlyJob('quiet', '2026-11-23');
      expect(await run('quiet', job!.id)).toBe('completed');
      expect(await checks('quiet')).toMatchObject([{ checked_on: '2026-11-23', ok: true, records_checked: '0', head_seq: '0', broken_seq: null }]);
    });

    it('stores a broken row naming the first broken record, logs it and alerts the officers once', async () => {
      await su.query(`update audit_log set reason = 'quietly changed' where tenant_id = 'tampered' and seq = 3`);
      const job = await nightlyJob('tampered', '2026-11-23');
      expect(await run('tampered', job!.id)).toBe('completed');

      const [row] = await checks('tampered');
      expect(row).toMatchObject({ checked_on: '2026-11-23', ok: false, records_checked: '2', head_seq: null, head_hash: null, broken_seq: '3', broken_kind: 'edited' });
      expect(row.broken_reason).toBe('seq 3 was edited: its content no longer matches its hash');
      expect(row.alerted_at).toEqual(new Date('2026-11-23T02:31:00+08:00'));

      const told = await alerts('tampered');
      expect(told.map((n) => n.user_id).sort()).toEqual(officers.map((o) => o.id).sort());
      expect(told.map((n) => n.user_id)).not.toContain(applicant.id);
      expect(told[0].subject).toContain('3');
      expect(told[0].body).toContain('seq 3 was edited');

      expect(errors.filter((e) => e.includes('tenant tampered'))).toEqual([
        'Audit chain of tenant tampered is broken at seq 3 (edited): seq 3 was edited: its content no longer matches its hash; 2 record(s) before it verified',
      ]);
      const [last] = (await su.query(`select action, reason, data from audit_log where tenant_id = 'tampered' order by seq desc limit 1`)).rows;
      expect(last).toMatchObject({ action: 'audit.chain-broken', reason: 'seq 3 was edited: its content no longer matches its hash', data: { outboxId: job!.id, brokenSeq: '3', kind: 'edited' } });
    });

    it("running the same day's check again keeps one row and sends no second alert", async () => {
      const nightly = await nightlyJob('tampered', '2026-11-23');
      // The same row delivered again does nothing; a second job the same day updates the day's row without alerting.
      expect(await run('tampered', nightly!.id)).toBe('already-completed');
      clock.set(new Date('2026-11-23T09:15:00+08:00'));
      expect(await run('tampered', await enqueueNow('tampered'))).toBe('completed');

      const rows = await checks('tampered');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ checked_on: '2026-11-23', ok: false, broken_seq: '3', checked_at: new Date('2026-11-23T09:15:00+08:00') });
      expect(rows[0].alerted_at).toEqual(new Date('2026-11-23T02:31:00+08:00'));
      expect(await alerts('tampered')).toHaveLength(officers.length);
    });

    it('two checks of one tenant racing on the same day still write one row and one alert', async () => {
      clock.set(new Date('2026-11-24T02:31:00+08:00'));
      const nightly = await nightlyJob('tampered', '2026-11-24');
      const extra = await enqueueNow('tampered');
      expect((await Promise.all([run('tampered', nightly!.id), run('tampered', extra)])).sort()).toEqual(['completed', 'completed']);

      // A new day: the still-broken chain is reported again, once.
      const rows = await checks('tampered');
      expect(rows.map((r) => [r.checked_on, r.ok, r.broken_seq])).toEqual([
        ['2026-11-23', false, '3'],
        ['2026-11-24', false, '3'],
      ]);
      expect(await alerts('tampered')).toHaveLength(2 * officers.length);
    });
  });
});
