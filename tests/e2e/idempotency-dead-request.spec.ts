import { IdempotencyStore, requestFingerprint } from '@subsidy/idempotency';
import { RequestContextStore } from '@subsidy/tenancy';
import request from 'supertest';
import { createOrganization, createProgram, createTenant, createUser, login, nationalStandardLead, reviewSettings, Session, UserFixture } from '../support/factories';
import { ScenarioHarness } from './scenarios-support/scenario-harness';

/**
 * Issue 15: killing the API mid-surge left applicants unsubmitted with their Idempotency-Key "in progress", so a retry
 * with the same key got 409 `idempotency_in_progress` over and over. What a process killed mid-request leaves behind is
 * its committed claim and nothing after it (the handler's transaction died uncommitted); here the real store makes that
 * claim and nothing renews it, as nothing does once the process is gone. The applicant's retry with the same key must
 * then submit exactly once as soon as the lease (IDEMPOTENCY_LEASE_SECONDS, 30 s by default) has run out.
 */
describe('an applicant retries a submission whose API process died', () => {
  let h: ScenarioHarness;
  let applicantUser: UserFixture;
  let applicant: Session;
  let programs = 0;
  const LEASE_MS = 30_000;
  const http = () => request(h.app.getHttpServer());

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2024-03-15T10:00:00+08:00'));
    const tianjin = await createTenant(h.db, { id: 'tianjin', districts: [{ code: '120101', nameZh: '和平区' }] });
    const org = await createOrganization(h.db, { tenantId: tianjin.id, districtCode: '120101', name: '天津示范标准有限公司' });
    applicantUser = await createUser(h.db, { tenantId: tianjin.id, role: 'applicant', organizationId: org.id });
    applicant = await login(h.app, applicantUser);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** One program per application: an organization applies once per program. */
  async function declaredApplication(): Promise<string> {
    programs += 1;
    const program = await createProgram(h.db, { tenantId: 'tianjin', policyId: 'tianjin-2021', title: `2024年度标准化资助（第${programs}批）`, review: reviewSettings({ formalCheckWorkingDays: 5 }) });
    const programId = program.id;
    const created = await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201);
    const id = created.body.id as string;
    await http().put(`/api/v1/applications/${id}/achievements`).set(applicant.headers).send({ achievements: [nationalStandardLead('a1')] }).expect(200);
    await http().post(`/api/v1/applications/${id}/declaration`).set(applicant.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    return id;
  }

  /** The claim the dying request made before its handler ran: the real store, the real request's fingerprint. */
  const claimThenDie = (applicationId: string, key: string) =>
    RequestContextStore.run({ tenantId: 'tianjin', actor: { kind: 'user', id: applicantUser.id, role: 'applicant' } }, () =>
      h.app
        .get(IdempotencyStore)
        .claim(
          { actorId: applicantUser.id, key },
          'application.submit',
          requestFingerprint({ scope: 'application.submit', method: 'POST', path: `/api/v1/applications/${applicationId}/submit`, body: {} }),
        ),
    );

  const submit = (applicationId: string, key: string) => http().post(`/api/v1/applications/${applicationId}/submit`).set(applicant.headers).set('Idempotency-Key', key);

  it('answers 409 while the dead claim still holds its lease, then submits exactly once and replays that answer', async () => {
    const applicationId = await declaredApplication();
    const key = 'submit-dead-process-0001';
    expect((await claimThenDie(applicationId, key)).kind).toBe('started');

    expect((await submit(applicationId, key).expect(409)).body.code).toBe('idempotency_in_progress');
    h.clock.advance(LEASE_MS - 1_000);
    expect((await submit(applicationId, key).expect(409)).body.code).toBe('idempotency_in_progress');
    expect(await h.statusOf('applications', applicationId)).toBe('draft');

    h.clock.advance(1_000);
    const retried = await submit(applicationId, key).expect(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body).toMatchObject({ applicationId, status: 'formal_check' });
    const replay = await submit(applicationId, key).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(retried.body);

    const [application] = await h.rows<{ status: string; submission_count: number }>(`select status, submission_count from applications where id = $1`, [applicationId]);
    expect(application).toEqual({ status: 'formal_check', submission_count: 1 });
    const submittedRecords = await h.rows(`select 1 from audit_log where entity_id = $1 and action = 'application.submitted'`, [applicationId]);
    expect(submittedRecords).toHaveLength(1);
  });

  it('never submits twice when the process died after its submission committed: the retry after the lease is refused', async () => {
    const applicationId = await declaredApplication();
    const key = 'submit-dead-after-commit-01';
    // The first request claimed the key, its submission committed, and the process died before storing the answer.
    await claimThenDie(applicationId, key);
    await submit(applicationId, 'submit-the-effect-itself-01').expect(200);
    h.clock.advance(LEASE_MS);
    const retried = await submit(applicationId, key).expect(409);
    // The submission's own guard (row lock, status check) answers: the key is not the only protection against a repeat.
    expect(retried.body.code).toBe('invalid_state');
    const [application] = await h.rows<{ submission_count: number }>(`select submission_count from applications where id = $1`, [applicationId]);
    expect(application.submission_count).toBe(1);
    expect(await h.rows(`select 1 from audit_log where entity_id = $1 and action = 'application.submitted'`, [applicationId])).toHaveLength(1);
  });
});
