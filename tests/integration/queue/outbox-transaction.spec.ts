import { TestingModule } from '@nestjs/testing';
import { AuditLog } from '@subsidy/audit';
import { Outbox, OutboxTenantMismatchError, QueueConfigurationError } from '@subsidy/queue';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { compileWorker, createTenant, inTenant } from './queue-fixture';

class DeliberateFailure extends Error {}

describe('Outbox.enqueue: a state change and its job commit or roll back together', () => {
  let db: TestDatabase;
  let su: Client;
  // Only the enqueue side is used: nothing is initialised, so no worker or relay runs in this file.
  let app: TestingModule;
  let outbox: Outbox;
  let auditLog: AuditLog;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
    await createTenant(su, 'beta');
    app = await compileWorker(db.config, [], false);
    outbox = app.get(Outbox);
    auditLog = app.get(AuditLog);
  });
  afterAll(async () => {
    await app.close();
    await su.end();
    await db.drop();
  });

  const counts = async (tenantId: string) => {
    const { rows } = await su.query(
      `select (select count(*)::int from outbox where tenant_id = $1) as outbox, (select count(*)::int from audit_log where tenant_id = $1) as audit`,
      [tenantId],
    );
    return rows[0] as { outbox: number; audit: number };
  };

  it('commits the change and the outbox row together', async () => {
    const id = await inTenant(app, 'alpha', async (manager) => {
      await auditLog.record(manager, { action: 'organization.registered', entityType: 'organization', entityId: 'o-1' });
      return (await outbox.enqueue(manager, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' })).id;
    });
    expect(await counts('alpha')).toEqual({ outbox: 1, audit: 1 });
    const { rows } = await su.query(`select queue, job_name, payload, completed_at, enqueued_at, run_at <= now() as due from outbox where id = $1`, [id]);
    expect(rows[0]).toEqual({ queue: 'maintenance', job_name: 'audit.verify-chain', payload: { tenantId: 'alpha' }, completed_at: null, enqueued_at: null, due: true });
  });

  it('rolls back the outbox row with the change', async () => {
    const before = await counts('alpha');
    await expect(
      inTenant(app, 'alpha', async (manager) => {
        await auditLog.record(manager, { action: 'organization.registered', entityType: 'organization', entityId: 'o-2' });
        await outbox.enqueue(manager, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' });
        throw new DeliberateFailure('the change failed after enqueueing');
      }),
    ).rejects.toBeInstanceOf(DeliberateFailure);
    expect(await counts('alpha')).toEqual(before);
  });

  it('keeps one row per dedupe key within a tenant and returns its id', async () => {
    const first = await inTenant(app, 'alpha', (m) => outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' }, { dedupeKey: 'nightly-2026-11-23' }));
    const second = await inTenant(app, 'alpha', (m) => outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' }, { dedupeKey: 'nightly-2026-11-23' }));
    const otherTenant = await inTenant(app, 'beta', (m) => outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'beta' }, { dedupeKey: 'nightly-2026-11-23' }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(otherTenant.created).toBe(true);
    const { rows } = await su.query(`select count(*)::int as n from outbox where dedupe_key = 'nightly-2026-11-23'`);
    expect(rows[0].n).toBe(2);
  });

  it('stores runAt as the row’s run_at', async () => {
    const runAt = new Date(Date.now() + 3_600_000);
    const { id } = await inTenant(app, 'alpha', (m) => outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' }, { runAt }));
    const { rows } = await su.query(`select run_at from outbox where id = $1`, [id]);
    expect((rows[0].run_at as Date).toISOString()).toBe(runAt.toISOString());
  });

  it("refuses a payload for another tenant than the unit of work's", async () => {
    await expect(inTenant(app, 'alpha', (m) => outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'beta' }))).rejects.toThrow(
      new OutboxTenantMismatchError('maintenance', 'audit.verify-chain', 'beta', 'alpha'),
    );
  });

  it('refuses to enqueue outside a transaction, since the job could then outlive a rolled-back change', async () => {
    const dataSource = app.get(DataSource);
    await expect(
      RequestContextStore.run({ tenantId: 'alpha', actor: SYSTEM_ACTOR }, () => outbox.enqueue(dataSource.manager, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha' })),
    ).rejects.toThrow(QueueConfigurationError);
  });

  it('refuses job names outside the catalogue at run time too', async () => {
    const loose = outbox as unknown as { enqueue: (...args: unknown[]) => Promise<unknown> };
    await expect(inTenant(app, 'alpha', (m) => loose.enqueue(m, 'maintenance', 'no.such-job', { tenantId: 'alpha' }))).rejects.toThrow(
      'maintenance/no.such-job is not in the queue catalogue',
    );
  });

  it('checks queue, job name and payload shape at compile time', async () => {
    // These lines are type-checked by `tsc` (tests are in tsconfig): each must be a type error, or tsc fails.
    const compileTimeOnly = (m: Parameters<Outbox['enqueue']>[0]) => {
      // @ts-expect-error unknown job name
      void outbox.enqueue(m, 'maintenance', 'audit.verify-chains', { tenantId: 'alpha' });
      // @ts-expect-error unknown queue
      void outbox.enqueue(m, 'maintenanse', 'audit.verify-chain', { tenantId: 'alpha' });
      // @ts-expect-error payload without tenantId
      void outbox.enqueue(m, 'maintenance', 'audit.verify-chain', {});
      // @ts-expect-error payload with a field the job does not declare
      void outbox.enqueue(m, 'maintenance', 'audit.verify-chain', { tenantId: 'alpha', record: 'x' });
      // @ts-expect-error a queue with no jobs yet accepts no job name
      void outbox.enqueue(m, 'finance', 'audit.verify-chain', { tenantId: 'alpha' });
    };
    expect(typeof compileTimeOnly).toBe('function');
  });
});
