import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { asSuperuser, createOrganization, createTenant, createUser, login, Session } from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { validProgramBody } from '../unit/programs/program-body';

const T0 = new Date('2024-02-01T10:00:00+08:00');
const T1 = new Date('2024-03-01T09:00:00+08:00');
const T2 = new Date('2024-03-31T17:00:00+08:00');
const POLL_MS = 50;

/**
 * The real API and the real worker sharing one manual clock: a program scheduled to open at T1 and close at T2 opens
 * and closes when the clock passes those instants, not before, even when the worker was restarted in between and
 * Redis lost every key. PostgreSQL's outbox is the truth; Redis only transports.
 */
describe('program opening and closing on time across worker restarts', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let programId: string;
  let session: Session;
  const clock = new ManualClock(T0);

  const programRow = async (id = programId): Promise<{ status: string; opened_at: Date | null; closed_at: Date | null }> =>
    (await asSuperuser(db, (c) => c.query(`select status, opened_at, closed_at from programs where id = $1`, [id]))).rows[0];

  /** Polls the database until `check` holds, failing after a bound instead of hanging. */

  /**
   * Proves the relay and the worker are alive at the current clock: a job due now (an audit-chain check) must run to
   * completion, and then several more relay polls pass. Anything due would have run by then.
   */
  async function letRelayPollSeveralTimes(): Promise<void> {
    const { rows } = await asSuperuser(db, (c) =>
      c.query<{ id: string }>(
        `insert into outbox (tenant_id, queue, job_name, payload, run_at) values ('tianjin', 'maintenance', 'audit.verify-chain', $1, $2) returning id`,
        [JSON.stringify({ tenantId: 'tianjin' }), clock.now()],
      ),
    );
    await waitFor('the canary job to complete', async () =>
      (await asSuperuser(db, (c) => c.query(`select 1 from outbox where id = $1 and completed_at is not null`, [rows[0].id]))).rowCount === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 8));
  }


  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: POLL_MS } };
    app = await createApp(config, { clock });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }] });
    const officer = await createUser(db, { tenantId: 'tianjin', role: 'program_officer' });
    const org = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' });
    await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: org.id });
    // The program has district review: scheduling needs a reviewer for the organization's district.
    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    session = await login(app, officer);
    programId = await scheduleProgram(T1, T2);
  });

  async function scheduleProgram(opensAt: Date, closesAt: Date): Promise<string> {
    const body = validProgramBody();
    body.window = { kind: 'batch', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
    const created = await request(app.getHttpServer()).post('/api/v1/programs').set(session.headers).send(body).expect(201);
    await request(app.getHttpServer()).post(`/api/v1/programs/${created.body.id}/schedule`).set(session.headers).expect(200);
    return created.body.id as string;
  }

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  it('opens at T1 after a restart, closes at T2 after Redis lost its keys, and never early', async () => {
    // A first worker runs until one second before the opening: nothing may fire.
    worker = await createWorker(config, { clock });
    await letRelayPollSeveralTimes();
    expect((await programRow()).status).toBe('scheduled');
    clock.set(new Date(T1.getTime() - 1_000));
    await letRelayPollSeveralTimes();
    expect(await programRow()).toEqual({ status: 'scheduled', opened_at: null, closed_at: null });
    await worker.close();
    worker = undefined;

    // While no worker runs, the opening instant passes; a new worker picks the job up from the outbox.
    clock.set(new Date(T1.getTime() + 60_000));
    worker = await createWorker(config, { clock });
    await waitFor('the program to open', async () => (await programRow()).status === 'open');
    expect((await programRow()).opened_at).toEqual(new Date(T1.getTime() + 60_000));

    const opened = await asSuperuser(db, (c) => c.query(`select actor_kind, actor_id from audit_log where entity_id = $1 and action = 'program.opened'`, [programId]));
    expect(opened.rows).toEqual([{ actor_kind: 'system', actor_id: 'system' }]);
    const told = await asSuperuser(db, (c) =>
      c.query<{ role: string }>(`select u.role from notifications n join users u on u.id = n.user_id where n.entity_id = $1 and n.kind = 'program.opened' order by u.role`, [programId]),
    );
    expect(told.rows.map((r) => r.role)).toEqual(['applicant', 'program_officer']);

    // Redis loses every key of this test; the close job lives on in PostgreSQL.
    expect(await deleteRedisKeys(config)).toBeGreaterThan(0);
    clock.set(new Date(T2.getTime() - 1_000));
    await letRelayPollSeveralTimes();
    expect((await programRow()).status).toBe('open');

    clock.set(new Date(T2.getTime() + 1_000));
    await waitFor('the program to close', async () => (await programRow()).status === 'closed');
    expect((await programRow()).closed_at).toEqual(new Date(T2.getTime() + 1_000));

    const trail = await asSuperuser(db, (c) => c.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [programId]));
    expect(trail.rows.map((r) => r.action)).toEqual(['program.created', 'program.scheduled', 'program.opened', 'program.closed']);
    const jobs = await asSuperuser(db, (c) =>
      c.query(`select job_name, completed_at is not null as done, failed_at from outbox where payload->>'programId' = $1 order by run_at`, [programId]),
    );
    expect(jobs.rows).toEqual([
      { job_name: 'program.open', done: true, failed_at: null },
      { job_name: 'program.close', done: true, failed_at: null },
    ]);
  }, 90_000);

  it('opens and then closes, in that order, a program whose whole window passed while no worker ran', async () => {
    const opensAt = new Date('2024-04-10T09:00:00+08:00');
    const closesAt = new Date('2024-04-20T17:00:00+08:00');
    const id = await scheduleProgram(opensAt, closesAt);
    await worker?.close();
    worker = undefined;

    // Both jobs are due at once; whichever runs first, the program must pass through open to closed.
    const resumedAt = new Date(closesAt.getTime() + 3_600_000);
    clock.set(resumedAt);
    worker = await createWorker(config, { clock });
    await waitFor('the program to close', async () => (await programRow(id)).status === 'closed', 45_000);
    expect(await programRow(id)).toEqual({ status: 'closed', opened_at: resumedAt, closed_at: resumedAt });
    const trail = await asSuperuser(db, (c) => c.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [id]));
    expect(trail.rows.map((r) => r.action)).toEqual(['program.created', 'program.scheduled', 'program.opened', 'program.closed']);
  }, 90_000);
});
