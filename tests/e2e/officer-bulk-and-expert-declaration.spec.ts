import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { ReviewSettings } from '@subsidy/workflow';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
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
  reviewSettings,
  Session,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'weihai';
const HUANCUI = '371002';

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * The web application's officer and expert operations that the API now carries itself (issue 10): 批量分配 (the
 * single reassignment applied per application, each audited on its own, one outcome per id), 批量导出 (the program's
 * applications as xlsx with Chinese headers and yuan amounts), the expert's no-conflict declaration recorded by the
 * API and required before the documents or the score sheet open, and the administrators' staff list with district names.
 */
describe('officer bulk actions, the expert no-conflict declaration, the staff list', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let officerUser: UserFixture;
  let admin: Session;
  let reviewer: UserFixture;
  const experts: Array<UserFixture & { session: Session }> = [];
  const clock = new ManualClock(new Date('2024-05-10T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const programs = { district: '', panel: '' };

  const panelReview: ReviewSettings = reviewSettings({
    stages: { formal_check: false, district_review: false, technical_review: false, expert_review: true },
    panel: { size: 2, quorum: 2, scoringDays: 7, reminderHoursBefore: 24, combine: 'mean', rubric: { criteria: [{ key: 'quality', label: '标准质量', maxPoints: 10000 }] } },
  });

  async function applicationOf(programId: string, status: 'district_review' | 'expert_review' | 'formal_check', name: string, estimateFen: number | null): Promise<string> {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI, name });
    const { id } = await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: HUANCUI, status, stageDueOn: '2024-05-24', achievements: [nationalStandardLead('a1', '2023-06-01')] });
    if (estimateFen !== null) await asSuperuser(db, (c) => c.query(`update applications set estimate_total_fen = $2 where id = $1`, [id, estimateFen]));
    return id;
  }

  const audits = async (action: string, entityId: string) =>
    (await asSuperuser(db, (c) => c.query<{ actor_id: string; reason: string | null; data: Record<string, unknown> }>(`select actor_id, reason, data from audit_log where action = $1 and entity_id = $2 order by seq`, [action, entityId]))).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: HUANCUI, nameZh: '环翠区' }] });
    officerUser = await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '王主管' });
    officer = await login(app, officerUser);
    admin = await login(app, await createUser(db, { tenantId: TENANT, role: 'tenant_admin', displayName: '李管理' }));
    reviewer = await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: HUANCUI, displayName: '环翠区审核员' });
    programs.district = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', title: '2024年度威海市标准化资助' })).id;
    programs.panel = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: panelReview })).id;
    for (let i = 0; i < 2; i++) {
      const user = await createUser(db, { tenantId: TENANT, role: 'expert' });
      experts.push({ ...user, session: await login(app, user) });
      await http().put(`/api/v1/experts/${user.id}/profile`).set(officer.headers).send({ field: '标准化', affiliatedUsccs: [], active: true }).expect(200);
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('批量分配 and 批量导出', () => {
    const ids = { first: '', second: '', formal: '' };

    beforeAll(async () => {
      ids.first = await applicationOf(programs.district, 'district_review', '威海海洋装备有限公司', 28_500_000);
      ids.second = await applicationOf(programs.district, 'district_review', '威海精密机械有限公司', 1_234_505);
      ids.formal = await applicationOf(programs.district, 'formal_check', '威海形式审查有限公司', null);
    });

    it('reassigns each pending review as the single operation does, and reports each application refused with its reason', async () => {
      const response = await http()
        .post('/api/v1/applications/bulk/reassign')
        .set(officer.headers)
        .send({ applicationIds: [ids.first, ids.formal, ids.second], assigneeId: reviewer.id, reason: '原审核员休假' })
        .expect(200);
      expect(response.body.items).toEqual([
        { id: ids.first, ok: true },
        { id: ids.formal, ok: false, error: { code: 'invalid_state', message: '只有待办的区县初审或技术审查可以改派' } },
        { id: ids.second, ok: true },
      ]);
      const moved = await asSuperuser(db, (c) => c.query<{ id: string; review_assignee_id: string | null }>(`select id, review_assignee_id from applications where id = any($1) order by id`, [[ids.first, ids.second, ids.formal]]));
      expect(Object.fromEntries(moved.rows.map((r) => [r.id, r.review_assignee_id]))).toEqual({ [ids.first]: reviewer.id, [ids.second]: reviewer.id, [ids.formal]: null });
      // One audit record per application, as a single reassignment writes, with the officer and the reason.
      for (const id of [ids.first, ids.second]) {
        expect(await audits('application.review-reassigned', id)).toEqual([expect.objectContaining({ actor_id: officerUser.id, reason: '原审核员休假', data: expect.objectContaining({ stage: 'district_review', to: reviewer.id }) })]);
      }
      expect(await audits('application.review-reassigned', ids.formal)).toEqual([]);
    });

    it('answers each refusal in the reader’s language, and validates the request as a whole', async () => {
      const again = await http()
        .post('/api/v1/applications/bulk/reassign')
        .set({ ...officer.headers, 'Accept-Language': 'en' })
        .send({ applicationIds: [ids.first], assigneeId: reviewer.id, reason: '再次' })
        .expect(200);
      expect(again.body.items).toEqual([{ id: ids.first, ok: false, error: { code: 'validation_failed', message: 'the work is already assigned to this reviewer' } }]);
      const bad = await http().post('/api/v1/applications/bulk/reassign').set(officer.headers).send({ applicationIds: [], assigneeId: reviewer.id, reason: '' }).expect(400);
      expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['applicationIds', 'reason']);
      await http().post('/api/v1/applications/bulk/reassign').set(experts[0].session.headers).send({ applicationIds: [ids.first], assigneeId: reviewer.id, reason: '改派' }).expect(403);
    });

    it('exports the filtered or selected applications as xlsx with Chinese headers and amounts in yuan', async () => {
      const file = await http().get(`/api/v1/programs/${programs.district}/applications/export?status=district_review&sort=organizationName`).set(officer.headers).buffer(true).parse(binary).expect(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2024年度威海市标准化资助申报清单.xlsx')}`);
      const workbook = new Workbook();
      await workbook.xlsx.load(file.body as Buffer);
      const sheet = workbook.worksheets[0];
      const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows[0]).toEqual(['申报单位', '所属区县', '所处环节', '本环节截止日期', '测算金额（元）', '决定金额（元）', '提交日期']);
      expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
        ['威海海洋装备有限公司', '环翠区', '区县初审中', '2024-05-24', 285000],
        ['威海精密机械有限公司', '环翠区', '区县初审中', '2024-05-24', 12345.05],
      ]);
      expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0.00');
      expect(rows[1][6]).toBe('2024-03-20');

      const selected = await http().get(`/api/v1/programs/${programs.district}/applications/export?ids=${ids.second},${ids.formal}`).set(officer.headers).buffer(true).parse(binary).expect(200);
      const chosen = new Workbook();
      await chosen.xlsx.load(selected.body as Buffer);
      expect(chosen.worksheets[0].getColumn(1).values.filter(Boolean).slice(1).sort()).toEqual(['威海形式审查有限公司', '威海精密机械有限公司']);

      await http().get(`/api/v1/programs/${programs.district}/applications/export?ids=not-a-uuid`).set(officer.headers).expect(400);
      await http().get(`/api/v1/programs/${programs.district}/applications/export`).set(experts[0].session.headers).expect(403);
    });
  });

  describe('the expert’s no-conflict declaration', () => {
    let applicationId: string;
    let seated: Array<UserFixture & { session: Session }>;

    beforeAll(async () => {
      applicationId = await applicationOf(programs.panel, 'expert_review', '威海专家评审有限公司', 50_000_000);
      const drawn = await http().post(`/api/v1/applications/${applicationId}/panel`).set(officer.headers).expect(201);
      seated = (drawn.body.members as Array<{ expertId: string }>).map((m) => experts.find((e) => e.id === m.expertId)!);
      expect(seated).toHaveLength(2);
    });

    it('keeps the documents and the score sheet closed, in Chinese, until the expert declares', async () => {
      const [expert] = seated;
      const detail = await http().get(`/api/v1/applications/${applicationId}`).set(expert.session.headers).expect(403);
      expect(detail.body).toMatchObject({ code: 'expert_declaration_required', message: '请先声明您与该申报单位无利益冲突（回避声明），再查阅申报材料或评分' });
      await http().get(`/api/v1/applications/${applicationId}/estimate`).set(expert.session.headers).expect(403);
      const score = await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(expert.session.headers).send({ scores: { quality: 8000 }, amounts: { a1: 40_000_000 } }).expect(403);
      expect(score.body.code).toBe('expert_declaration_required');
      const [assignment] = (await http().get('/api/v1/experts/me/assignments').set(expert.session.headers).expect(200)).body.items;
      expect(assignment).toMatchObject({ applicationId, noConflictDeclaredAt: null });
    });

    it('records who declared and when, once, audited; then the documents and the score sheet open', async () => {
      const [expert] = seated;
      clock.set(new Date('2024-05-10T10:30:00+08:00'));
      const declared = await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert.session.headers).send({ noConflict: true }).expect(200);
      expect(declared.body).toEqual({ applicationId, expertId: expert.id, statement: expect.stringContaining('无利益冲突'), declaredAt: '2024-05-10T02:30:00.000Z' });
      clock.set(new Date('2024-05-10T11:00:00+08:00'));
      const again = await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert.session.headers).send({ noConflict: true }).expect(200);
      expect(again.body.declaredAt).toBe('2024-05-10T02:30:00.000Z');
      expect(await audits('application.expert-no-conflict-declared', applicationId)).toEqual([expect.objectContaining({ actor_id: expert.id, data: expect.objectContaining({ expertId: expert.id }) })]);
      const [assignment] = (await http().get('/api/v1/experts/me/assignments').set(expert.session.headers).expect(200)).body.items;
      expect(assignment.noConflictDeclaredAt).toBe('2024-05-10T02:30:00.000Z');

      await http().get(`/api/v1/applications/${applicationId}`).set(expert.session.headers).expect(200);
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(expert.session.headers).send({ scores: { quality: 8000 }, amounts: { a1: 40_000_000 } }).expect(200);
      // The other member has not declared: still closed to them.
      await http().get(`/api/v1/applications/${applicationId}`).set(seated[1].session.headers).expect(403);
    });

    it('takes only noConflict: true, only from an expert on the panel', async () => {
      const bad = await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(seated[1].session.headers).send({ noConflict: false }).expect(400);
      expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['noConflict']);
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(officer.headers).send({ noConflict: true }).expect(403);
      const outsider = await login(app, await createUser(db, { tenantId: TENANT, role: 'expert' }));
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(outsider.headers).send({ noConflict: true }).expect(403);
      expect((await asSuperuser(db, (c) => c.query(`select expert_id from expert_declarations where application_id = $1`, [applicationId]))).rows).toEqual([{ expert_id: seated[0].id }]);
    });
  });

  it("lists the tenant's staff without applicant accounts, with each district's name", async () => {
    await createOrganizationAdministrator(db, await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI }));
    const page = await http().get('/api/v1/users?staff=true&sort=displayName&pageSize=50').set(admin.headers).expect(200);
    const items = page.body.items as Array<{ role: string; displayName: string; districtName: string | null }>;
    expect(items.every((u) => u.role !== 'applicant')).toBe(true);
    expect(items.find((u) => u.role === 'district_reviewer')).toMatchObject({ displayName: '环翠区审核员', districtName: '环翠区' });
    expect(Number(page.headers['x-total-count'])).toBe(items.length);
  });
});
