import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { Role } from '@subsidy/tenancy';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  ensurePlatformTenant,
  login,
  OrganizationFixture,
  policies,
  ProgramFixture,
  Session,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { validProgramBody } from '../unit/programs/program-body';

/** Programs over HTTP: only program officers configure them, bad input is refused by field, nothing half-written. */
describe('programs over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: UserFixture;
  let officerSession: Session;
  let applicantSession: Session;
  let org: OrganizationFixture;
  let otherTenantProgram: ProgramFixture;
  const clock = new ManualClock(new Date('2024-02-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }, { code: '120102' }] });
    await createTenant(db, { id: 'beijing', districts: [{ code: '110101' }] });
    officer = await createUser(db, { tenantId: 'tianjin', role: 'program_officer' });
    org = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' });
    // validProgramBody has district review: scheduling needs a reviewer for the organization's district.
    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    officerSession = await login(app, officer);
    applicantSession = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: org.id }));
    otherTenantProgram = await createProgram(db, { tenantId: 'beijing', policyId: 'beijing-2020', status: 'draft', fundingSources: [{ source: 'city', amountFen: 1_000_000_000 }] });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))).rows[0].n;

  const snapshot = async (): Promise<Record<string, number>> => ({
    programs: await count(`programs`),
    sources: await count(`program_funding_sources`),
    audit: await count(`audit_log where entity_type = 'program'`),
    outbox: await count(`outbox where queue = 'workflow'`),
  });

  const createDraft = async (edit: (body: ReturnType<typeof validProgramBody>) => void = () => undefined): Promise<{ id: string; version: number }> => {
    const body = validProgramBody();
    edit(body);
    const response = await http().post('/api/v1/programs').set(officerSession.headers).send(body).expect(201);
    return response.body as { id: string; version: number };
  };

  describe('create', () => {
    it('stores a draft with the policy hash, funding sources and an audit record', async () => {
      const body = validProgramBody();
      const response = await http().post('/api/v1/programs').set(officerSession.headers).send(body).expect(201);
      const tianjinHash = policies().versions('tianjin').find((p) => p.id === 'tianjin-2021')?.hash;
      expect(response.body).toMatchObject({
        tenantId: 'tianjin',
        status: 'draft',
        year: 2024,
        policyId: 'tianjin-2021',
        window: { kind: 'batch', opensAt: '2024-03-01T01:00:00.000Z', closesAt: '2024-03-31T09:00:00.000Z' },
        budget: { totalFen: 500_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 300_000_000 }, { source: 'district:120101', amountFen: 200_000_000 }] },
        review: { panel: { size: 3, quorum: 2 }, correctionWorkingDays: 10 },
        call: { materials: { standard: ['标准文本', '发布公告'] }, receivingOffice: '市市场监管委标准化处' },
      });
      expect(response.body.policyHash).toBe(tianjinHash);
      const { rows } = await asSuperuser(db, (c) =>
        c.query(`select policy_hash, budget_total_fen::text as total, created_by from programs where id = $1`, [response.body.id]),
      );
      expect(rows[0]).toEqual({ policy_hash: tianjinHash, total: '500000000', created_by: officer.id });
      const audit = await asSuperuser(db, (c) => c.query(`select action, actor_id, actor_role from audit_log where entity_id = $1`, [response.body.id]));
      expect(audit.rows).toEqual([{ action: 'program.created', actor_id: officer.id, actor_role: 'program_officer' }]);
    });

    it.each<[string, (body: ReturnType<typeof validProgramBody>) => void, string]>([
      ['a quorum above the panel size', (b) => (b.review.panel.quorum = 5), 'review.panel.quorum'],
      ['sources not adding up to the total', (b) => (b.budget.totalFen = 500_000_001), 'budget.sources'],
      ['a closing time before the opening', (b) => (b.window.closesAt = '2024-02-01T00:00:00+08:00'), 'window.closesAt'],
      ['a policy version of another tenant', (b) => (b.policyId = 'beijing-2020'), 'policyId'],
      ['a policy version that does not exist', (b) => (b.policyId = 'tianjin-2099'), 'policyId'],
      ['a district of another tenant as funding source', (b) => (b.budget.sources[1].source = 'district:110101'), 'budget.sources[1].source'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_name, edit, path) => {
      const before = await snapshot();
      const body = validProgramBody();
      edit(body);
      const response = await http().post('/api/v1/programs').set(officerSession.headers).send(body).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual([path]);
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(await snapshot()).toEqual(before);
    });

    it.each<Role>(['applicant', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer'])('refuses a %s with 403, writing nothing', async (role) => {
      const user = await createUser(db, {
        tenantId: 'tianjin',
        role,
        districtCode: role === 'district_reviewer' ? '120101' : null,
        organizationId: role === 'applicant' ? org.id : null,
      });
      const session = await login(app, user);
      const before = await snapshot();
      const response = await http().post('/api/v1/programs').set(session.headers).send(validProgramBody()).expect(403);
      expect(response.body.code).toBe('forbidden_role');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a platform administrator acting for the tenant with 403; they may read', async () => {
      await ensurePlatformTenant(db);
      const admin = await login(app, await createUser(db, { tenantId: 'platform', role: 'platform_admin' }));
      const headers = { ...admin.headers, 'X-Tenant-Id': 'tianjin' };
      const before = await snapshot();
      await http().post('/api/v1/programs').set(headers).send(validProgramBody()).expect(403);
      expect(await snapshot()).toEqual(before);
      const list = await http().get('/api/v1/programs').set(headers).expect(200);
      expect(list.body.items.every((p: { tenantId: string }) => p.tenantId === 'tianjin')).toBe(true);
    });
  });

  describe('update', () => {
    it('replaces a draft and its funding sources, bumping the version', async () => {
      const draft = await createDraft();
      const body = validProgramBody();
      body.title = '2024年度标准化资助（修订）';
      body.budget.sources = [{ source: 'matching', amountFen: 500_000_000 }];
      const response = await http().put(`/api/v1/programs/${draft.id}`).set(officerSession.headers).send(body).expect(200);
      expect(response.body).toMatchObject({ title: '2024年度标准化资助（修订）', version: draft.version + 1, budget: { sources: [{ source: 'matching', amountFen: 500_000_000 }] } });
      expect(await count(`program_funding_sources where program_id = $1`, [draft.id])).toBe(1);
      expect(await count(`audit_log where entity_id = $1 and action = 'program.updated'`, [draft.id])).toBe(1);
    });

    it('refuses bad input with 400 and leaves the draft as it was', async () => {
      const draft = await createDraft();
      const body = validProgramBody();
      body.review.correctionWorkingDays = 0;
      body.title = 'changed';
      const response = await http().put(`/api/v1/programs/${draft.id}`).set(officerSession.headers).send(body).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['review.correctionWorkingDays']);
      const { rows } = await asSuperuser(db, (c) => c.query(`select title, version from programs where id = $1`, [draft.id]));
      expect(rows[0]).toEqual({ title: '2024年度标准化资助', version: draft.version });
    });

    it('refuses to edit a program once scheduled (409 invalid_state)', async () => {
      const draft = await createDraft();
      await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(200);
      const response = await http().put(`/api/v1/programs/${draft.id}`).set(officerSession.headers).send(validProgramBody()).expect(409);
      expect(response.body).toMatchObject({ code: 'invalid_state', message: '只有草稿状态的项目可以编辑；本项目当前为“待发布”' });
    });

    it('refuses an applicant with 403', async () => {
      const draft = await createDraft();
      await http().put(`/api/v1/programs/${draft.id}`).set(applicantSession.headers).send(validProgramBody()).expect(403);
    });
  });

  describe('schedule', () => {
    it('makes the draft scheduled and queues the opening and closing at their instants, once', async () => {
      const draft = await createDraft();
      const response = await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(200);
      expect(response.body).toMatchObject({ status: 'scheduled', version: draft.version + 1 });
      const { rows } = await asSuperuser(db, (c) =>
        c.query(
          `select job_name, run_at, dedupe_key, payload from outbox where payload->>'programId' = $1 order by run_at`,
          [draft.id],
        ),
      );
      expect(rows).toEqual([
        { job_name: 'program.open', run_at: new Date('2024-03-01T09:00:00+08:00'), dedupe_key: `program.open:${draft.id}:v${draft.version + 1}`, payload: { tenantId: 'tianjin', programId: draft.id } },
        { job_name: 'program.close', run_at: new Date('2024-03-31T17:00:00+08:00'), dedupe_key: `program.close:${draft.id}:v${draft.version + 1}`, payload: { tenantId: 'tianjin', programId: draft.id } },
      ]);
      expect(await count(`audit_log where entity_id = $1 and action = 'program.scheduled'`, [draft.id])).toBe(1);
      const again = await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(409);
      expect(again.body.code).toBe('invalid_state');
      expect(await count(`outbox where payload->>'programId' = $1`, [draft.id])).toBe(2);
    });

    it('queues an opening already past through the job too (due at once)', async () => {
      const draft = await createDraft((b) => (b.window.opensAt = '2024-01-15T09:00:00+08:00'));
      await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(200);
      const { rows } = await asSuperuser(db, (c) => c.query(`select status from programs where id = $1`, [draft.id]));
      expect(rows[0].status).toBe('scheduled');
      expect(await count(`outbox where payload->>'programId' = $1 and job_name = 'program.open' and run_at < $2`, [draft.id, clock.now()])).toBe(1);
    });

    it('refuses a window that has already closed', async () => {
      const draft = await createDraft((b) => {
        b.window.opensAt = '2024-01-01T09:00:00+08:00';
        b.window.closesAt = '2024-01-31T17:00:00+08:00';
      });
      const response = await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(409);
      expect(response.body).toMatchObject({ code: 'invalid_state', details: [{ path: 'window.closesAt' }] });
      expect(await count(`outbox where payload->>'programId' = $1`, [draft.id])).toBe(0);
    });

    it('refuses with 409 policy_version_changed when the policy file no longer matches the stored hash', async () => {
      const draft = await createDraft();
      await asSuperuser(db, (c) => c.query(`update programs set policy_hash = $2 where id = $1`, [draft.id, '0'.repeat(64)]));
      const response = await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(409);
      expect(response.body.code).toBe('policy_version_changed');
      expect(await count(`programs where id = $1 and status = 'draft'`, [draft.id])).toBe(1);
      expect(await count(`outbox where payload->>'programId' = $1`, [draft.id])).toBe(0);
    });

    it('refuses an applicant with 403', async () => {
      const draft = await createDraft();
      await http().post(`/api/v1/programs/${draft.id}/schedule`).set(applicantSession.headers).expect(403);
      expect(await count(`programs where id = $1 and status = 'draft'`, [draft.id])).toBe(1);
    });
  });

  describe('cancel', () => {
    it('cancels a scheduled program with the reason in the audit trail and tells applicants', async () => {
      const draft = await createDraft();
      await http().post(`/api/v1/programs/${draft.id}/schedule`).set(officerSession.headers).expect(200);
      const response = await http().post(`/api/v1/programs/${draft.id}/cancel`).set(officerSession.headers).send({ reason: '预算未获批准' }).expect(200);
      expect(response.body.status).toBe('cancelled');
      const audit = await asSuperuser(db, (c) => c.query(`select reason, data from audit_log where entity_id = $1 and action = 'program.cancelled'`, [draft.id]));
      expect(audit.rows).toEqual([{ reason: '预算未获批准', data: { from: 'scheduled', to: 'cancelled' } }]);
      expect(await count(`notifications where entity_id = $1 and kind = 'program.cancelled' and organization_id is null and user_id in (select id from users where role = 'applicant')`, [draft.id])).toBeGreaterThan(0);
      const again = await http().post(`/api/v1/programs/${draft.id}/cancel`).set(officerSession.headers).send({ reason: 'twice' }).expect(409);
      expect(again.body.code).toBe('invalid_state');
    });

    it('requires a reason', async () => {
      const draft = await createDraft();
      const response = await http().post(`/api/v1/programs/${draft.id}/cancel`).set(officerSession.headers).send({}).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toContain('reason');
      expect(await count(`programs where id = $1 and status = 'draft'`, [draft.id])).toBe(1);
    });

    it('cancels an open program that has only drafts, but not one with a submitted application (409)', async () => {
      const onlyDrafts = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', status: 'open' });
      await createApplication(db, { tenantId: 'tianjin', programId: onlyDrafts.id, organizationId: org.id, districtCode: '120101', status: 'draft' });
      await http().post(`/api/v1/programs/${onlyDrafts.id}/cancel`).set(officerSession.headers).send({ reason: '政策调整' }).expect(200);

      const submitted = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', status: 'open' });
      await createApplication(db, { tenantId: 'tianjin', programId: submitted.id, organizationId: org.id, districtCode: '120101', status: 'formal_check' });
      const response = await http().post(`/api/v1/programs/${submitted.id}/cancel`).set(officerSession.headers).send({ reason: '政策调整' }).expect(409);
      expect(response.body).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('已有 1 件已提交的申报') });
      expect(await count(`programs where id = $1 and status = 'open'`, [submitted.id])).toBe(1);
      expect(await count(`audit_log where entity_id = $1`, [submitted.id])).toBe(0);
    });

    it('refuses to cancel a closed program', async () => {
      const closed = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', status: 'closed' });
      await http().post(`/api/v1/programs/${closed.id}/cancel`).set(officerSession.headers).send({ reason: 'late' }).expect(409);
    });

    it('refuses an applicant with 403', async () => {
      const draft = await createDraft();
      await http().post(`/api/v1/programs/${draft.id}/cancel`).set(applicantSession.headers).send({ reason: 'no' }).expect(403);
    });
  });

  describe('reading', () => {
    it('shows staff every program and applicants only announced ones', async () => {
      const draft = await createDraft();
      const scheduled = await createDraft();
      await http().post(`/api/v1/programs/${scheduled.id}/schedule`).set(officerSession.headers).expect(200);
      const cancelled = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', status: 'cancelled' });
      const open = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', status: 'open' });

      const staff = await http().get('/api/v1/programs').set(officerSession.headers).expect(200);
      const staffIds = staff.body.items.map((p: { id: string }) => p.id);
      expect(staffIds).toEqual(expect.arrayContaining([draft.id, scheduled.id, cancelled.id, open.id]));
      expect(staffIds).not.toContain(otherTenantProgram.id);

      const applicant = await http().get('/api/v1/programs').set(applicantSession.headers).expect(200);
      const applicantStatuses = new Set(applicant.body.items.map((p: { status: string }) => p.status));
      expect(applicant.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([scheduled.id, open.id]));
      expect(applicantStatuses.has('draft')).toBe(false);
      expect(applicantStatuses.has('cancelled')).toBe(false);

      await http().get(`/api/v1/programs/${open.id}`).set(applicantSession.headers).expect(200);
      await http().get(`/api/v1/programs/${draft.id}`).set(applicantSession.headers).expect(404);
      await http().get(`/api/v1/programs/${cancelled.id}`).set(applicantSession.headers).expect(404);
      const own = await http().get(`/api/v1/programs/${draft.id}`).set(officerSession.headers).expect(200);
      expect(own.body.status).toBe('draft');
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const response = await http().get('/api/v1/programs/not-a-uuid').set(officerSession.headers).expect(400);
      expect(response.body.details).toEqual([{ path: 'id', message: '编号格式有误' }]);
    });
  });

  describe("another tenant's program", () => {
    it('is invisible (404) to read, edit, schedule and cancel, and stays untouched', async () => {
      const id = otherTenantProgram.id;
      const before = await asSuperuser(db, (c) => c.query(`select to_jsonb(p) as row from programs p where id = $1`, [id]));
      await http().get(`/api/v1/programs/${id}`).set(officerSession.headers).expect(404);
      await http().put(`/api/v1/programs/${id}`).set(officerSession.headers).send(validProgramBody()).expect(404);
      await http().post(`/api/v1/programs/${id}/schedule`).set(officerSession.headers).expect(404);
      const cancel = await http().post(`/api/v1/programs/${id}/cancel`).set(officerSession.headers).send({ reason: 'x' }).expect(404);
      expect(cancel.body.code).toBe('program_not_found');
      const after = await asSuperuser(db, (c) => c.query(`select to_jsonb(p) as row from programs p where id = $1`, [id]));
      expect(after.rows).toEqual(before.rows);
      expect(await count(`outbox where payload->>'programId' = $1`, [id])).toBe(0);
    });
  });
});
