import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@subsidy/config';
import { ManualClock } from '@subsidy/calendar';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createOrganizationAdministrator,
  createProgram,
  createTenant,
  createUser,
  login,
  nationalStandardLead,
  OrganizationFixture,
  reviewSettings,
  Session,
} from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'tianjin';
const HEPING = '120101';
const industryLead = { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'HG/T 50002-2023', publishedOn: '2023-06-01' };

interface PublicAward {
  applicationId: string;
  applicantName: string;
  creditCode: string;
  items: Array<{ item: string; policyItem: string | null; standardNo: string | null; article: string | null; amountFen: number }>;
}

/**
 * The public record cannot be rewritten (issue 9, item 6): the decision fixes the organization's name and credit code
 * and each item's label (the policy's own name for it with the standard number). A rename afterwards, even an
 * approved one, leaves the publicity (JSON and xlsx), the decision and approved lists and finance's lists as decided.
 */
describe('decision snapshots: a rename after the decision leaves the published lists as decided', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  let cityFinance: Session;
  let applicantA: Session;
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let programId: string;
  let publicityId: string;
  const applicationIds: string[] = [];
  const clock = new ManualClock(new Date('2024-05-06T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const NEW_A = '天津新名称科技有限公司';
  const NEW_B = '天津官方更名研究院有限公司';
  let key = 0;
  const idempotencyKey = () => `snapshot-${++key}-${Date.now()}`;

  const publicAwards = async (): Promise<PublicAward[]> =>
    (await http().get(`/api/v1/public/tenants/${TENANT}/publicities/${publicityId}`).expect(200)).body.awards as PublicAward[];

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: 50 } };
    app = await createApp(config, { clock });
    await createTenant(db, { id: TENANT, divisionCode: '120000', districts: [{ code: HEPING, nameZh: '和平区' }] });
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
    cityFinance = await login(app, await createUser(db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    orgA = await createOrganization(db, { tenantId: TENANT, districtCode: HEPING, name: '天津原名称标准有限公司' });
    orgB = await createOrganization(db, { tenantId: TENANT, districtCode: HEPING, name: '天津原名称研究院有限公司' });
    applicantA = await login(app, await createOrganizationAdministrator(db, orgA));
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'tianjin-2021', year: 2024, status: 'closed', review: reviewSettings({ publicity: { days: 15, unit: 'calendar' } }) })).id;
    for (const org of [orgA, orgB]) {
      const application = await createApplication(db, {
        tenantId: TENANT,
        programId,
        organizationId: org.id,
        districtCode: HEPING,
        status: 'awaiting_decision',
        achievements: [nationalStandardLead('a1'), industryLead],
        submittedAt: new Date('2024-03-20T10:00:00+08:00'),
      });
      applicationIds.push(application.id);
      await http()
        .put(`/api/v1/applications/${application.id}/decision`)
        .set(officer.headers)
        .send({ items: [{ achievementId: 'a1', amountFen: 8_000_000 }, { achievementId: 'a2', amountFen: 4_000_000 }] })
        .expect(200);
    }
    await http().post(`/api/v1/programs/${programId}/decide`).set(officer.headers).send({}).expect(200);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  it("fixes at the decision the organization's name and credit code, and each item's policy label and standard number", async () => {
    const [application] = await rows<{ name: string; uscc: string }>(
      `select decided_organization_name as name, decided_organization_uscc as uscc from applications where id = $1`,
      [applicationIds[0]],
    );
    expect(application).toEqual({ name: orgA.name, uscc: orgA.uscc });
    const [audit] = await rows<{ data: { organization: unknown } }>(`select data from audit_log where entity_id = $1 and action = 'application.decided'`, [applicationIds[0]]);
    expect(audit.data.organization).toEqual({ name: orgA.name, uscc: orgA.uscc });
    const items = await rows<{ achievement_id: string; policy_label: string; standard_no: string; achievement_label: string }>(
      `select achievement_id, policy_label, standard_no, achievement_label from decision_items where application_id = $1 order by achievement_id`,
      [applicationIds[0]],
    );
    expect(items).toEqual([
      { achievement_id: 'a1', policy_label: '主导制定国家标准', standard_no: 'GB/T 40001-2023', achievement_label: 'GB/T 40001-2023' },
      { achievement_id: 'a2', policy_label: '主导制定行业标准', standard_no: 'HG/T 50002-2023', achievement_label: 'HG/T 50002-2023' },
    ]);
  });

  it('publishes the policy label with the standard number, not what the applicant typed', async () => {
    const opened = await http().post(`/api/v1/programs/${programId}/publicity`).set(officer.headers).send({ startsOn: '2024-05-06' }).expect(201);
    publicityId = opened.body.id;
    const award = (await publicAwards()).find((a) => a.applicationId === applicationIds[0])!;
    expect(award).toMatchObject({ applicantName: orgA.name, creditCode: orgA.uscc });
    expect(award.items).toEqual([
      { item: '主导制定国家标准（GB/T 40001-2023）', policyItem: '主导制定国家标准', standardNo: 'GB/T 40001-2023', article: '第七条', amountFen: 8_000_000 },
      { item: '主导制定行业标准（HG/T 50002-2023）', policyItem: '主导制定行业标准', standardNo: 'HG/T 50002-2023', article: '第七条', amountFen: 4_000_000 },
    ]);
  });

  it('holds the applicant\'s rename during publicity as a request, and an approved rename changes the organization only', async () => {
    const held = await http().patch(`/api/v1/organizations/${orgA.id}`).set(applicantA.headers).send({ name: NEW_A }).expect(202);
    expect(held.body).toMatchObject({ organizationId: orgA.id, currentName: orgA.name, requestedName: NEW_A, status: 'pending' });
    expect((await http().get(`/api/v1/organizations/${orgA.id}`).set(applicantA.headers).expect(200)).body.name).toBe(orgA.name);
    await http().post(`/api/v1/organization-rename-requests/${held.body.id}/approve`).set(officer.headers).send({ reason: '已核对市场监管部门变更登记通知书' }).expect(200);
    expect((await http().get(`/api/v1/organizations/${orgA.id}`).set(applicantA.headers).expect(200)).body.name).toBe(NEW_A);
    // A program officer's own rename applies at once.
    expect((await http().patch(`/api/v1/organizations/${orgB.id}`).set(officer.headers).send({ name: NEW_B }).expect(200)).body.name).toBe(NEW_B);
    // The application itself shows the organization as it is now; the published record does not.
    expect((await http().get(`/api/v1/applications/${applicationIds[0]}`).set(officer.headers).expect(200)).body.organizationName).toBe(NEW_A);
  });

  it('leaves the public list (JSON and xlsx) and the decision list as they were decided', async () => {
    const awards = await publicAwards();
    expect(awards.map((a) => a.applicantName).sort()).toEqual([orgA.name, orgB.name].sort());
    const xlsx = await http()
      .get(`/api/v1/public/tenants/${TENANT}/publicities/${publicityId}/list.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Buffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    expect(cells).toEqual(expect.arrayContaining([orgA.name, orgB.name, '主导制定国家标准（GB/T 40001-2023）']));
    expect(cells.join('|')).not.toContain(NEW_A);
    expect(cells.join('|')).not.toContain(NEW_B);

    const decisionList = (await http().get(`/api/v1/programs/${programId}/decision-list`).set(officer.headers).expect(200)).body;
    expect(decisionList.applications.map((a: { organization: { name: string } }) => a.organization.name).sort()).toEqual([orgA.name, orgB.name].sort());
    expect(decisionList.applications[0].items[0]).toMatchObject({ label: '主导制定国家标准（GB/T 40001-2023）', policyLabel: '主导制定国家标准', standardNo: 'GB/T 40001-2023' });
  });

  it('hands over and gives finance the decided names in the approved list, the intake and the share list', async () => {
    worker = await createWorker(config, { clock });
    clock.set(new Date('2024-05-21T00:00:00+08:00'));
    await waitFor('the publicity to close', async () => (await rows<{ status: string }>(`select status from programs where id = $1`, [programId]))[0].status === 'publicized');
    await http().post(`/api/v1/programs/${programId}/hand-over`).set(officer.headers).expect(200);

    const approved = (await http().get(`/api/v1/programs/${programId}/approved-list`).set(cityFinance.headers).expect(200)).body;
    expect(approved.applications.map((a: { organization: { name: string; uscc: string } }) => a.organization).sort((x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name))).toEqual(
      [
        { id: orgA.id, name: orgA.name, uscc: orgA.uscc },
        { id: orgB.id, name: orgB.name, uscc: orgB.uscc },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    );

    const base = `/api/v1/finance/programs/${programId}`;
    await http().put(`${base}/budget`).set(cityFinance.headers).set('Idempotency-Key', idempotencyKey()).send({ payer: 'city', amountFen: 100_000_000 }).expect(200);
    await http().post(`${base}/intake`).set(cityFinance.headers).set('Idempotency-Key', idempotencyKey()).expect(200);
    const shares = (await http().get(`${base}/shares`).set(cityFinance.headers).expect(200)).body.shares as Array<{ applicationId: string; organizationName: string }>;
    expect(shares.length).toBeGreaterThan(0);
    expect(new Set(shares.map((s) => s.organizationName))).toEqual(new Set([orgA.name, orgB.name]));

    // And the public list still reads as published.
    expect((await publicAwards()).map((a) => a.applicantName).sort()).toEqual([orgA.name, orgB.name].sort());
  });
});

/** While an application is between submission and a terminal status, an applicant's rename waits for a program officer. */
describe('rename requests while an application is in the workflow', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let reviewer: Session;
  let otherOfficer: Session;
  const clock = new ManualClock(new Date('2024-04-02T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  let programId: string;

  async function organizationWith(status: 'district_review' | 'draft' | 'handed_over' | 'withdrawn' | null) {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: HEPING });
    const applicant = await login(app, await createOrganizationAdministrator(db, org));
    if (status) await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: HEPING, status });
    return { org, applicant };
  }

  const nameOf = async (id: string) => (await rows<{ name: string }>(`select name from organizations where id = $1`, [id]))[0].name;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, divisionCode: '120000', districts: [{ code: HEPING, nameZh: '和平区' }] });
    const other = await createTenant(db);
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
    reviewer = await login(app, await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: HEPING }));
    otherOfficer = await login(app, await createUser(db, { tenantId: other.id, role: 'program_officer' }));
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'tianjin-2021', year: 2024 })).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('renames at once an organization whose applications are drafts or finished', async () => {
    for (const status of [null, 'draft', 'handed_over', 'withdrawn'] as const) {
      const { org, applicant } = await organizationWith(status);
      const renamed = await http().patch(`/api/v1/organizations/${org.id}`).set(applicant.headers).send({ name: `直接更名${status ?? 'none'}有限公司` }).expect(200);
      expect(renamed.body).toMatchObject({ id: org.id, name: `直接更名${status ?? 'none'}有限公司` });
    }
  });

  it('turns the rename into a request an officer rejects with a reason, audited, leaving the name', async () => {
    const { org, applicant } = await organizationWith('district_review');
    const held = await http().patch(`/api/v1/organizations/${org.id}`).set(applicant.headers).send({ name: '申请中更名有限公司' }).expect(202);
    expect(held.body).toMatchObject({ organizationId: org.id, currentName: org.name, requestedName: '申请中更名有限公司', status: 'pending', decidedBy: null });
    expect(await nameOf(org.id)).toBe(org.name);

    const again = await http().patch(`/api/v1/organizations/${org.id}`).set(applicant.headers).send({ name: '再次更名有限公司' }).expect(409);
    expect(again.body.code).toBe('rename_request_pending');
    expect(again.body.details[0].path).toBe('name');

    const pending = (await http().get('/api/v1/organization-rename-requests').set(officer.headers).expect(200)).body.items as Array<{ id: string }>;
    expect(pending.map((r) => r.id)).toContain(held.body.id);
    const own = (await http().get('/api/v1/organization-rename-requests?status=all').set(applicant.headers).expect(200)).body.items as Array<{ organizationId: string }>;
    expect(own.map((r) => r.organizationId)).toEqual([org.id]);

    await http().post(`/api/v1/organization-rename-requests/${held.body.id}/reject`).set(applicant.headers).send({ reason: '自己批准' }).expect(403);
    await http().post(`/api/v1/organization-rename-requests/${held.body.id}/reject`).set(reviewer.headers).send({ reason: '区级审核' }).expect(403);
    await http().post(`/api/v1/organization-rename-requests/${held.body.id}/reject`).set(otherOfficer.headers).send({ reason: '别的城市' }).expect(404);
    const blank = await http().post(`/api/v1/organization-rename-requests/${held.body.id}/reject`).set(officer.headers).send({ reason: '   ' }).expect(400);
    expect(blank.body.details[0].path).toBe('reason');

    const rejected = await http().post(`/api/v1/organization-rename-requests/${held.body.id}/reject`).set(officer.headers).send({ reason: '未提供变更登记证明' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '未提供变更登记证明' });
    expect(await nameOf(org.id)).toBe(org.name);
    const twice = await http().post(`/api/v1/organization-rename-requests/${held.body.id}/approve`).set(officer.headers).send({ reason: '改主意了' }).expect(409);
    expect(twice.body.code).toBe('rename_request_decided');

    const audit = await rows<{ action: string; reason: string | null }>(
      `select action, reason from audit_log where tenant_id = $1 and (entity_id = $2 or entity_id = $3) order by seq`,
      [TENANT, org.id, held.body.id],
    );
    expect(audit).toEqual([
      { action: 'organization.rename-requested', reason: null },
      { action: 'organization.rename-request-rejected', reason: '未提供变更登记证明' },
    ]);
    const told = await rows<{ kind: string }>(`select kind from notifications where organization_id = $1 order by created_at`, [org.id]);
    expect(told.map((n) => n.kind)).toContain('organization.rename-rejected');
  });

  it('applies the new name when an officer approves the request, audited with the reason', async () => {
    const { org, applicant } = await organizationWith('district_review');
    const held = await http().patch(`/api/v1/organizations/${org.id}`).set(applicant.headers).send({ name: '批准后新名称有限公司' }).expect(202);
    const officers = await rows<{ kind: string }>(`select n.kind from notifications n join users u on u.id = n.user_id where u.role = 'program_officer' and n.entity_id = $1`, [org.id]);
    expect(officers.map((n) => n.kind)).toContain('organization.rename-requested');
    const approved = await http().post(`/api/v1/organization-rename-requests/${held.body.id}/approve`).set(officer.headers).send({ reason: '已核对变更登记通知书' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionReason: '已核对变更登记通知书' });
    expect(await nameOf(org.id)).toBe('批准后新名称有限公司');
    const audit = await rows<{ action: string; data: Record<string, unknown> }>(
      `select action, data from audit_log where tenant_id = $1 and action in ('organization.renamed', 'organization.rename-request-approved') and (entity_id = $2 or entity_id = $3) order by seq`,
      [TENANT, org.id, held.body.id],
    );
    expect(audit).toEqual([
      { action: 'organization.rename-request-approved', data: { from: 'pending', to: 'approved', organizationId: org.id } },
      { action: 'organization.renamed', data: { from: org.name, to: '批准后新名称有限公司', requestId: held.body.id } },
    ]);
    // No longer pending: a new rename may be requested.
    expect(((await http().get('/api/v1/organization-rename-requests').set(officer.headers).expect(200)).body.items as Array<{ id: string }>).map((r) => r.id)).not.toContain(held.body.id);
    await http().patch(`/api/v1/organizations/${org.id}`).set(applicant.headers).send({ name: '第二次更名有限公司' }).expect(202);
  });
});
