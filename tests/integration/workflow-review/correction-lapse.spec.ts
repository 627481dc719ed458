import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { TenantTransactions } from '@subsidy/database';
import { ApplicationRoundJobPayload } from '@subsidy/queue';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { CorrectionLapseHandler, FormalCheckDeadlineHandler } from '@subsidy/workflow';
import request from 'supertest';
import { EntityManager } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, login, reviewSettings, Session } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const TENANT = 'weihai';
const DISTRICT = '371002';

/**
 * The deadline jobs of the first review stages, run by their handlers as the worker runs them (system actor, one
 * tenant transaction): a correction not made in time lapses the application; a resubmission makes the job harmless.
 */
describe('correction-lapse and formal-check-deadline jobs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let programId: string;
  const clock = new ManualClock(new Date('2025-09-29T10:00:00+08:00'));

  /** As the worker runs a job: the system actor of the payload's tenant, one tenant transaction. */
  async function runJob(handler: { handle(manager: EntityManager, payload: ApplicationRoundJobPayload): Promise<void> }, payload: ApplicationRoundJobPayload): Promise<void> {
    const transactions = app.get(TenantTransactions);
    await RequestContextStore.run({ tenantId: payload.tenantId, actor: SYSTEM_ACTOR }, () => transactions.run((manager) => handler.handle(manager, payload)));
  }

  async function returnedForCorrection() {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: DISTRICT });
    const applicant = await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: org.id });
    const application = await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: DISTRICT, status: 'formal_check' });
    await request(app.getHttpServer())
      .post(`/api/v1/applications/${application.id}/formal-check`)
      .set(officer.headers)
      .send({ outcome: 'correction', missing: [{ material: '标准文本' }] })
      .expect(200);
    const [job] = (
      await asSuperuser(db, (c) => c.query<{ payload: ApplicationRoundJobPayload }>(`select payload from outbox where job_name = 'application.correction-lapse' and payload->>'applicationId' = $1`, [application.id]))
    ).rows;
    return { application, applicantId: applicant.id, payload: job.payload };
  }

  const state = async (id: string) =>
    (await asSuperuser(db, (c) => c.query(`select status, submission_count as round, version from applications where id = $1`, [id]))).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, districts: [{ code: DISTRICT, nameZh: '环翠区' }] });
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: reviewSettings({ correctionWorkingDays: 5 }) })).id;
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lapses an application whose correction was not made by the deadline, and tells the applicant', async () => {
    const { application, applicantId, payload } = await returnedForCorrection();
    expect(payload).toEqual({ tenantId: TENANT, applicationId: application.id, round: 1 });
    clock.set(new Date('2025-10-14T00:00:00+08:00'));
    await runJob(app.get(CorrectionLapseHandler), payload);
    expect((await state(application.id)).status).toBe('lapsed');
    const audit = await asSuperuser(db, (c) => c.query(`select action, reason, actor_kind from audit_log where entity_id = $1 order by seq`, [application.id]));
    expect(audit.rows).toEqual([
      { action: 'application.returned-for-correction', reason: null, actor_kind: 'user' },
      { action: 'application.lapsed', reason: 'correction not made by 2025-10-13', actor_kind: 'system' },
    ]);
    const notices = await asSuperuser(db, (c) => c.query(`select user_id, kind from notifications where entity_id = $1 order by created_at`, [application.id]));
    expect(notices.rows).toEqual([
      { user_id: applicantId, kind: 'application.returned-for-correction' },
      { user_id: applicantId, kind: 'application.lapsed' },
    ]);
    const steps = await asSuperuser(db, (c) => c.query(`select stage, outcome, actor_id from review_steps where application_id = $1 order by created_at`, [application.id]));
    expect(steps.rows[1]).toEqual({ stage: 'formal_check', outcome: 'lapsed', actor_id: 'system' });

    // A redelivered job finds the application lapsed and does nothing more.
    await runJob(app.get(CorrectionLapseHandler), payload);
    expect((await asSuperuser(db, (c) => c.query(`select count(*)::int as n from audit_log where entity_id = $1`, [application.id]))).rows[0].n).toBe(2);
  });

  it('does nothing to an application that was resubmitted (a new round), even if it is returned again', async () => {
    const { application, payload } = await returnedForCorrection();
    // The resubmission (another module's use case) starts round 2 and puts the application back in the formal check.
    await asSuperuser(db, (c) => c.query(`update applications set status = 'formal_check', submission_count = 2, version = version + 1 where id = $1`, [application.id]));
    await runJob(app.get(CorrectionLapseHandler), payload);
    expect(await state(application.id)).toMatchObject({ status: 'formal_check', round: 2 });
    await request(app.getHttpServer())
      .post(`/api/v1/applications/${application.id}/formal-check`)
      .set(officer.headers)
      .send({ outcome: 'correction', reason: '仍缺少标准文本' })
      .expect(200);
    await runJob(app.get(CorrectionLapseHandler), payload);
    expect(await state(application.id)).toMatchObject({ status: 'correction_requested', round: 2 });
  });

  it('flags an overdue formal check to the program officers without moving the application', async () => {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: DISTRICT });
    const application = await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: DISTRICT, status: 'formal_check', stageDueOn: '2025-10-09' });
    // On or before the due date (the officer moved it later), the job does nothing either.
    clock.set(new Date('2025-10-09T23:00:00+08:00'));
    await runJob(app.get(FormalCheckDeadlineHandler), { tenantId: TENANT, applicationId: application.id, round: 1 });
    clock.set(new Date('2025-10-10T00:00:00+08:00'));
    await runJob(app.get(FormalCheckDeadlineHandler), { tenantId: TENANT, applicationId: application.id, round: 2 });
    expect((await asSuperuser(db, (c) => c.query(`select count(*)::int as n from audit_log where entity_id = $1`, [application.id]))).rows[0].n).toBe(0);
    await runJob(app.get(FormalCheckDeadlineHandler), { tenantId: TENANT, applicationId: application.id, round: 1 });
    const audit = await asSuperuser(db, (c) => c.query(`select action, reason from audit_log where entity_id = $1`, [application.id]));
    expect(audit.rows).toEqual([{ action: 'application.formal-check-overdue', reason: 'formal check not completed by 2025-10-09' }]);
    const notices = await asSuperuser(db, (c) => c.query(`select u.role from notifications n join users u on u.id = n.user_id where n.entity_id = $1`, [application.id]));
    expect(notices.rows.map((r) => r.role)).toEqual(['program_officer']);
    expect((await state(application.id)).status).toBe('formal_check');
  });
});
