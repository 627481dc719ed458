import { INestApplication } from '@nestjs/common';
import { verifyAuditChain } from '@subsidy/audit';
import { ManualClock } from '@subsidy/calendar';
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
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Foshan 第十三条 (seed 002 line 4394): 根据专家评审结果，由市质监局提出资金分配具体额度，报市人民政府批准后，由市财政局统一
 * 拨付至项目单位. The program office records the city government's approval between publicity and hand-over; the
 * hand-over refuses without it, and finance sees the approval that authorises the payment. Tianjin's text requires no
 * such approval: its programs hand over as before.
 *
 * Dates lie inside the Foshan policy's validity (2018-12-01..2023-11-30): program decided 2023-09-15, today 2023-10-20.
 */
const SETUP = {
  foshan: { policyId: 'foshan-2018', district: '440604' },
  tianjin: { policyId: 'tianjin-2021', district: '120101' },
  liaocheng: { policyId: 'liaocheng-2021', district: '371502' },
} as const;

describe('allocation approval before hand-over (Foshan 第十三条)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let districtReviewer: Session;
  let applicant: Session;
  let finance: Session;
  let tianjinOfficer: Session;
  let liaochengOfficer: Session;
  let liaochengFinance: Session;
  let applicantOrg: OrganizationFixture;
  let programCount = 0;
  const clock = new ManualClock(new Date('2023-10-20T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const statusOf = async (table: 'applications' | 'programs', id: string): Promise<string> => (await rows<{ status: string }>(`select status from ${table} where id = $1`, [id]))[0].status;
  const approvalsOf = (programId: string) => rows<Record<string, unknown>>(`select * from program_allocation_approvals where program_id = $1`, [programId]);
  const auditOf = (programId: string, action: string) =>
    rows<{ action: string; actor_id: string; reason: string | null; data: Record<string, unknown> }>(
      `select action, actor_id, reason, data from audit_log where entity_id = $1 and action = $2 order by seq`,
      [programId, action],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'foshan', divisionCode: '440600', districts: [{ code: '440604', nameZh: '禅城区' }] });
    await createTenant(db, { id: 'tianjin', divisionCode: '120000', districts: [{ code: '120101', nameZh: '和平区' }] });
    applicantOrg = await createOrganization(db, { tenantId: 'foshan', districtCode: '440604', name: '佛山批复企业有限公司' });
    officer = await login(app, await createUser(db, { tenantId: 'foshan', role: 'program_officer' }));
    districtReviewer = await login(app, await createUser(db, { tenantId: 'foshan', role: 'district_reviewer', districtCode: '440604' }));
    applicant = await login(app, await createUser(db, { tenantId: 'foshan', role: 'applicant', organizationId: applicantOrg.id }));
    finance = await login(app, await createUser(db, { tenantId: 'foshan', role: 'finance_officer', financeLevel: 'city' }));
    tianjinOfficer = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }));
    await createTenant(db, { id: 'liaocheng', divisionCode: '371500', districts: [{ code: '371502', nameZh: '东昌府区' }] });
    liaochengOfficer = await login(app, await createUser(db, { tenantId: 'liaocheng', role: 'program_officer' }));
    liaochengFinance = await login(app, await createUser(db, { tenantId: 'liaocheng', role: 'finance_officer', financeLevel: 'city' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /**
   * A program whose publicity is over (status publicized, decided on `decidedAt`), with one approved application per
   * amount (its decision items and decided total written as the decision does) and one rejected application that is
   * not on the approved list.
   */
  async function publicizedProgram(tenantId: keyof typeof SETUP, amounts: number[][], status: 'publicized' | 'decided' = 'publicized') {
    programCount += 1;
    const program = await createProgram(db, {
      tenantId,
      policyId: SETUP[tenantId].policyId,
      year: 2023,
      title: `2023年度${tenantId}标准化资助项目`,
      status,
      opensAt: new Date('2023-07-03T09:00:00+08:00'),
      closesAt: new Date('2023-08-31T17:00:00+08:00'),
    });
    await rows(`update programs set decided_at = $2 where id = $1`, [program.id, new Date('2023-09-15T10:00:00+08:00')]);
    const applicationIds: string[] = [];
    const withRejected = [...amounts.map((items) => ({ items, status: 'approved' as const })), { items: [0], status: 'rejected' as const }];
    for (const [index, entry] of withRejected.entries()) {
      // One application per organization and program: each gets an organization of its own.
      const org = await createOrganization(db, { tenantId, districtCode: SETUP[tenantId].district, name: `${tenantId}企业${index}-${programCount}有限公司` });
      const achievements = entry.items.map((_fen, i) => nationalStandardLead(`a${i + 1}`, '2023-06-01'));
      const application = await createApplication(db, {
        tenantId,
        programId: program.id,
        organizationId: org.id,
        districtCode: org.districtCode,
        status: entry.status,
        submittedAt: new Date('2023-08-01T10:00:00+08:00'),
        achievements,
      });
      await asSuperuser(db, async (client) => {
        for (const [i, fen] of entry.items.entries()) {
          await client.query(
            `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, article, proposed_fen, decided_fen, reason)
             values ($1, $2, $3, 50000000, 'ceiling', '第八条', $4, $4, $5)`,
            [tenantId, application.id, `a${i + 1}`, fen, fen === 0 ? '不予支持' : null],
          );
        }
        await client.query(`update applications set decided_total_fen = $2 where id = $1`, [application.id, entry.items.reduce((s, f) => s + f, 0)]);
      });
      if (entry.status === 'approved') applicationIds.push(application.id);
    }
    return { programId: program.id, applicationIds };
  }

  const approve = (session: Session, programId: string, body: Record<string, unknown>) => http().post(`/api/v1/programs/${programId}/allocation-approval`).set(session.headers).send(body);
  const valid = { documentNo: '佛府函〔2023〕318号', approvedOn: '2023-10-18', approvedTotalFen: 90_000_000 };

  describe('a Foshan program after its publicity', () => {
    let programId: string;
    let applicationIds: string[];

    beforeAll(async () => {
      ({ programId, applicationIds } = await publicizedProgram('foshan', [[40_000_000, 20_000_000], [30_000_000]]));
    });

    it('refuses the hand-over before the city government approved the allocation, citing 第十三条, and changes nothing', async () => {
      const refused = await http().post(`/api/v1/programs/${programId}/hand-over`).set(officer.headers).send({}).expect(409);
      expect(refused.body.code).toBe('allocation_approval_required');
      expect(refused.body.message).toContain('第十三条');
      expect(refused.body.message).toContain('佛山市人民政府');
      expect(await statusOf('programs', programId)).toBe('publicized');
      for (const id of applicationIds) expect(await statusOf('applications', id)).toBe('approved');
      expect(await auditOf(programId, 'program.handed-over')).toHaveLength(0);
      expect(await rows(`select 1 from notifications where kind = 'program.handed-over' and entity_id = $1`, [programId])).toHaveLength(0);
      const shown = await http().get(`/api/v1/programs/${programId}`).set(officer.headers).expect(200);
      expect(shown.body).toMatchObject({ status: 'publicized', allocationApproval: null });
    });

    it('refuses bad input naming the field, and stores nothing', async () => {
      const cases: Array<[Record<string, unknown>, string, number]> = [
        [{ approvedOn: '2023-10-18', approvedTotalFen: 90_000_000 }, 'documentNo', 400],
        [{ ...valid, documentNo: '   ' }, 'documentNo', 400],
        [{ ...valid, approvedOn: '2023-10-21' }, 'approvedOn', 400],
        [{ ...valid, approvedOn: '2023-09-14' }, 'approvedOn', 400],
        [{ ...valid, approvedOn: '2023-02-30' }, 'approvedOn', 400],
        [{ ...valid, approvedOn: '20231018' }, 'approvedOn', 400],
        [{ ...valid, approvedTotalFen: 900_000.5 }, 'approvedTotalFen', 400],
        [{ ...valid, approvedTotalFen: '90000000' }, 'approvedTotalFen', 400],
        [{ ...valid, approvedBy: '' }, 'approvedBy', 400],
        [{ ...valid, approvedTotalFen: 89_999_999 }, 'approvedTotalFen', 409],
      ];
      for (const [body, path, status] of cases) {
        const response = await approve(officer, programId, body);
        expect({ body, status: response.status }).toEqual({ body, status });
        expect(response.body.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const mismatch = await approve(officer, programId, { ...valid, approvedTotalFen: 89_999_999 }).expect(409);
      expect(mismatch.body.code).toBe('allocation_total_mismatch');
      expect(mismatch.body.details[0].message).toContain('899999.99 元');
      expect(mismatch.body.details[0].message).toContain('900000.00 元');
      expect(await approvalsOf(programId)).toHaveLength(0);
      expect(await auditOf(programId, 'program.allocation-approved')).toHaveLength(0);
    });

    it('lets only the program office record it: district reviewer, applicant and finance get 403, another tenant 404', async () => {
      for (const session of [districtReviewer, applicant, finance]) await approve(session, programId, valid).expect(403);
      await approve(tianjinOfficer, programId, valid).expect(404);
      expect(await approvalsOf(programId)).toHaveLength(0);
    });

    it('records the approval of 佛山市人民政府 over exactly the approved list, once', async () => {
      const response = await approve(officer, programId, { ...valid, note: '按市政府批复办理' }).expect(201);
      expect(response.body).toMatchObject({
        programId,
        approvedBy: '佛山市人民政府',
        documentNo: '佛府函〔2023〕318号',
        approvedOn: '2023-10-18',
        approvedTotalFen: 90_000_000,
        article: '第十三条',
        source: '002:4394',
        note: '按市政府批复办理',
        recordedAt: new Date('2023-10-20T10:00:00+08:00').toISOString(),
      });
      expect([...response.body.applicationIds].sort()).toEqual([...applicationIds].sort());
      const [stored] = await approvalsOf(programId);
      expect(stored).toMatchObject({ tenant_id: 'foshan', approved_by: '佛山市人民政府', document_no: '佛府函〔2023〕318号', approved_total_fen: '90000000' });
      const [audit] = await auditOf(programId, 'program.allocation-approved');
      expect(audit.reason).toBe('按市政府批复办理');
      expect(audit.data).toMatchObject({ documentNo: '佛府函〔2023〕318号', approvedOn: '2023-10-18', approvedBy: '佛山市人民政府', requiredBy: '佛山市人民政府', article: '第十三条', approvedTotalFen: '90000000' });
      const [officerRow] = await rows<{ id: string }>(`select id from users where tenant_id = 'foshan' and role = 'program_officer'`, []);
      expect(audit.actor_id).toBe(officerRow.id);

      const again = await approve(officer, programId, { ...valid, documentNo: '佛府函〔2023〕319号' }).expect(409);
      expect(again.body.code).toBe('allocation_already_approved');
      expect(await approvalsOf(programId)).toHaveLength(1);

      const shown = await http().get(`/api/v1/programs/${programId}`).set(officer.headers).expect(200);
      expect(shown.body.allocationApproval).toEqual({
        approvedBy: '佛山市人民政府',
        documentNo: '佛府函〔2023〕318号',
        approvedOn: '2023-10-18',
        approvedTotalFen: 90_000_000,
        article: '第十三条',
        source: '002:4394',
      });
    });

    it('then hands over; the audit chain holds both records and finance sees what authorises the payment', async () => {
      clock.set(new Date('2023-10-23T09:00:00+08:00'));
      const handed = await http().post(`/api/v1/programs/${programId}/hand-over`).set(officer.headers).send({}).expect(200);
      expect(handed.body).toMatchObject({ programId, totalFen: 90_000_000, allocationApproval: { documentNo: '佛府函〔2023〕318号', approvedOn: '2023-10-18', approvedBy: '佛山市人民政府' } });
      expect(await statusOf('programs', programId)).toBe('handed_over');
      for (const id of applicationIds) expect(await statusOf('applications', id)).toBe('handed_over');

      const trail = await rows<{ action: string; data: Record<string, unknown> }>(
        `select action, data from audit_log where entity_id = $1 and action in ('program.allocation-approved', 'program.handed-over') order by seq`,
        [programId],
      );
      expect(trail.map((t) => t.action)).toEqual(['program.allocation-approved', 'program.handed-over']);
      expect(trail[1].data.allocationApproval).toMatchObject({ documentNo: '佛府函〔2023〕318号', approvedOn: '2023-10-18', approvedBy: '佛山市人民政府', article: '第十三条' });
      expect((await asSuperuser(db, (client) => verifyAuditChain(client, 'foshan'))).ok).toBe(true);

      const list = await http().get(`/api/v1/programs/${programId}/approved-list`).set(finance.headers).expect(200);
      expect(list.body.totalFen).toBe(90_000_000);
      expect(list.body.allocationApproval).toMatchObject({ documentNo: '佛府函〔2023〕318号', approvedOn: '2023-10-18', approvedBy: '佛山市人民政府' });
      const news = await http().get('/api/v1/notifications').set(finance.headers).expect(200);
      const told = news.body.items.find((n: { kind: string }) => n.kind === 'program.handed-over');
      expect(told.body).toContain('佛府函〔2023〕318号');
      // Finance takes the Foshan list in: its shares are re-evaluated with the year's fund (第二十一条 caps a share of it).
      const key = `foshan-intake-${Date.now()}`;
      await http().put(`/api/v1/finance/programs/${programId}/budget`).set(finance.headers).set('Idempotency-Key', `${key}-budget`).send({ payer: 'city', amountFen: 90_000_000 }).expect(200);
      const intake = await http().post(`/api/v1/finance/programs/${programId}/intake`).set(finance.headers).set('Idempotency-Key', key);
      expect([intake.status, intake.body.message]).toEqual([200, undefined]);
      expect(intake.body).toMatchObject({ totalFen: 90_000_000, allocationApproval: { documentNo: '佛府函〔2023〕318号' } });
    });
  });

  describe('other programs and tenants', () => {
    it('is refused before the publicity is over and for a policy that requires no approval', async () => {
      clock.set(new Date('2023-10-20T10:00:00+08:00'));
      const decided = await publicizedProgram('foshan', [[10_000_000]], 'decided');
      const early = await approve(officer, decided.programId, { ...valid, approvedTotalFen: 10_000_000 }).expect(409);
      expect(early.body.code).toBe('invalid_state');
      const tianjin = await publicizedProgram('tianjin', [[8_000_000]]);
      const notRequired = await approve(tianjinOfficer, tianjin.programId, { ...valid, approvedTotalFen: 8_000_000 }).expect(409);
      expect(notRequired.body.code).toBe('allocation_approval_not_required');
      expect(await approvalsOf(decided.programId)).toHaveLength(0);
      expect(await approvalsOf(tianjin.programId)).toHaveLength(0);
    });

    it('keeps the approving body the officer names on the approval', async () => {
      const other = await publicizedProgram('foshan', [[5_000_000]]);
      const response = await approve(officer, other.programId, { ...valid, approvedBy: '佛山市人民政府办公室', approvedTotalFen: 5_000_000 }).expect(201);
      expect(response.body).toMatchObject({ approvedBy: '佛山市人民政府办公室', article: '第十三条', note: null });
      const [audit] = await auditOf(other.programId, 'program.allocation-approved');
      expect(audit.data).toMatchObject({ approvedBy: '佛山市人民政府办公室', requiredBy: '佛山市人民政府' });
      expect(audit.reason).toBe('第十三条：资金分配具体额度报佛山市人民政府批准');
    });

    it('carries the approval into finance intake (Liaocheng 第六条: 报市质量强市工作领导小组批准)', async () => {
      // Liaocheng's text also requires a higher approval (a leading group, not a government) before the award is paid.
      const liaocheng = await publicizedProgram('liaocheng', [[2_000_000]]);
      const refused = await http().post(`/api/v1/programs/${liaocheng.programId}/hand-over`).set(liaochengOfficer.headers).send({}).expect(409);
      expect(refused.body.message).toContain('聊城市质量强市工作领导小组');
      const recorded = await approve(liaochengOfficer, liaocheng.programId, { documentNo: '聊质强组〔2023〕5号', approvedOn: '2023-10-19', approvedTotalFen: 2_000_000 }).expect(201);
      expect(recorded.body).toMatchObject({ approvedBy: '聊城市质量强市工作领导小组', article: '第六条', source: '002:3913' });
      await http().post(`/api/v1/programs/${liaocheng.programId}/hand-over`).set(liaochengOfficer.headers).send({}).expect(200);
      const key = `allocation-intake-${Date.now()}`;
      await http().put(`/api/v1/finance/programs/${liaocheng.programId}/budget`).set(liaochengFinance.headers).set('Idempotency-Key', `${key}-budget`).send({ payer: 'city', amountFen: 10_000_000 }).expect(200);
      const intake = await http().post(`/api/v1/finance/programs/${liaocheng.programId}/intake`).set(liaochengFinance.headers).set('Idempotency-Key', key);
      expect([intake.status, intake.body.message]).toEqual([200, undefined]);
      expect(intake.body).toMatchObject({
        totalFen: 2_000_000,
        allocationApproval: { approvedBy: '聊城市质量强市工作领导小组', documentNo: '聊质强组〔2023〕5号', approvedOn: '2023-10-19', approvedTotalFen: 2_000_000, article: '第六条' },
      });
      const [takenIn] = await auditOf(liaocheng.programId, 'finance.program-taken-in');
      expect(takenIn.data.allocationApproval).toMatchObject({ documentNo: '聊质强组〔2023〕5号' });
    });

    it('refuses a hand-over whose approved list no longer matches the approval', async () => {
      const changed = await publicizedProgram('foshan', [[3_000_000], [4_000_000]]);
      await approve(officer, changed.programId, { ...valid, approvedTotalFen: 7_000_000 }).expect(201);
      // The workflow offers no way to change an approved award; a direct write stands in for any future one.
      await rows(`update applications set decided_total_fen = 3500000 where id = $1`, [changed.applicationIds[0]]);
      const refused = await http().post(`/api/v1/programs/${changed.programId}/hand-over`).set(officer.headers).send({}).expect(409);
      expect(refused.body.code).toBe('allocation_approval_stale');
      expect(await statusOf('programs', changed.programId)).toBe('publicized');
      for (const id of changed.applicationIds) expect(await statusOf('applications', id)).toBe('approved');
    });

    it('hands a Tianjin program over without any approval, as before', async () => {
      const tianjin = await publicizedProgram('tianjin', [[8_000_000, 4_000_000]]);
      const handed = await http().post(`/api/v1/programs/${tianjin.programId}/hand-over`).set(tianjinOfficer.headers).send({}).expect(200);
      expect(handed.body).toMatchObject({ programId: tianjin.programId, totalFen: 12_000_000, applicationIds: tianjin.applicationIds, allocationApproval: null });
      expect(await statusOf('programs', tianjin.programId)).toBe('handed_over');
      const [audit] = await auditOf(tianjin.programId, 'program.handed-over');
      expect(audit.data).not.toHaveProperty('allocationApproval');
      expect(await approvalsOf(tianjin.programId)).toHaveLength(0);
    });
  });
});
