import { INestApplication } from '@nestjs/common';
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

/** Foshan pays up to a ceiling: national lead 500 000 yuan, industry lead 300 000. */
const FOSHAN = { national: 50_000_000, industry: 30_000_000 };

type Item = { achievementId: string; amountFen: number; reason?: string };

describe('correcting a decision, reasons for departures and one rank over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let officerUser: UserFixture;
  let orgCount = 0;
  const clock = new ManualClock(new Date('2024-05-06T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const row = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'foshan', divisionCode: '440600', districts: [{ code: '440604', nameZh: '禅城区' }] });
    officerUser = await createUser(db, { tenantId: 'foshan', role: 'program_officer' });
    officer = await login(app, officerUser);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A new organization per application: an organization's award for a standard lowers its ceiling for the same one elsewhere. */
  const freshOrg = () => createOrganization(db, { tenantId: 'foshan', districtCode: '440604', name: `佛山更正企业${++orgCount}有限公司` });
  const program = (spec: Partial<Parameters<typeof createProgram>[1]> = {}) =>
    createProgram(db, {
      tenantId: 'foshan',
      policyId: 'foshan-2018',
      year: 2023,
      status: 'closed',
      opensAt: new Date('2023-03-01T00:00:00+08:00'),
      closesAt: new Date('2023-03-31T23:59:59+08:00'),
      ...spec,
    });
  const awaiting = (p: ProgramFixture, org: OrganizationFixture) =>
    createApplication(db, {
      tenantId: 'foshan',
      programId: p.id,
      organizationId: org.id,
      districtCode: org.districtCode,
      status: 'awaiting_decision',
      achievements: [nationalStandardLead('a1'), industryStandardLead('a2')],
      submittedAt: new Date('2023-03-20T10:00:00+08:00'),
    });
  const technicalOpinion = (applicationId: string, achievementId: string, amountFen: number) =>
    asSuperuser(db, (c) =>
      c.query(
        `insert into item_opinions (tenant_id, application_id, achievement_id, stage, author_id, opinion, amount_fen)
         values ('foshan', $1, $2, 'technical_review', $3, 'reduce', $4)`,
        [applicationId, achievementId, officerUser.id, amountFen],
      ),
    );
  const decide = (applicationId: string, items: Item[]) => http().put(`/api/v1/applications/${applicationId}/decision`).set(officer.headers).send({ items });
  const correct = (applicationId: string, body: { items: Item[]; reason?: string }) =>
    http().post(`/api/v1/applications/${applicationId}/decision/corrections`).set(officer.headers).send(body);
  const decisionList = async (programId: string) =>
    (await http().get(`/api/v1/programs/${programId}/decision-list`).set(officer.headers).expect(200)).body as {
      applications: Array<{ applicationId: string; status: string; rank: number | null; decidedTotalFen: number; items: Array<{ achievementId: string; proposedFen: number; decidedFen: number; reason: string | null }> }>;
    };
  const stateOf = async (applicationId: string) =>
    (await row<{ status: string; total: string; version: number }>(`select status, decided_total_fen::text as total, version from applications where id = $1`, [applicationId]))[0];

  describe('a departure from the review proposal needs a reason', () => {
    it('refuses a decision below the proposal without the item reason (400 items[i].reason), then stores and lists the reason', async () => {
      const p = await program();
      const application = await awaiting(p, await freshOrg());
      await technicalOpinion(application.id, 'a1', 35_000_000);
      const refused = await decide(application.id, [
        { achievementId: 'a1', amountFen: 35_000_000 },
        { achievementId: 'a2', amountFen: 20_000_000 },
      ]).expect(400);
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'items[1].reason', message: expect.stringContaining('评审建议的 30000000 分') })]);
      expect(await stateOf(application.id)).toMatchObject({ status: 'awaiting_decision', total: null });
      expect(await row(`select 1 from decision_items where application_id = $1`, [application.id])).toHaveLength(0);
      // A blank reason is no reason.
      await decide(application.id, [
        { achievementId: 'a1', amountFen: 35_000_000 },
        { achievementId: 'a2', amountFen: 20_000_000, reason: '   ' },
      ]).expect(400);

      await decide(application.id, [
        { achievementId: 'a1', amountFen: 35_000_000 },
        { achievementId: 'a2', amountFen: 20_000_000, reason: '行业标准核减' },
      ]).expect(200);
      const [entry] = (await decisionList(p.id)).applications;
      expect(entry.items).toEqual([
        expect.objectContaining({ achievementId: 'a1', proposedFen: 35_000_000, decidedFen: 35_000_000, reason: null }),
        expect.objectContaining({ achievementId: 'a2', proposedFen: FOSHAN.industry, decidedFen: 20_000_000, reason: '行业标准核减' }),
      ]);
    });
  });

  describe('correcting a decided application', () => {
    it('re-decides with a reason before the publicity: new amounts, fresh items, old and new values audited, applicant told', async () => {
      const p = await program();
      const org = await freshOrg();
      await createUser(db, { tenantId: 'foshan', role: 'applicant', organizationId: org.id });
      const application = await awaiting(p, org);
      await decide(application.id, [
        { achievementId: 'a1', amountFen: FOSHAN.national },
        { achievementId: 'a2', amountFen: FOSHAN.industry },
      ]).expect(200);

      const noReason = await correct(application.id, { items: [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }] }).expect(400);
      expect(noReason.body.details.map((d: { path: string }) => d.path)).toContain('reason');
      const noItemReason = await correct(application.id, {
        items: [{ achievementId: 'a1', amountFen: 40_000_000 }, { achievementId: 'a2', amountFen: FOSHAN.industry }],
        reason: '复核更正',
      }).expect(400);
      expect(noItemReason.body.details.map((d: { path: string }) => d.path)).toEqual(['items[0].reason']);
      const above = await correct(application.id, {
        items: [{ achievementId: 'a1', amountFen: FOSHAN.national + 1, reason: 'x' }, { achievementId: 'a2', amountFen: FOSHAN.industry }],
        reason: '复核更正',
      }).expect(400);
      expect(above.body.details.map((d: { path: string }) => d.path)).toEqual(['items[0].amountFen']);
      // Nothing refused changed anything.
      expect(await stateOf(application.id)).toMatchObject({ status: 'decided', total: String(FOSHAN.national + FOSHAN.industry) });

      const corrected = await correct(application.id, {
        items: [{ achievementId: 'a1', amountFen: 40_000_000, reason: '经核实为第二起草单位' }, { achievementId: 'a2', amountFen: FOSHAN.industry }],
        reason: '复核发现起草排序有误',
      }).expect(200);
      expect(corrected.body).toMatchObject({ status: 'decided', decidedTotalFen: 70_000_000, previousTotalFen: 80_000_000, reason: '复核发现起草排序有误' });
      expect(await stateOf(application.id)).toMatchObject({ status: 'decided', total: '70000000' });
      const [entry] = (await decisionList(p.id)).applications;
      expect(entry).toMatchObject({ decidedTotalFen: 70_000_000 });
      expect(entry.items[0]).toMatchObject({ decidedFen: 40_000_000, reason: '经核实为第二起草单位' });

      const audit = await row<{ action: string; reason: string | null; data: Record<string, unknown> }>(
        `select action, reason, data from audit_log where entity_id = $1 order by seq`,
        [application.id],
      );
      expect(audit.map((a) => a.action)).toEqual(['application.decided', 'application.decision-reopened', 'application.decision-corrected']);
      const correction = audit[2];
      expect(correction.reason).toBe('复核发现起草排序有误');
      expect(correction.data).toMatchObject({
        from: 'awaiting_decision',
        to: 'decided',
        before: { status: 'decided', decidedTotalFen: 80_000_000, items: [{ achievementId: 'a1', decidedFen: FOSHAN.national }, { achievementId: 'a2', decidedFen: FOSHAN.industry }] },
        after: { status: 'decided', decidedTotalFen: 70_000_000, items: [{ achievementId: 'a1', decidedFen: 40_000_000, reason: '经核实为第二起草单位' }, { achievementId: 'a2', decidedFen: FOSHAN.industry }] },
      });
      const [mail] = await row<{ kind: string; body: string }>(
        `select kind, body from notifications where organization_id = $1 and kind = 'application.decision-corrected'`,
        [org.id],
      );
      expect(mail.body).toContain('800000.00');
      expect(mail.body).toContain('700000.00');
      expect(mail.body).toContain('复核发现起草排序有误');
    });

    it('corrects the outcome: every item at 0 rejects the application, with the correction audited', async () => {
      const p = await program();
      const application = await awaiting(p, await freshOrg());
      await decide(application.id, [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }]).expect(200);
      const corrected = await correct(application.id, {
        items: [{ achievementId: 'a1', amountFen: 0, reason: '材料不实' }, { achievementId: 'a2', amountFen: 0 }],
        reason: '查实申报材料不实',
      }).expect(200);
      expect(corrected.body).toMatchObject({ status: 'rejected', decidedTotalFen: 0 });
      const [audit] = await row<{ reason: string; data: Record<string, unknown> }>(`select reason, data from audit_log where entity_id = $1 and action = 'application.decision-corrected'`, [application.id]);
      expect(audit).toMatchObject({ reason: '查实申报材料不实', data: { to: 'rejected', rejectionReason: '材料不实', before: { decidedTotalFen: 80_000_000 } } });
      // A rejected application is no longer decided: there is nothing left to correct.
      const again = await correct(application.id, { items: [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }], reason: 'x' }).expect(409);
      expect(again.body.code).toBe('invalid_state');
    });

    it('after the budget rule the correction must fit the budget (409 correction_exceeds_budget); once publicity opened it is refused (409 publicity_already_opened)', async () => {
      const p = await program({ budgetTotalFen: 150_000_000, budgetRule: 'pro_rata' });
      const first = await awaiting(p, await freshOrg());
      const second = await awaiting(p, await freshOrg());
      await decide(first.id, [{ achievementId: 'a1', amountFen: 40_000_000, reason: '核减' }, { achievementId: 'a2', amountFen: FOSHAN.industry }]).expect(200);
      await decide(second.id, [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }]).expect(200);
      await http().post(`/api/v1/programs/${p.id}/decide`).set(officer.headers).send({}).expect(200);

      const tooMuch = await correct(first.id, {
        items: [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }],
        reason: '恢复全额',
      }).expect(409);
      expect(tooMuch.body.code).toBe('correction_exceeds_budget');
      expect(await stateOf(first.id)).toMatchObject({ status: 'decided', total: '70000000' });
      await correct(first.id, {
        items: [{ achievementId: 'a1', amountFen: 45_000_000, reason: '复核' }, { achievementId: 'a2', amountFen: 25_000_000, reason: '复核' }],
        reason: '复核调整',
      }).expect(200);

      await http().post(`/api/v1/programs/${p.id}/publicity`).set(officer.headers).send({ startsOn: '2024-05-06' }).expect(201);
      const late = await correct(first.id, {
        items: [{ achievementId: 'a1', amountFen: 45_000_000, reason: '复核' }, { achievementId: 'a2', amountFen: 20_000_000, reason: '复核' }],
        reason: '再次调整',
      })
        .set('Accept-Language', 'en')
        .expect(409);
      expect(late.body.code).toBe('publicity_already_opened');
      expect(late.body.message).toContain('publicity has opened');
      expect(await stateOf(first.id)).toMatchObject({ status: 'in_publicity', total: '70000000' });
    });
  });

  describe('rank', () => {
    it('is fixed at the program decision and every view shows the same one, also after a correction and the publicity', async () => {
      const p = await program({ budgetTotalFen: 1_000_000_000, budgetRule: 'rank_order' });
      const apps: Array<{ id: string }> = [];
      for (let i = 0; i < 4; i++) apps.push(await awaiting(p, await freshOrg()));
      // Totals: 80, 70, 80, 50 (10 000 yuan); the office puts the last one first.
      const amounts: Array<[number, number]> = [
        [FOSHAN.national, FOSHAN.industry],
        [40_000_000, FOSHAN.industry],
        [FOSHAN.national, FOSHAN.industry],
        [20_000_000, FOSHAN.industry],
      ];
      for (const [index, [a1, a2]] of amounts.entries()) {
        await decide(apps[index].id, [{ achievementId: 'a1', amountFen: a1, ...(a1 !== FOSHAN.national ? { reason: '核减' } : {}) }, { achievementId: 'a2', amountFen: a2 }]).expect(200);
      }
      await asSuperuser(db, (c) => c.query(`update applications set rank = 1 where id = $1`, [apps[3].id]));
      const [tiedLow, tiedHigh] = [apps[0].id, apps[2].id].sort();
      const expected = new Map([
        [apps[3].id, 1],
        [tiedLow, 2],
        [tiedHigh, 3],
        [apps[1].id, 4],
      ]);

      const decided = await http().post(`/api/v1/programs/${p.id}/decide`).set(officer.headers).send({}).expect(200);
      const views = async () => {
        const fromDecision = new Map((decided.body.applications as Array<{ applicationId: string; rank: number }>).map((a) => [a.applicationId, a.rank]));
        const fromList = new Map((await decisionList(p.id)).applications.map((a) => [a.applicationId, a.rank]));
        const fromDetail = new Map<string, number | null>();
        for (const a of apps) fromDetail.set(a.id, (await http().get(`/api/v1/applications/${a.id}`).set(officer.headers).expect(200)).body.rank);
        const listed = (await http().get(`/api/v1/applications?programId=${p.id}`).set(officer.headers).expect(200)).body.items as Array<{ id: string; rank: number | null }>;
        const fromListing = new Map(listed.map((a) => [a.id, a.rank]));
        return { fromDecision, fromList, fromDetail, fromListing };
      };
      let seen = await views();
      expect(seen.fromDecision).toEqual(expected);
      expect(seen.fromList).toEqual(expected);
      expect(seen.fromDetail).toEqual(expected);
      expect(seen.fromListing).toEqual(expected);

      // A correction changes the amount, not the rank under which the budget was applied.
      await correct(apps[1].id, {
        items: [{ achievementId: 'a1', amountFen: FOSHAN.national }, { achievementId: 'a2', amountFen: FOSHAN.industry }],
        reason: '恢复全额',
      }).expect(200);
      await http().post(`/api/v1/programs/${p.id}/publicity`).set(officer.headers).send({ startsOn: '2024-05-07' }).expect(201);
      seen = await views();
      expect(seen.fromList).toEqual(expected);
      expect(seen.fromDetail).toEqual(expected);
      expect(seen.fromListing).toEqual(expected);
      const [audit] = await row<{ data: { ranks: Array<{ applicationId: string; rank: number }> } }>(
        `select data from audit_log where entity_id = $1 and action = 'program.decided'`,
        [p.id],
      );
      expect(new Map(audit.data.ranks.map((r) => [r.applicationId, r.rank]))).toEqual(expected);
    });
  });
});
