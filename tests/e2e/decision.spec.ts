import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { Workbook } from 'exceljs';
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
  nationalStandardLead,
  OrganizationFixture,
  ProgramFixture,
  Session,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const industryStandardLead = (id = 'a2') => ({
  id,
  type: 'standard',
  level: 'industry',
  action: 'formulate',
  role: 'lead',
  draftingRank: 1,
  standardNo: `HG/T ${50000 + Number(id.replace(/\D/g, '') || 0)}-2023`,
  publishedOn: '2023-06-01',
});

/** Tianjin pays fixed amounts (national lead 80 000 yuan, industry lead 40 000); Foshan pays up to a ceiling (500 000 / 300 000). */
const TIANJIN = { national: 8_000_000, industry: 4_000_000 };
const FOSHAN = { national: 50_000_000, industry: 30_000_000 };

describe('decision over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let tjOfficer: UserFixture;
  let fsOfficer: UserFixture;
  let tj: Session;
  let fs: Session;
  let tjOrgs: OrganizationFixture[];
  let fsOrgs: OrganizationFixture[];
  const clock = new ManualClock(new Date('2024-05-06T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'tianjin', divisionCode: '120000', districts: [{ code: '120101', nameZh: '和平区' }, { code: '120102', nameZh: '河东区' }] });
    await createTenant(db, { id: 'foshan', divisionCode: '440600', districts: [{ code: '440604', nameZh: '禅城区' }, { code: '440605', nameZh: '南海区' }] });
    tjOfficer = await createUser(db, { tenantId: 'tianjin', role: 'program_officer' });
    fsOfficer = await createUser(db, { tenantId: 'foshan', role: 'program_officer' });
    tj = await login(app, tjOfficer);
    fs = await login(app, fsOfficer);
    tjOrgs = [];
    fsOrgs = [];
    for (let i = 0; i < 4; i++) {
      tjOrgs.push(await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101', name: `天津测试企业${i}有限公司` }));
      fsOrgs.push(await createOrganization(db, { tenantId: 'foshan', districtCode: '440604', name: `佛山测试企业${i}有限公司` }));
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const tianjinProgram = (spec: Partial<Parameters<typeof createProgram>[1]> = {}) =>
    createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', year: 2024, status: 'closed', ...spec });
  const foshanProgram = (spec: Partial<Parameters<typeof createProgram>[1]> = {}) =>
    createProgram(db, {
      tenantId: 'foshan',
      policyId: 'foshan-2018',
      year: 2023,
      status: 'closed',
      opensAt: new Date('2023-03-01T00:00:00+08:00'),
      closesAt: new Date('2023-03-31T23:59:59+08:00'),
      ...spec,
    });
  const awaiting = (program: ProgramFixture, org: OrganizationFixture, achievements = [nationalStandardLead('a1'), industryStandardLead('a2')]) =>
    createApplication(db, {
      tenantId: program.tenantId,
      programId: program.id,
      organizationId: org.id,
      districtCode: org.districtCode,
      status: 'awaiting_decision',
      achievements,
      submittedAt: new Date(program.tenantId === 'foshan' ? '2023-03-20T10:00:00+08:00' : '2024-03-20T10:00:00+08:00'),
    });
  const decide = (session: Session, applicationId: string, items: Array<{ achievementId: string; amountFen: number; reason?: string }>) =>
    http().put(`/api/v1/applications/${applicationId}/decision`).set(session.headers).send({ items });
  const row = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  // New applicant organizations for a test's program: the same organization's standards decided in an earlier program of
  // this file would be earlier awards of the same things (no double funding), which these tests are not about.
  let orgRound = 0;
  const freshOrganizations = async (): Promise<void> => {
    orgRound += 1;
    tjOrgs = [];
    fsOrgs = [];
    for (let i = 0; i < 4; i++) {
      tjOrgs.push(await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101', name: `天津测试企业${orgRound}-${i}有限公司` }));
      fsOrgs.push(await createOrganization(db, { tenantId: 'foshan', districtCode: '440604', name: `佛山测试企业${orgRound}-${i}有限公司` }));
    }
  };

  describe('deciding one application', () => {
    it('records each item within its ceiling, the proposal from the review and the total', async () => {
      const program = await foshanProgram();
      const application = await awaiting(program, fsOrgs[0]);
      await asSuperuser(db, (c) =>
        c.query(
          `insert into item_opinions (tenant_id, application_id, achievement_id, stage, author_id, opinion, amount_fen) values ('foshan', $1, 'a1', 'technical_review', $2, 'reduce', 35000000)`,
          [application.id, fsOfficer.id],
        ),
      );
      const response = await decide(fs, application.id, [
        { achievementId: 'a1', amountFen: 40_000_000, reason: '经费核定' },
        { achievementId: 'a2', amountFen: FOSHAN.industry },
      ]).expect(200);
      expect(response.body).toMatchObject({ status: 'decided', decidedTotalFen: 70_000_000 });
      const items = await row(
        `select achievement_id, ceiling_fen::int as ceiling, basis, article, proposed_fen::int as proposed, decided_fen::int as decided, reason
           from decision_items where application_id = $1 order by achievement_id`,
        [application.id],
      );
      expect(items).toEqual([
        { achievement_id: 'a1', ceiling: FOSHAN.national, basis: 'ceiling', article: '第八条第（二）项', proposed: 35_000_000, decided: 40_000_000, reason: '经费核定' },
        { achievement_id: 'a2', ceiling: FOSHAN.industry, basis: 'ceiling', article: '第八条第（三）项', proposed: FOSHAN.industry, decided: FOSHAN.industry, reason: null },
      ]);
      const [app] = await row<{ status: string; total: string }>(`select status, decided_total_fen::text as total from applications where id = $1`, [application.id]);
      expect(app).toEqual({ status: 'decided', total: '70000000' });
      const audit = await row<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [application.id]);
      expect(audit.map((a) => a.action)).toContain('application.decided');
    });

    it('refuses an amount above the ceiling with 400 naming items[i].amountFen and changes nothing', async () => {
      const program = await foshanProgram();
      const application = await awaiting(program, fsOrgs[1]);
      const response = await decide(fs, application.id, [
        { achievementId: 'a1', amountFen: 1_000 },
        { achievementId: 'a2', amountFen: FOSHAN.industry + 1 },
      ]).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details).toEqual([{ path: 'items[1].amountFen', message: expect.stringContaining('超过该项的上限') }]);
      const [app] = await row<{ status: string }>(`select status from applications where id = $1`, [application.id]);
      expect(app.status).toBe('awaiting_decision');
      expect(await row(`select 1 from decision_items where application_id = $1`, [application.id])).toHaveLength(0);
    });

    it('takes the ceilings from the estimate stored at submission when it was made under the program policy text', async () => {
      const program = await foshanProgram();
      const [{ hash }] = await row<{ hash: string }>(`select policy_hash as hash from programs where id = $1`, [program.id]);
      const application = await awaiting(program, fsOrgs[3]);
      const storedEstimate = (policyHash: string) => ({
        applicationDate: '2023-03-20',
        programYear: 2023,
        policy: { id: 'foshan-2018', hash: policyHash },
        totalFen: 20_000_000,
        // e.g. a prior award reduced the national standard's ceiling at submission
        items: [
          { achievementId: 'a1', itemId: 'x', outcome: 'awarded', amountFen: 20_000_000, basis: 'ceiling', article: '第八条第（二）项', reasons: [], trace: [] },
          { achievementId: 'a2', itemId: null, outcome: 'rejected', amountFen: 0, basis: null, article: null, reasons: ['already_funded'], trace: [] },
        ],
      });
      await asSuperuser(db, (c) => c.query(`update applications set estimate = $2 where id = $1`, [application.id, JSON.stringify(storedEstimate(hash))]));
      const above = await decide(fs, application.id, [{ achievementId: 'a1', amountFen: 20_000_001 }, { achievementId: 'a2', amountFen: 1 }]).expect(400);
      expect(above.body.details.map((d: { path: string }) => d.path)).toEqual(['items[0].amountFen', 'items[1].amountFen']);
      // An estimate from another policy text is not trusted: the program's policy is evaluated afresh.
      await asSuperuser(db, (c) => c.query(`update applications set estimate = $2 where id = $1`, [application.id, JSON.stringify(storedEstimate('0'.repeat(64)))]));
      const fresh = await decide(fs, application.id, [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: 1, reason: '象征性资助' }]).expect(200);
      expect(fresh.body.items.map((i: { ceilingFen: number }) => i.ceilingFen)).toEqual([FOSHAN.national, FOSHAN.industry]);
    });

    it('names unknown and missing achievements and rejects malformed amounts', async () => {
      const program = await foshanProgram();
      const application = await awaiting(program, fsOrgs[2]);
      const unknown = await decide(fs, application.id, [{ achievementId: 'zz', amountFen: 1 }]).expect(400);
      expect(unknown.body.details.map((d: { path: string }) => d.path)).toEqual(['items[0].achievementId', 'items']);
      const floaty = await decide(fs, application.id, [{ achievementId: 'a1', amountFen: 1.5 }, { achievementId: 'a2', amountFen: 0 }]).expect(400);
      expect(floaty.body.details[0].path).toBe('items[0].amountFen');
    });

    it('a fixed-amount item is its fixed amount or 0', async () => {
      const program = await tianjinProgram();
      const application = await awaiting(program, tjOrgs[0]);
      const partial = await decide(tj, application.id, [
        { achievementId: 'a1', amountFen: 5_000_000 },
        { achievementId: 'a2', amountFen: TIANJIN.industry },
      ]).expect(400);
      expect(partial.body.details).toEqual([{ path: 'items[0].amountFen', message: expect.stringContaining('固定金额 80000.00 元') }]);
      const ok = await decide(tj, application.id, [
        { achievementId: 'a1', amountFen: TIANJIN.national },
        { achievementId: 'a2', amountFen: 0, reason: '行业标准未在本年度发布' },
      ]).expect(200);
      expect(ok.body).toMatchObject({ status: 'decided', decidedTotalFen: TIANJIN.national });
      expect(ok.body.items.map((i: { basis: string }) => i.basis)).toEqual(['fixed', 'fixed']);
    });

    it('all items at 0 rejects the application, which needs a reason', async () => {
      const program = await tianjinProgram();
      const application = await awaiting(program, tjOrgs[1]);
      const noReason = await decide(tj, application.id, [
        { achievementId: 'a1', amountFen: 0 },
        { achievementId: 'a2', amountFen: 0 },
      ]).expect(400);
      expect(noReason.body.details[0].path).toBe('items[0].reason');
      await decide(tj, application.id, [
        { achievementId: 'a1', amountFen: 0, reason: '材料不实' },
        { achievementId: 'a2', amountFen: 0 },
      ]).expect(200);
      const [app] = await row<{ status: string; total: string }>(`select status, decided_total_fen::text as total from applications where id = $1`, [application.id]);
      expect(app).toEqual({ status: 'rejected', total: '0' });
      const [audit] = await row<{ reason: string }>(`select reason from audit_log where entity_id = $1 and action = 'application.rejected'`, [application.id]);
      expect(audit.reason).toBe('材料不实');
    });

    it('waits for a batch program to close, but a rolling one decides case by case while open; only officers decide', async () => {
      const batch = await tianjinProgram({ status: 'open' });
      const early = await awaiting(batch, tjOrgs[2]);
      const refused = await decide(tj, early.id, [{ achievementId: 'a1', amountFen: 0, reason: 'x' }, { achievementId: 'a2', amountFen: 0 }]).expect(409);
      expect(refused.body.code).toBe('invalid_state');
      const rolling = await tianjinProgram({ status: 'open', windowKind: 'rolling' });
      const caseByCase = await awaiting(rolling, tjOrgs[2]);
      await decide(tj, caseByCase.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: TIANJIN.industry }]).expect(200);
      const reviewer = await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
      const reviewerSession = await login(app, reviewer);
      await decide(reviewerSession, early.id, [{ achievementId: 'a1', amountFen: 0 }]).expect(403);
      // Another tenant's officer does not even see the application.
      await decide(fs, early.id, [{ achievementId: 'a1', amountFen: 0, reason: 'x' }, { achievementId: 'a2', amountFen: 0 }]).expect(404);
    });
  });

  describe('deciding a program under its budget rule', () => {
    beforeEach(freshOrganizations);

    it('refuses while an application is still in review', async () => {
      const program = await foshanProgram();
      await awaiting(program, fsOrgs[0]);
      const response = await http().post(`/api/v1/programs/${program.id}/decide`).set(fs.headers).send({}).expect(409);
      expect(response.body.message).toMatch(/在审查中或待审定/);
    });

    it('decides a rolling program while open only when the office says so', async () => {
      const program = await tianjinProgram({ status: 'open', windowKind: 'rolling' });
      const application = await awaiting(program, tjOrgs[3]);
      await decide(tj, application.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: TIANJIN.industry }]).expect(200);
      const unconfirmed = await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({}).expect(409);
      expect(unconfirmed.body.message).toMatch(/如需现在审定请确认/);
      await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({ decideWhileOpen: 'yes' }).expect(400);
      const response = await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({ decideWhileOpen: true }).expect(200);
      expect(response.body).toMatchObject({ scaled: false, allocatedFen: 12_000_000, applications: [{ applicationId: application.id, allocatedFen: 12_000_000, status: 'decided' }] });
      await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({ decideWhileOpen: true }).expect(409);
    });

    it('pro rata: scales every award and every item to the budget, adding up to the fen', async () => {
      const budget = 100_000_001;
      const program = await foshanProgram({ budgetTotalFen: budget, budgetRule: 'pro_rata' });
      const decisions: Array<[number, number]> = [
        [FOSHAN.national, FOSHAN.industry],
        [33_333_333, 0],
        [FOSHAN.national, 12_345_679],
      ];
      const ids: string[] = [];
      for (const [index, [a1, a2]] of decisions.entries()) {
        const application = await awaiting(program, fsOrgs[index]);
        ids.push(application.id);
        // Below the proposal (the ceiling: no review opinion) needs the item's reason.
        const because = (amount: number, ceiling: number) => (amount === 0 ? { reason: '不予支持' } : amount < ceiling ? { reason: '经费核定' } : {});
        await decide(fs, application.id, [
          { achievementId: 'a1', amountFen: a1, ...because(a1, FOSHAN.national) },
          { achievementId: 'a2', amountFen: a2, ...because(a2, FOSHAN.industry) },
        ]).expect(200);
      }
      const response = await http().post(`/api/v1/programs/${program.id}/decide`).set(fs.headers).send({}).expect(200);
      expect(response.body).toMatchObject({ rule: 'pro_rata', budgetFen: budget, requestedFen: 175_679_012, allocatedFen: budget, unallocatedFen: 0, scaled: true });
      const allocations = response.body.applications as Array<{ applicationId: string; allocatedFen: number; requestedFen: number }>;
      expect(allocations.reduce((s, a) => s + a.allocatedFen, 0)).toBe(budget);
      const items = await row<{ application_id: string; decided: string; reason: string | null }>(
        `select application_id, decided_fen::text as decided, reason from decision_items where application_id = any($1)`,
        [ids],
      );
      expect(items.reduce((s, i) => s + BigInt(i.decided), 0n)).toBe(BigInt(budget));
      for (const allocation of allocations) {
        const own = items.filter((i) => i.application_id === allocation.applicationId);
        expect(own.reduce((s, i) => s + BigInt(i.decided), 0n)).toBe(BigInt(allocation.allocatedFen));
        const [app] = await row<{ total: string; status: string }>(`select decided_total_fen::text as total, status from applications where id = $1`, [allocation.applicationId]);
        expect(app).toEqual({ total: String(allocation.allocatedFen), status: 'decided' });
      }
      expect(items.filter((i) => i.decided !== '0').every((i) => i.reason === 'scaled pro rata to the budget')).toBe(true);
      const [programRow] = await row<{ status: string; decided_at: Date | null }>(`select status, decided_at from programs where id = $1`, [program.id]);
      expect(programRow.status).toBe('decided');
      expect(programRow.decided_at).not.toBeNull();
      const [audit] = await row<{ reason: string; data: { scaled: boolean } }>(`select reason, data from audit_log where entity_id = $1 and action = 'program.decided'`, [program.id]);
      expect(audit).toMatchObject({ reason: 'scaled pro rata to the budget', data: { scaled: true } });
    });

    it('rank order: funds in rank order and cuts as configured (no partial award), rejecting the rest', async () => {
      const program = await tianjinProgram({ budgetTotalFen: 15_000_000, budgetRule: 'rank_order' });
      const first = await awaiting(program, tjOrgs[0]);
      const second = await awaiting(program, tjOrgs[1]);
      const third = await awaiting(program, tjOrgs[2], [industryStandardLead('a2')]);
      await decide(tj, first.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: TIANJIN.industry }]).expect(200);
      await decide(tj, second.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: 0, reason: '重复' }]).expect(200);
      await decide(tj, third.id, [{ achievementId: 'a2', amountFen: TIANJIN.industry }]).expect(200);
      // The office ranked the smallest award first.
      await asSuperuser(db, (c) => c.query(`update applications set rank = 1 where id = $1`, [third.id]));
      const response = await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({ partialLast: false }).expect(200);
      const byId = new Map((response.body.applications as Array<{ applicationId: string; allocatedFen: number; rank: number; status: string }>).map((a) => [a.applicationId, a]));
      expect(byId.get(third.id)).toMatchObject({ rank: 1, allocatedFen: TIANJIN.industry, status: 'decided' });
      expect(byId.get(first.id)).toMatchObject({ rank: 2, allocatedFen: 0, status: 'rejected' });
      expect(byId.get(second.id)).toMatchObject({ rank: 3, allocatedFen: 0, status: 'rejected' });
      expect(response.body).toMatchObject({ allocatedFen: TIANJIN.industry, unallocatedFen: 15_000_000 - TIANJIN.industry });
      const [cut] = await row<{ status: string }>(`select status from applications where id = $1`, [first.id]);
      expect(cut.status).toBe('rejected');
      const reasons = await row<{ reason: string }>(`select reason from decision_items where application_id = $1 and achievement_id = 'a1'`, [first.id]);
      expect(reasons[0].reason).toBe('funded in rank order until the budget ran out');
    });

    it('rank order with the default partial last award gives the first that does not fit what is left', async () => {
      const program = await tianjinProgram({ budgetTotalFen: 10_000_000, budgetRule: 'rank_order' });
      const big = await awaiting(program, tjOrgs[0]);
      const small = await awaiting(program, tjOrgs[1]);
      await decide(tj, big.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: TIANJIN.industry }]).expect(200);
      await decide(tj, small.id, [{ achievementId: 'a1', amountFen: TIANJIN.national }, { achievementId: 'a2', amountFen: 0, reason: '重复' }]).expect(200);
      const response = await http().post(`/api/v1/programs/${program.id}/decide`).set(tj.headers).send({}).expect(200);
      const byId = new Map((response.body.applications as Array<{ applicationId: string; allocatedFen: number }>).map((a) => [a.applicationId, a.allocatedFen]));
      // By decided total: the 120 000-yuan award first, cut to the 100 000 yuan budget; its items split 2:1 to the fen.
      expect(byId.get(big.id)).toBe(10_000_000);
      expect(byId.get(small.id)).toBe(0);
      const items = await row<{ achievement_id: string; decided: string }>(`select achievement_id, decided_fen::text as decided from decision_items where application_id = $1 order by achievement_id`, [big.id]);
      expect(items).toEqual([
        { achievement_id: 'a1', decided: '6666667' },
        { achievement_id: 'a2', decided: '3333333' },
      ]);
    });
  });

  describe('decision list', () => {
    let program: ProgramFixture;

    beforeAll(async () => {
      await freshOrganizations();
      program = await foshanProgram({ title: '2023年度佛山标准化资助' });
      const one = await awaiting(program, fsOrgs[0]);
      const two = await awaiting(program, fsOrgs[1], [nationalStandardLead('a1')]);
      await decide(fs, one.id, [{ achievementId: 'a1', amountFen: 12_345_678, reason: '经费核定' }, { achievementId: 'a2', amountFen: 5, reason: '经费核定' }]).expect(200);
      await decide(fs, two.id, [{ achievementId: 'a1', amountFen: FOSHAN.national }]).expect(200);
    });

    it('lists the decided applications with items, articles and totals as JSON', async () => {
      const response = await http().get(`/api/v1/programs/${program.id}/decision-list`).set(fs.headers).expect(200);
      expect(response.body.program).toMatchObject({ id: program.id, title: '2023年度佛山标准化资助' });
      expect(response.body.totalFen).toBe(12_345_678 + 5 + FOSHAN.national);
      const first = response.body.applications.find((a: { organization: { id: string } }) => a.organization.id === fsOrgs[0].id);
      expect(first).toMatchObject({
        status: 'decided',
        organization: { name: fsOrgs[0].name, uscc: fsOrgs[0].uscc },
        district: { code: '440604', name: '禅城区' },
        decidedTotalFen: 12_345_683,
        items: [
          { achievementId: 'a1', label: '主导制定国家标准（GB/T 40001-2023）', policyLabel: '主导制定国家标准', standardNo: 'GB/T 40001-2023', article: '第八条第（二）项', basis: 'ceiling', ceilingFen: FOSHAN.national, proposedFen: FOSHAN.national, decidedFen: 12_345_678, reason: '经费核定' },
          { achievementId: 'a2', label: '主导制定行业标准（HG/T 50002-2023）', policyLabel: '主导制定行业标准', standardNo: 'HG/T 50002-2023', article: '第八条第（三）项', decidedFen: 5 },
        ],
      });
      await http().get(`/api/v1/programs/${program.id}/decision-list`).set(tj.headers).expect(404);
    });

    it('exports the same list as xlsx with yuan amounts written from integer fen', async () => {
      const response = await http()
        .get(`/api/v1/programs/${program.id}/decision-list.xlsx`)
        .set(fs.headers)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new Workbook();
      await workbook.xlsx.load(response.body as Buffer);
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (typeof v === 'number' ? v : String(v)))));
      expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.00');
      expect(rows[0]).toEqual(['申请单位', '统一社会信用代码', '所属区', '资助项目', '依据条款', '资助金额（元）']);
      expect(rows).toContainEqual([fsOrgs[0].name, fsOrgs[0].uscc, '禅城区', '主导制定国家标准（GB/T 40001-2023）', '第八条第（二）项', 123456.78]);
      expect(rows).toContainEqual([fsOrgs[0].name, fsOrgs[0].uscc, '禅城区', '主导制定行业标准（HG/T 50002-2023）', '第八条第（三）项', 0.05]);
      expect(rows).toContainEqual([fsOrgs[1].name, fsOrgs[1].uscc, '禅城区', '主导制定国家标准（GB/T 40001-2023）', '第八条第（二）项', 500000]);
      expect(rows[rows.length - 1]).toEqual(['合计', '', '', '', '', 623456.83]);
    });
  });
});
