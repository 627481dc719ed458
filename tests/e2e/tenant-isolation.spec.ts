import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  OrganizationFixture,
  Session,
  TenantFixture,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Two tenants side by side: every endpoint is tried by tenant A's users against tenant B's rows, and B's rows must
 * come out byte-for-byte unchanged. A completeness check fails when an endpoint is added without being listed here.
 */
describe('tenant isolation through every endpoint', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let a: TenantFixture;
  let b: TenantFixture;
  let aOfficer: UserFixture;
  let aApplicant: UserFixture;
  let bOfficer: UserFixture;
  let bOrg: OrganizationFixture;
  let bEmptyOrg: OrganizationFixture;
  let aOfficerSession: Session;
  /** Tenant A's administrator: manages A's accounts, and must reach none of B's. */
  let aAdminSession: Session;
  /** A password-setup token of one of B's accounts, as its owner's e-mail would carry it. */
  const bPasswordSetupToken = 'b-password-setup-token-00000000000000000000';
  let aApplicantSession: Session;
  let bInvitationToken: string;
  let bRefreshToken: string;
  /** Sessions of tenant A's staff in every role, so each stage's endpoint passes its role check and meets only RLS. */
  let aAs: Record<'officer' | 'district' | 'technical' | 'expert' | 'finance' | 'applicant', Session>;
  /** Tenant B's workflow rows, each in a state where the action tried on it would succeed for B's own staff. */
  const bRow = {
    program: '',
    draftApp: '',
    formalCheckApp: '',
    districtApp: '',
    technicalApp: '',
    expertApp: '',
    awaitingDecisionApp: '',
    objectionApp: '',
    publicity: '',
    objection: '',
    evidence: '',
    notification: '',
    expert: '',
    renameRequest: '',
    policyVersion: '',
    policyDraft: '',
    policySubmitted: '',
    officialList: '',
    officialListRow: '',
  };

  /** Every table that carries a tenant_id, read from the catalogue so a new table is covered without editing this test. */
  async function tenantTables(): Promise<string[]> {
    const su = await db.superuser();
    try {
      const { rows } = await su.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
      );
      return rows.map((r) => r.table_name);
    } finally {
      await su.end();
    }
  }

  async function snapshotOf(tenantId: string): Promise<string> {
    const tables = await tenantTables();
    const su = await db.superuser();
    try {
      const parts: unknown[] = [];
      for (const table of tables) {
        const { rows } = await su.query(`select to_jsonb(t) as row from ${table} t where tenant_id = $1 order by to_jsonb(t)::text`, [tenantId]);
        parts.push({ table, rows: rows.map((r: { row: unknown }) => r.row) });
      }
      return JSON.stringify(parts);
    } finally {
      await su.end();
    }
  }

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    // Two tenants with real policies, so programs can exist on both sides.
    a = await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }, { code: '120102' }] });
    b = await createTenant(db, { id: 'weihai', districts: [{ code: '371002', nameZh: '环翠区' }, { code: '371003', nameZh: '文登区' }] });
    const aOrg = await createOrganization(db, { tenantId: a.id, districtCode: a.districtCodes[0] });
    bOrg = await createOrganization(db, { tenantId: b.id, districtCode: b.districtCodes[0] });
    bEmptyOrg = await createOrganization(db, { tenantId: b.id, districtCode: b.districtCodes[1] });
    aOfficer = await createUser(db, { tenantId: a.id, role: 'program_officer' });
    aApplicant = await createUser(db, { tenantId: a.id, role: 'applicant', organizationId: aOrg.id });
    bOfficer = await createUser(db, { tenantId: b.id, role: 'program_officer' });
    const bApplicant = await createUser(db, { tenantId: b.id, role: 'applicant', organizationId: bOrg.id });
    aOfficerSession = await login(app, aOfficer);
    aAdminSession = await login(app, await createUser(db, { tenantId: a.id, role: 'tenant_admin' }));
    aApplicantSession = await login(app, aApplicant);
    const bApplicantSession = await login(app, bApplicant);
    bRefreshToken = (await login(app, bOfficer)).refreshToken;
    const invitation = await http()
      .post(`/api/v1/organizations/${bOrg.id}/invitations`)
      .set(bApplicantSession.headers)
      .send({ email: 'colleague@example.com' })
      .expect(201);
    bInvitationToken = invitation.body.token;
    expect(typeof bInvitationToken).toBe('string');

    const staff = async (role: 'district_reviewer' | 'technical_reviewer' | 'expert' | 'finance_officer') =>
      login(app, await createUser(db, { tenantId: a.id, role, ...(role === 'district_reviewer' ? { districtCode: a.districtCodes[0] } : {}) }));
    aAs = {
      officer: aOfficerSession,
      district: await staff('district_reviewer'),
      technical: await staff('technical_reviewer'),
      expert: await staff('expert'),
      finance: await staff('finance_officer'),
      applicant: aApplicantSession,
    };
    await createProgram(db, { tenantId: a.id, policyId: 'tianjin-2021' });

    const program = await createProgram(db, { tenantId: b.id, policyId: 'weihai-2020', status: 'open' });
    bRow.program = program.id;
    const bApp = async (status: Parameters<typeof createApplication>[1]['status'], organization: OrganizationFixture) =>
      (await createApplication(db, { tenantId: b.id, programId: program.id, organizationId: organization.id, districtCode: organization.districtCode, status })).id;
    bRow.draftApp = await bApp('draft', bOrg);
    const more = async () => createOrganization(db, { tenantId: b.id, districtCode: b.districtCodes[0] });
    bRow.formalCheckApp = await bApp('formal_check', await more());
    bRow.districtApp = await bApp('district_review', await more());
    bRow.technicalApp = await bApp('technical_review', await more());
    bRow.expertApp = await bApp('expert_review', await more());
    bRow.awaitingDecisionApp = await bApp('awaiting_decision', await more());
    bRow.objectionApp = await bApp('objection_review', await more());
    const bExpert = await createUser(db, { tenantId: b.id, role: 'expert' });
    bRow.expert = bExpert.id;
    await asSuperuser(db, async (client) => {
      await client.query(`insert into expert_profiles (tenant_id, user_id, field) values ($1, $2, '机械')`, [b.id, bExpert.id]);
      const pub = await client.query<{ id: string }>(
        `insert into publicities (tenant_id, program_id, starts_on, ends_on) values ($1, $2, '2024-05-06', '2024-05-20') returning id`,
        [b.id, program.id],
      );
      bRow.publicity = pub.rows[0].id;
      const objection = await client.query<{ id: string }>(
        `insert into objections (tenant_id, publicity_id, application_id, contact_name, contact_email, reasons)
         values ($1, $2, $3, '张三', 'zhang@example.com', '材料不实') returning id`,
        [b.id, bRow.publicity, bRow.objectionApp],
      );
      bRow.objection = objection.rows[0].id;
      const evidence = await client.query<{ id: string }>(
        `insert into evidence_files (tenant_id, application_id, storage_key, sha256, mime, size_bytes, original_name, uploaded_by)
         values ($1, $2, 'b-evidence-key-0001', $3, 'application/pdf', 10, 'std.pdf', $4) returning id`,
        [b.id, bRow.draftApp, 'a'.repeat(64), bOfficer.id],
      );
      bRow.evidence = evidence.rows[0].id;
      const notification = await client.query<{ id: string }>(
        `insert into notifications (tenant_id, user_id, kind, subject, body) values ($1, $2, 'test', '通知', '正文') returning id`,
        [b.id, bOfficer.id],
      );
      bRow.notification = notification.rows[0].id;
      await client.query(
        `insert into password_setup_tokens (tenant_id, user_id, purpose, token_hash, expires_at, created_by)
         values ($1, $2, 'reset', encode(sha256(convert_to($3, 'UTF8')), 'hex'), now() + interval '1 day', 'test')`,
        [b.id, bOfficer.id, bPasswordSetupToken],
      );
      const renameRequest = await client.query<{ id: string }>(
        `insert into organization_rename_requests (tenant_id, organization_id, current_name, requested_name, requested_by, requested_at)
         values ($1, $2, $3, '乙方新名称有限公司', $4, now()) returning id`,
        [b.id, bOrg.id, bOrg.name, bOfficer.id],
      );
      bRow.renameRequest = renameRequest.rows[0].id;
      // B's policy versions: the published weihai-2020 (imported by createTenant), a draft and one under review.
      bRow.policyVersion = (await client.query<{ id: string }>(`select id::text from policy_versions where tenant_id = $1 and policy_id = 'weihai-2020'`, [b.id])).rows[0].id;
      const policyRows = await client.query<{ id: string }>(
        `insert into policy_versions (tenant_id, policy_id, state, source_text, author) values ($1, 'weihai-2031', 'draft', 'id: weihai-2031', $2), ($1, 'weihai-2032', 'submitted', 'id: weihai-2032', $2) returning id::text`,
        [b.id, bOfficer.id],
      );
      [bRow.policyDraft, bRow.policySubmitted] = policyRows.rows.map((r) => r.id);
      // B's imported official list with one row waiting in its review queue.
      bRow.officialList = (
        await client.query<{ id: string }>(
          `insert into official_lists (tenant_id, kind, title, source_ref, list_date, file_name, file_format, file_sha256, file_size, storage_key, status, created_by)
           values ($1, 'leader_list', '乙方领跑者名单', '乙方文号', '2022-12-30', 'b.csv', 'csv', repeat('b', 64), 10, 'b/list.csv', 'completed', $2) returning id::text`,
          [b.id, bOfficer.id],
        )
      ).rows[0].id;
      bRow.officialListRow = (
        await client.query<{ id: string }>(
          `insert into official_list_rows (tenant_id, list_id, row_number, row_key, status, party_name, reason_zh, reason_en, candidates)
           values ($1, $2, 3, repeat('c', 64), 'review', $3, '名称相近', 'similar name', jsonb_build_array(jsonb_build_object('organizationId', $4::text))) returning id::text`,
          [b.id, bRow.officialList, bOrg.name, bOrg.id],
        )
      ).rows[0].id;
    });
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  interface Attempt {
    route: string;
    run: () => Promise<request.Response>;
    /** Statuses that mean "refused without touching B": never a 2xx. */
    expected: number[];
  }

  const attempts = (): Attempt[] => [
    { route: 'get /api/v1/organizations/{id}', run: () => http().get(`/api/v1/organizations/${bOrg.id}`).set(aOfficerSession.headers), expected: [404] },
    { route: 'patch /api/v1/organizations/{id}', run: () => http().patch(`/api/v1/organizations/${bOrg.id}`).set(aOfficerSession.headers).send({ name: 'Hijacked Co.' }), expected: [404] },
    { route: 'patch /api/v1/organizations/{id}', run: () => http().patch(`/api/v1/organizations/${bOrg.id}`).set(aApplicantSession.headers).send({ name: 'Hijacked Co.' }), expected: [403, 404] },
    { route: 'delete /api/v1/organizations/{id}', run: () => http().delete(`/api/v1/organizations/${bEmptyOrg.id}`).set(aOfficerSession.headers), expected: [404] },
    { route: 'post /api/v1/organizations/{id}/invitations', run: () => http().post(`/api/v1/organizations/${bOrg.id}/invitations`).set(aApplicantSession.headers).send({ email: 'x@example.com' }), expected: [403, 404] },
    { route: 'get /api/v1/organizations/{id}/registration', run: () => http().get(`/api/v1/organizations/${bOrg.id}/registration`).set(aOfficerSession.headers), expected: [404] },
    { route: 'post /api/v1/organizations/{id}/registration/approve', run: () => http().post(`/api/v1/organizations/${bEmptyOrg.id}/registration/approve`).set(aOfficerSession.headers).send({}), expected: [404] },
    { route: 'post /api/v1/organizations/{id}/registration/reject', run: () => http().post(`/api/v1/organizations/${bEmptyOrg.id}/registration/reject`).set(aOfficerSession.headers).send({ reason: '冒用' }), expected: [404] },
    { route: 'get /api/v1/organizations/{id}/members', run: () => http().get(`/api/v1/organizations/${bOrg.id}/members`).set(aOfficerSession.headers), expected: [404] },
    { route: 'put /api/v1/organizations/{id}/administrator', run: () => http().put(`/api/v1/organizations/${bOrg.id}/administrator`).set(aApplicantSession.headers).send({ userId: aApplicant.id }), expected: [403, 404] },
    { route: 'put /api/v1/organizations/{id}/administrator', run: () => http().put(`/api/v1/organizations/${bOrg.id}/administrator`).set(aOfficerSession.headers).send({ userId: aOfficer.id, reason: '冒用' }), expected: [404] },
    { route: 'post /api/v1/tenants/{tenantId}/calculations', run: () => http().post(`/api/v1/tenants/${b.id}/calculations`).set(aOfficerSession.headers).send({ applicationDate: '2024-03-20', programYear: 2024, applicants: [] }), expected: [403] },
    { route: 'post /api/v1/users', run: () => http().post('/api/v1/users').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }).send({ username: 'intruder', displayName: 'Intruder', password: 'long-enough-password', role: 'program_officer' }), expected: [403] },
    { route: 'post /api/v1/users/{id}/deactivate', run: () => http().post(`/api/v1/users/${bOfficer.id}/deactivate`).set(aAdminSession.headers).send({ reason: 'hijack' }), expected: [404] },
    { route: 'post /api/v1/users/{id}/reactivate', run: () => http().post(`/api/v1/users/${bOfficer.id}/reactivate`).set(aAdminSession.headers).send({ reason: 'hijack' }), expected: [404] },
    { route: 'post /api/v1/users/{id}/password-reset', run: () => http().post(`/api/v1/users/${bOfficer.id}/password-reset`).set(aAdminSession.headers).send({ reason: 'hijack' }), expected: [404] },
    { route: 'post /api/v1/users/{id}/login-unlock', run: () => http().post(`/api/v1/users/${bOfficer.id}/login-unlock`).set(aAdminSession.headers).send({ reason: 'hijack' }), expected: [404] },
    { route: 'post /api/v1/users', run: () => http().post('/api/v1/users').set({ ...aAdminSession.headers, 'X-Tenant-Id': b.id }).send({ username: 'intruder', displayName: 'Intruder', email: 'intruder@example.com', role: 'expert' }), expected: [403] },
    { route: 'post /api/v1/auth/password-setup', run: () => http().post('/api/v1/auth/password-setup').send({ tenant: a.id, token: bPasswordSetupToken, password: 'long-enough-password' }), expected: [400] },
    { route: 'get /api/v1/users', run: () => http().get('/api/v1/users').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/organizations', run: () => http().get('/api/v1/organizations').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/policies', run: () => http().get('/api/v1/policies').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/audit/chain-checks', run: () => http().get('/api/v1/audit/chain-checks').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/auth/me', run: () => http().get('/api/v1/auth/me').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'post /api/v1/auth/login', run: () => http().post('/api/v1/auth/login').send({ tenant: b.id, username: aOfficer.username, password: aOfficer.password }), expected: [401] },
    { route: 'post /api/v1/auth/refresh', run: () => http().post('/api/v1/auth/refresh').send({ tenant: a.id, refreshToken: bRefreshToken }), expected: [401] },
    { route: 'post /api/v1/auth/logout', run: () => http().post('/api/v1/auth/logout').send({ tenant: a.id, refreshToken: bRefreshToken }), expected: [204, 401] },
    ...workflowAttempts(),
    { route: 'post /api/v1/invitations/accept', run: () => http().post('/api/v1/invitations/accept').send({ tenant: a.id, token: bInvitationToken, username: 'sneaky', displayName: 'Sneaky', password: 'long-enough-password' }), expected: [400, 404] },
  ];

  const workflowAttempts = (): Attempt[] => {
    const as = (who: keyof typeof aAs) => aAs[who].headers;
    const app = (id: string) => `/api/v1/applications/${id}`;
    const notFound = [404];
    const refused = [403, 404];
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    return [
      { route: 'get /api/v1/programs/{id}', run: () => http().get(`/api/v1/programs/${bRow.program}`).set(as('officer')), expected: notFound },
      // Tenant B's policy version is not among A's: 400 naming policyId, as for an unknown id.
      { route: 'get /api/v1/programs/template', run: () => http().get('/api/v1/programs/template?policyId=weihai-2020').set(as('officer')), expected: [400] },
      { route: 'put /api/v1/programs/{id}', run: () => http().put(`/api/v1/programs/${bRow.program}`).set(as('officer')).send({ title: 'Hijacked' }), expected: [400, 404] },
      { route: 'post /api/v1/programs/{id}/schedule', run: () => http().post(`/api/v1/programs/${bRow.program}/schedule`).set(as('officer')).send({}), expected: notFound },
      { route: 'post /api/v1/programs/{id}/cancel', run: () => http().post(`/api/v1/programs/${bRow.program}/cancel`).set(as('officer')).send({ reason: 'hijack' }), expected: notFound },
      { route: 'post /api/v1/programs/{id}/window', run: () => http().post(`/api/v1/programs/${bRow.program}/window`).set(as('officer')).send({ closesAt: '2030-12-31T17:00:00+08:00', reason: 'hijack' }), expected: notFound },
      { route: 'post /api/v1/programs/{id}/close', run: () => http().post(`/api/v1/programs/${bRow.program}/close`).set(as('officer')).send({ reason: 'hijack' }), expected: notFound },
      { route: 'post /api/v1/programs/{id}/reopen', run: () => http().post(`/api/v1/programs/${bRow.program}/reopen`).set(as('officer')).send({ closesAt: '2030-12-31T17:00:00+08:00', reason: 'hijack' }), expected: notFound },
      { route: 'put /api/v1/programs/{id}/stage-deadlines/{stage}', run: () => http().put(`/api/v1/programs/${bRow.program}/stage-deadlines/correction`).set(as('officer')).send({ workingDays: 20, reason: 'hijack' }), expected: notFound },
      { route: 'post /api/v1/programs/{programId}/applications', run: () => http().post(`/api/v1/programs/${bRow.program}/applications`).set(as('applicant')).send({}), expected: notFound },
      { route: 'get /api/v1/applications/{id}', run: () => http().get(app(bRow.draftApp)).set(as('officer')), expected: notFound },
      { route: 'put /api/v1/applications/{id}/achievements', run: () => http().put(`${app(bRow.draftApp)}/achievements`).set(as('applicant')).send({ achievements: [] }), expected: refused },
      { route: 'get /api/v1/applications/{id}/estimate', run: () => http().get(`${app(bRow.draftApp)}/estimate`).set(as('officer')), expected: notFound },
      { route: 'get /api/v1/applications/{id}/audit-trail', run: () => http().get(`${app(bRow.formalCheckApp)}/audit-trail`).set(as('officer')), expected: notFound },
      { route: 'post /api/v1/applications/{id}/declaration', run: () => http().post(`${app(bRow.draftApp)}/declaration`).set(as('applicant')).send({ accepted: true, statement: '真实' }), expected: refused },
      { route: 'post /api/v1/applications/{id}/submit', run: () => http().post(`${app(bRow.draftApp)}/submit`).set({ ...as('applicant'), 'Idempotency-Key': 'isolation-submit-1' }).send({}), expected: refused },
      { route: 'post /api/v1/applications/{id}/withdraw', run: () => http().post(`${app(bRow.formalCheckApp)}/withdraw`).set(as('applicant')).send({}), expected: refused },
      { route: 'post /api/v1/applications/{id}/evidence', run: () => http().post(`${app(bRow.draftApp)}/evidence`).set(as('applicant')).attach('file', pdf, 'std.pdf'), expected: refused },
      { route: 'get /api/v1/applications/{id}/evidence', run: () => http().get(`${app(bRow.draftApp)}/evidence`).set(as('officer')), expected: notFound },
      { route: 'get /api/v1/evidence/{id}/content', run: () => http().get(`/api/v1/evidence/${bRow.evidence}/content`).set(as('officer')), expected: notFound },
      { route: 'delete /api/v1/evidence/{id}', run: () => http().delete(`/api/v1/evidence/${bRow.evidence}`).set(as('applicant')), expected: refused },
      { route: 'post /api/v1/applications/{id}/formal-check', run: () => http().post(`${app(bRow.formalCheckApp)}/formal-check`).set(as('officer')).send({ outcome: 'complete' }), expected: notFound },
      { route: 'post /api/v1/applications/{id}/district-review', run: () => http().post(`${app(bRow.districtApp)}/district-review`).set(as('district')).send({ outcome: 'forward' }), expected: refused },
      { route: 'post /api/v1/applications/{id}/reassign', run: () => http().post(`${app(bRow.districtApp)}/reassign`).set(as('officer')).send({ assigneeId: '00000000-0000-4000-8000-000000000001', reason: '改派' }), expected: notFound },
      { route: 'put /api/v1/applications/{id}/technical-opinions/{achievementId}', run: () => http().put(`${app(bRow.technicalApp)}/technical-opinions/a1`).set(as('technical')).send({ opinion: 'support', comment: '符合' }), expected: refused },
      { route: 'post /api/v1/applications/{id}/technical-review/complete', run: () => http().post(`${app(bRow.technicalApp)}/technical-review/complete`).set(as('technical')).send({}), expected: refused },
      { route: 'post /api/v1/applications/{id}/panel', run: () => http().post(`${app(bRow.expertApp)}/panel`).set(as('officer')).send({}), expected: notFound },
      { route: 'get /api/v1/applications/{id}/panel', run: () => http().get(`${app(bRow.expertApp)}/panel`).set(as('officer')), expected: notFound },
      { route: 'post /api/v1/applications/{id}/panel/conflict', run: () => http().post(`${app(bRow.expertApp)}/panel/conflict`).set(as('expert')).send({ reason: '曾参与起草' }), expected: refused },
      { route: 'put /api/v1/applications/{id}/panel/score', run: () => http().put(`${app(bRow.expertApp)}/panel/score`).set(as('expert')).send({ scores: {}, amounts: {} }), expected: [400, 403, 404] },
      { route: 'post /api/v1/applications/{id}/expert-declaration', run: () => http().post(`${app(bRow.expertApp)}/expert-declaration`).set(as('expert')).send({ noConflict: true }), expected: refused },
      {
        route: 'post /api/v1/applications/bulk/reassign',
        // A bulk answer is 200 with one outcome per id: B's application must be answered "not found", as alone.
        run: async () => {
          const response = await http().post('/api/v1/applications/bulk/reassign').set(as('officer')).send({ applicationIds: [bRow.districtApp], assigneeId: '00000000-0000-4000-8000-000000000001', reason: '改派' });
          const items = (response.body as { items?: Array<{ ok: boolean; error?: { code: string } }> }).items ?? [];
          const allNotFound = response.status === 200 && items.length === 1 && items.every((item) => !item.ok && item.error?.code === 'application_not_found');
          return allNotFound ? ({ ...response, status: 404 } as request.Response) : response;
        },
        expected: notFound,
      },
      { route: 'get /api/v1/programs/{id}/applications/export', run: () => http().get(`/api/v1/programs/${bRow.program}/applications/export`).set(as('officer')), expected: notFound },
      { route: 'get /api/v1/policy-versions/{id}', run: () => http().get(`/api/v1/policy-versions/${bRow.policyVersion}`).set(as('officer')), expected: notFound },
      { route: 'put /api/v1/policy-versions/{id}', run: () => http().put(`/api/v1/policy-versions/${bRow.policyDraft}`).set(as('officer')).send({ version: 1, changeNote: 'hijack' }), expected: notFound },
      { route: 'post /api/v1/policy-versions/{id}/cases/run', run: () => http().post(`/api/v1/policy-versions/${bRow.policyVersion}/cases/run`).set(as('officer')), expected: notFound },
      { route: 'post /api/v1/policy-versions/{id}/submit', run: () => http().post(`/api/v1/policy-versions/${bRow.policyDraft}/submit`).set(as('officer')).send({ version: 1 }), expected: notFound },
      { route: 'post /api/v1/policy-versions/{id}/approve', run: () => http().post(`/api/v1/policy-versions/${bRow.policySubmitted}/approve`).set(as('officer')).send({ version: 1 }), expected: notFound },
      { route: 'post /api/v1/policy-versions/{id}/return', run: () => http().post(`/api/v1/policy-versions/${bRow.policySubmitted}/return`).set(as('officer')).send({ version: 1, reason: 'hijack' }), expected: notFound },
      // B's version cannot be copied into A: 400 naming basedOnId, as for an unknown id.
      { route: 'post /api/v1/policy-versions/{id}/what-if', run: () => http().post(`/api/v1/policy-versions/${bRow.policyDraft}/what-if`).set(as('officer')).send({ year: 2024 }), expected: notFound },
      { route: 'get /api/v1/official-lists/{id}', run: () => http().get(`/api/v1/official-lists/${bRow.officialList}`).set(as('officer')), expected: notFound },
      { route: 'get /api/v1/official-lists/{id}/rows', run: () => http().get(`/api/v1/official-lists/${bRow.officialList}/rows`).set(as('officer')), expected: notFound },
      {
        route: 'post /api/v1/official-lists/rows/{rowId}/resolve',
        run: () => http().post(`/api/v1/official-lists/rows/${bRow.officialListRow}/resolve`).set(as('officer')).send({ organizationId: bOrg.id, reason: '核对一致' }),
        expected: notFound,
      },
      { route: 'post /api/v1/policy-versions', run: () => http().post('/api/v1/policy-versions').set(as('officer')).send({ policyId: 'tianjin-2031', basedOnId: bRow.policyVersion }), expected: [400] },
      { route: 'post /api/v1/applications/{id}/expert-review/complete', run: () => http().post(`${app(bRow.expertApp)}/expert-review/complete`).set(as('officer')).send({}), expected: notFound },
      { route: 'put /api/v1/experts/{userId}/profile', run: () => http().put(`/api/v1/experts/${bRow.expert}/profile`).set(as('officer')).send({ affiliatedUsccs: [], active: false }), expected: notFound },
      { route: 'put /api/v1/applications/{id}/decision', run: () => http().put(`${app(bRow.awaitingDecisionApp)}/decision`).set(as('officer')).send({ items: [{ achievementId: 'a1', amountFen: 100 }] }), expected: notFound },
      { route: 'post /api/v1/applications/{id}/decision/corrections', run: () => http().post(`${app(bRow.awaitingDecisionApp)}/decision/corrections`).set(as('officer')).send({ items: [{ achievementId: 'a1', amountFen: 100, reason: '更正' }], reason: '更正' }), expected: notFound },
      { route: 'post /api/v1/programs/{id}/decide', run: () => http().post(`/api/v1/programs/${bRow.program}/decide`).set(as('officer')).send({ decideWhileOpen: true }), expected: notFound },
      { route: 'get /api/v1/programs/{id}/decision-list', run: () => http().get(`/api/v1/programs/${bRow.program}/decision-list`).set(as('officer')), expected: notFound },
      { route: 'get /api/v1/programs/{id}/decision-list.xlsx', run: () => http().get(`/api/v1/programs/${bRow.program}/decision-list.xlsx`).set(as('officer')), expected: notFound },
      { route: 'post /api/v1/programs/{id}/publicity', run: () => http().post(`/api/v1/programs/${bRow.program}/publicity`).set(as('officer')).send({ startsOn: '2030-01-07' }), expected: notFound },
      { route: 'post /api/v1/objections/{id}/resolution', run: () => http().post(`/api/v1/objections/${bRow.objection}/resolution`).set(as('officer')).send({ outcome: 'dismissed', explanation: '经复核' }), expected: notFound },
      { route: 'post /api/v1/programs/{id}/hand-over', run: () => http().post(`/api/v1/programs/${bRow.program}/hand-over`).set(as('officer')).send({}), expected: notFound },
      { route: 'post /api/v1/programs/{id}/allocation-approval', run: () => http().post(`/api/v1/programs/${bRow.program}/allocation-approval`).set(as('officer')).send({ documentNo: '府函〔2024〕1号', approvedOn: '2024-01-10', approvedTotalFen: 0 }), expected: notFound },
      { route: 'get /api/v1/programs/{id}/approved-list', run: () => http().get(`/api/v1/programs/${bRow.program}/approved-list`).set(as('finance')), expected: notFound },
      { route: 'post /api/v1/organization-rename-requests/{id}/approve', run: () => http().post(`/api/v1/organization-rename-requests/${bRow.renameRequest}/approve`).set(as('officer')).send({ reason: '冒用' }), expected: notFound },
      { route: 'post /api/v1/organization-rename-requests/{id}/reject', run: () => http().post(`/api/v1/organization-rename-requests/${bRow.renameRequest}/reject`).set(as('officer')).send({ reason: '冒用' }), expected: notFound },
      { route: 'post /api/v1/notifications/{id}/read', run: () => http().post(`/api/v1/notifications/${bRow.notification}/read`).set(as('officer')).send({}), expected: notFound },
      { route: 'put /api/v1/finance/programs/{id}/budget', run: () => http().put(`/api/v1/finance/programs/${bRow.program}/budget`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-budget-1' }).send({ payer: 'city', amountFen: 1 }), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/budget/handed-over', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/budget/handed-over`).set(as('finance')), expected: notFound },
      { route: 'put /api/v1/finance/programs/{id}/budget/handed-over', run: () => http().put(`/api/v1/finance/programs/${bRow.program}/budget/handed-over`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-handed-over-budget-1' }).send({}), expected: notFound },
      { route: 'post /api/v1/finance/programs/{id}/intake', run: () => http().post(`/api/v1/finance/programs/${bRow.program}/intake`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-intake-1' }).send({}), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/batches', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/batches`).set(as('finance')), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/clawbacks', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/clawbacks`).set(as('finance')), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/shares', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/shares`).set(as('finance')), expected: notFound },
      { route: 'post /api/v1/finance/programs/{id}/approvals', run: () => http().post(`/api/v1/finance/programs/${bRow.program}/approvals`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-approve-1' }).send({ payer: 'city', all: true }), expected: notFound },
      { route: 'post /api/v1/finance/programs/{id}/batches', run: () => http().post(`/api/v1/finance/programs/${bRow.program}/batches`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-batch-1' }).send({ payer: 'city' }), expected: notFound },
      { route: 'post /api/v1/finance/programs/{id}/batches/release', run: () => http().post(`/api/v1/finance/programs/${bRow.program}/batches/release`).set({ ...as('finance'), 'Idempotency-Key': 'isolation-release-1' }).send({ payer: 'city' }), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/report', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/report`).set(as('finance')), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/report.xlsx', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/report.xlsx`).set(as('finance')), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/evaluation-list', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/evaluation-list`).set(as('finance')), expected: notFound },
      { route: 'get /api/v1/finance/programs/{id}/evaluation-list.xlsx', run: () => http().get(`/api/v1/finance/programs/${bRow.program}/evaluation-list.xlsx`).set(as('finance')), expected: notFound },
      // B's real report ids exist only after a payment cycle: tests/e2e/finance-evaluation.spec.ts tries one across tenants too.
      { route: 'post /api/v1/finance/fund-use-reports/{id}/receipt', run: () => http().post(`/api/v1/finance/fund-use-reports/${randomUUID()}/receipt`).set(as('finance')).send({ receivedOn: '2024-01-10' }), expected: notFound },
      // B's district code is no district of A: A's city finance cannot record a revenue-sharing ratio for it.
      { route: 'put /api/v1/finance/revenue-sharing/{districtCode}', run: () => http().put(`/api/v1/finance/revenue-sharing/${bOrg.districtCode}`).set(as('finance')).send({ cityParts: 1, districtParts: 1, basis: '越权录入' }), expected: notFound },
      { route: 'put /api/v1/finance/organizations/{id}/bank-account', run: () => http().put(`/api/v1/finance/organizations/${bOrg.id}/bank-account`).set(as('applicant')).send({ accountName: '乙公司', bankName: '银行', accountNo: '123456789012' }), expected: refused },
      { route: 'post /api/v1/finance/clawbacks', run: () => http().post('/api/v1/finance/clawbacks').set({ ...as('officer'), 'Idempotency-Key': 'isolation-claw-1' }).send({ applicationId: bRow.objectionApp, reasonKind: 'fraud', reason: '骗取', amountFen: 1, foundOn: '2024-01-10' }), expected: notFound },
      // Public pages name their tenant in the path: B's publicity is not reachable under A's name.
      { route: 'get /api/v1/public/tenants/{tenantId}/publicities/{id}', run: () => http().get(`/api/v1/public/tenants/${a.id}/publicities/${bRow.publicity}`), expected: notFound },
      { route: 'get /api/v1/public/tenants/{tenantId}/publicities/{id}/list.xlsx', run: () => http().get(`/api/v1/public/tenants/${a.id}/publicities/${bRow.publicity}/list.xlsx`), expected: notFound },
      {
        route: 'post /api/v1/public/tenants/{tenantId}/publicities/{id}/objections',
        run: () =>
          http()
            .post(`/api/v1/public/tenants/${a.id}/publicities/${bRow.publicity}/objections`)
            .send({ applicationId: bRow.objectionApp, contactName: '李四', contactEmail: 'li@example.com', reasons: '不实' }),
        expected: notFound,
      },
    ];
  };

  /**
   * Finance rows that exist only after a full payment cycle (batches, installments, clawbacks): tests/e2e/finance.spec.ts
   * runs that cycle and tries every one of these across tenants, checking the other tenant's rows stay unchanged.
   */
  const COVERED_IN_FINANCE_SPEC = [
    'get /api/v1/finance/batches/{id}',
    'get /api/v1/finance/batches/{id}/export.xlsx',
    'post /api/v1/finance/batches/{id}/confirm',
    'post /api/v1/finance/installments/{id}/condition-met',
    'post /api/v1/finance/clawbacks/{id}/recoveries',
    'post /api/v1/finance/batches/{id}/account-confirmations',
  ];

  /**
   * Endpoints that hold no tenant rows of their own, only create rows in the caller's own tenant, or list the caller's
   * own tenant (the listing test below checks those show nothing of B); public publicity lists are public by design.
   */
  const NOT_TENANT_DATA = [
    'get /health',
    'post /api/v1/organizations/register',
    'get /api/v1/organization-registrations',
    'get /api/v1/organization-rename-requests',
    'post /api/v1/programs',
    'get /api/v1/programs',
    'get /api/v1/applications',
    'get /api/v1/experts',
    'get /api/v1/experts/me/assignments',
    // The caller's own tenant's versions, its 工作台 overview, and a validation that stores nothing.
    'get /api/v1/policy-versions',
    'get /api/v1/policy-versions/overview',
    'post /api/v1/policy-versions/validate',
    // The caller's own tenant's imports and review queue; a preview parses the upload and stores nothing; an import
    // creates rows in the caller's tenant only (tests/e2e/official-lists.spec.ts checks another tenant sees none).
    'get /api/v1/official-lists',
    'post /api/v1/official-lists',
    'post /api/v1/official-lists/preview',
    'get /api/v1/official-lists/review-queue',
    // The caller's own tenant's reviewers (names and districts), for reassigning a review.
    'get /api/v1/reviewers',
    'get /api/v1/objections',
    'get /api/v1/notifications',
    // The caller's own work and notifications, read and marked under the caller's tenant only.
    'get /api/v1/me/work',
    'post /api/v1/notifications/read-all',
    'get /api/v1/finance/revenue-sharing',
    // Changes the caller's own password only.
    'post /api/v1/auth/password',
    'get /api/v1/public/tenants/{tenantId}/publicities',
    // A tenant's districts for the registration form: read under the tenant the path names (tests/e2e/public-districts.spec.ts).
    'get /api/v1/public/tenants/{tenantId}/districts',
    // The list of governments on the sign-in page: names only, the same for everyone.
    'get /api/v1/public/tenants',
    // The platform-wide holiday calendar (no tenant rows), for the platform administrator only.
    'get /api/v1/platform/holiday-calendar',
    'put /api/v1/platform/holiday-calendar/{year}',
  ];

  it('covers every endpoint in the OpenAPI document', async () => {
    const doc = await http().get('/api/docs/openapi.json').expect(200);
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    const covered = new Set([...attempts().map((x) => x.route), ...NOT_TENANT_DATA, ...COVERED_IN_FINANCE_SPEC]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("refuses every attempt by tenant A on tenant B's rows and leaves them unchanged", async () => {
    const before = await snapshotOf(b.id);
    const unexpected: string[] = [];
    for (const attempt of attempts()) {
      const response = await attempt.run();
      if (!attempt.expected.includes(response.status)) unexpected.push(`${attempt.route}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(unexpected).toEqual([]);
    expect(await snapshotOf(b.id)).toBe(before);
  });

  it("never lists tenant B's rows to tenant A", async () => {
    const lists = ['/api/v1/organizations', '/api/v1/organization-registrations?status=verified', '/api/v1/organization-rename-requests?status=all', '/api/v1/programs', '/api/v1/applications', '/api/v1/experts', '/api/v1/objections', '/api/v1/notifications', '/api/v1/me/work', '/api/v1/reviewers?role=district_reviewer', '/api/v1/reviewers?role=technical_reviewer', '/api/v1/official-lists', '/api/v1/official-lists/review-queue', '/api/v1/policy-versions'];
    const bodies: unknown[] = [];
    for (const path of lists) bodies.push((await http().get(path).set(aOfficerSession.headers).expect(200)).body);
    bodies.push((await http().get('/api/v1/users').set(aAdminSession.headers).expect(200)).body);
    bodies.push((await http().get('/api/v1/experts/me/assignments').set(aAs.expert.headers).expect(200)).body);
    bodies.push((await http().get('/api/v1/applications').set(aApplicantSession.headers).expect(200)).body);
    bodies.push((await http().get('/api/v1/me/work').set(aApplicantSession.headers).expect(200)).body);
    bodies.push((await http().get(`/api/v1/public/tenants/${a.id}/publicities`).expect(200)).body);
    const text = JSON.stringify(bodies);
    const bIds = [bOrg.id, bEmptyOrg.id, bOrg.uscc, bOfficer.id, bOfficer.username, ...Object.values(bRow)];
    for (const id of bIds) expect(text).not.toContain(id);
    expect(text).not.toContain(`"${b.id}"`);
    expect(text).toContain(aOfficer.id);
  });

  it('tenant B still works normally after the attempts', async () => {
    const session = await login(app, bOfficer);
    const response = await http().get(`/api/v1/organizations/${bOrg.id}`).set(session.headers).expect(200);
    expect(response.body.name).toBe(bOrg.name);
  });

  it('shows the application role no tenant rows at all when no tenant is set', async () => {
    const tables = await tenantTables();
    const appRole = await db.appRole();
    const su = await db.superuser();
    try {
      for (const table of tables) {
        const seen = await appRole.query(`select count(*)::int as n from ${table}`);
        const exist = await su.query(`select count(*)::int as n from ${table}`);
        expect({ table, seen: seen.rows[0].n }).toEqual({ table, seen: 0 });
        if (['organizations', 'users', 'audit_log'].includes(table)) expect(exist.rows[0].n).toBeGreaterThan(0);
      }
    } finally {
      await appRole.end();
      await su.end();
    }
  });
});
