import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { drawPanel, PanelDraw } from '@subsidy/review';
import { ApplicationStatus, ReviewSettings } from '@subsidy/workflow';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  makeUscc,
  nationalStandardLead,
  reviewSettings,
  Session,
  UserFixture,
} from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const POLL_MS = 50;
/** Inside the Foshan policy's validity (2018-12-01..2023-11-30) and the 2023 call window below. */
const START = new Date('2023-07-20T09:00:00+08:00');
const CHANCHENG = '440604';
const HEPING = '120101';

const panelReview: ReviewSettings = reviewSettings({
  stages: { formal_check: true, district_review: false, technical_review: false, expert_review: true },
  panel: {
    size: 2,
    quorum: 2,
    scoringDays: 7,
    reminderHoursBefore: 24,
    combine: 'mean',
    rubric: { criteria: [{ key: 'quality', label: '标准质量', maxPoints: 10000 }] },
  },
});

interface ExcludedInAudit {
  expertId: string;
  reasons: Array<{ code: string; uscc?: string; sources?: string[] }>;
}

/**
 * Foshan 第十二条 (002:4388): 当年度项目申报单位、合作单位的专家，不得参加该年度评审工作. The program's policy carries
 * `procedure.expertExclusion.scope: year_applicants`, so a panel leaves out the experts of every unit that applied that
 * year (in any program of the tenant) and of every partner (co-drafting) unit of those applications; an application
 * submitted after a panel was drawn removes and replaces its experts from that panel. A tenant whose policy has no such
 * rule (Tianjin) keeps the per-application exclusion only.
 */
describe('expert exclusion of the year’s applicants (Foshan 第十二条)', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  const clock = new ManualClock(START);
  const http = () => request(app.getHttpServer());



  const rows = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  async function expert(tenantId: string, officer: Session, affiliatedUscc: string): Promise<UserFixture & { session: Session }> {
    const user = await createUser(db, { tenantId, role: 'expert' });
    await http().put(`/api/v1/experts/${user.id}/profile`).set(officer.headers).send({ field: '标准化', affiliatedUsccs: [affiliatedUscc], active: true }).expect(200);
    return { ...user, session: await login(app, user) };
  }

  async function applyAs(tenantId: string, districtCode: string, programId: string, uscc: string, status: ApplicationStatus, coDrafters: string[] = []) {
    const org = await createOrganization(db, { tenantId, districtCode, uscc });
    const application = await createApplication(db, {
      tenantId,
      programId,
      organizationId: org.id,
      districtCode,
      status,
      submittedAt: status === 'draft' ? undefined : new Date('2023-07-10T10:00:00+08:00'),
      achievements: [{ ...nationalStandardLead('a1', '2022-06-01'), coDraftingUsccs: coDrafters }],
    });
    return { org, application };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: POLL_MS } };
    app = await createApp(config, { clock });
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  describe('Foshan', () => {
    const TENANT = 'foshan';
    let officer: Session;
    let programA: string;
    let programB: string;
    const units = { A: makeUscc({ division: CHANCHENG }), B: makeUscc({ division: CHANCHENG }), BP: makeUscc({ type: '2', division: CHANCHENG }), D: makeUscc({ division: CHANCHENG }), W: makeUscc({ division: CHANCHENG }) };
    let bApplicationId: string;
    let aApplicationId: string;
    let dApplicationId: string;
    let dApplicant: Session;
    let experts: Record<'B' | 'BP' | 'D' | 'W', UserFixture & { session: Session }>;

    beforeAll(async () => {
      await createTenant(db, { id: TENANT, divisionCode: '440600', districts: [{ code: CHANCHENG, nameZh: '禅城区' }] });
      officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
      const window = { opensAt: new Date('2023-07-03T09:00:00+08:00'), closesAt: new Date('2023-08-31T17:00:00+08:00') };
      programA = (await createProgram(db, { tenantId: TENANT, policyId: 'foshan-2018', year: 2023, review: panelReview, title: '2023年度标准化战略资金（补助）', ...window })).id;
      // B applies in another program of the same year: the text bars the year's applicants, whatever the call.
      programB = (await createProgram(db, { tenantId: TENANT, policyId: 'foshan-2018', year: 2023, review: panelReview, title: '2023年度标准化战略资金（资助）', ...window })).id;
      experts = {
        B: await expert(TENANT, officer, units.B),
        BP: await expert(TENANT, officer, units.BP),
        D: await expert(TENANT, officer, units.D),
        W: await expert(TENANT, officer, units.W),
      };
    });

    it("draws A's panel without the experts of B (another applicant of 2023) or of B's partner unit, and records why under 第十二条", async () => {
      aApplicationId = (await applyAs(TENANT, CHANCHENG, programA, units.A, 'expert_review')).application.id;
      bApplicationId = (await applyAs(TENANT, CHANCHENG, programB, units.B, 'formal_check', [units.BP])).application.id;
      // A draft never applied, and a withdrawn application no longer competes: their experts may sit.
      const drafted = await applyAs(TENANT, CHANCHENG, programA, units.D, 'draft');
      dApplicationId = drafted.application.id;
      dApplicant = await login(app, await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: drafted.org.id }));
      const withdrawn = await applyAs(TENANT, CHANCHENG, programB, units.W, 'withdrawn');
      // The same unit's application of another year does not count either.
      const lastYear = (await createProgram(db, { tenantId: TENANT, policyId: 'foshan-2018', year: 2022, review: panelReview, status: 'closed' })).id;
      await createApplication(db, { tenantId: TENANT, programId: lastYear, organizationId: withdrawn.org.id, districtCode: CHANCHENG, status: 'awaiting_decision', submittedAt: new Date('2022-03-10T10:00:00+08:00') });

      // Pool of four for a panel of two: with B's and BP's experts excluded exactly D's and W's are left, so any other
      // outcome (e.g. B's expert drawn) fails here whatever the seed.
      const response = await http().post(`/api/v1/applications/${aApplicationId}/panel`).set(officer.headers).expect(201);
      expect(response.body.members.map((m: { expertId: string }) => m.expertId).sort()).toEqual([experts.D.id, experts.W.id].sort());
      expect(response.body.excluded).toEqual(
        expect.arrayContaining([
          { expertId: experts.B.id, reasons: [{ code: 'affiliated_uscc', uscc: units.B, sources: [`year_applicant:${bApplicationId}`] }] },
          { expertId: experts.BP.id, reasons: [{ code: 'affiliated_uscc', uscc: units.BP, sources: [`year_partner:${bApplicationId}`] }] },
        ]),
      );
      expect(response.body.excluded).toHaveLength(2);

      const [audit] = await rows<{ data: { excluded: ExcludedInAudit[]; exclusionRule: unknown; exclusionGrounds: { usccs: Record<string, string[]> } } }>(
        `select data from audit_log where entity_id = $1 and action = 'application.panel-drawn'`,
        [aApplicationId],
      );
      expect(audit.data.exclusionRule).toEqual({ scope: 'year_applicants', article: '第十二条', source: '002:4388', year: 2023 });
      expect(audit.data.excluded).toEqual(
        expect.arrayContaining([
          { expertId: experts.B.id, reasons: [{ code: 'affiliated_uscc', uscc: units.B, sources: [`year_applicant:${bApplicationId}`] }] },
          { expertId: experts.BP.id, reasons: [{ code: 'affiliated_uscc', uscc: units.BP, sources: [`year_partner:${bApplicationId}`] }] },
        ]),
      );
      expect(audit.data.exclusionGrounds.usccs).toEqual({
        [units.A]: ['applicant'],
        [units.B]: [`year_applicant:${bApplicationId}`],
        [units.BP]: [`year_partner:${bApplicationId}`],
      });

      // The stored draw replays: the same seed and the same exclusion give the same panel.
      const [panel] = await rows<{ seed: string; draw: PanelDraw }>(`select seed, draw from panels where application_id = $1`, [aApplicationId]);
      expect(panel.draw.exclusion.usccs).toEqual([units.A, units.B, units.BP].sort());
      expect(panel.draw.grounds?.rules).toEqual([{ code: 'year_applicants', article: '第十二条', source: '002:4388', year: 2023 }]);
      const pool = (['B', 'BP', 'D', 'W'] as const).map((k) => ({ id: experts[k].id, usccs: [units[k]] }));
      const replay = drawPanel({ pool, size: 2, seed: panel.seed, exclude: panel.draw.exclusion });
      expect(replay.panel.map((e) => e.id)).toEqual(panel.draw.panel.map((e) => e.id));
    });

    it("an application submitted after the draw removes its unit's sitting expert (even after scoring) and draws a replacement", async () => {
      // D's expert sits on A's panel, declares no conflict and scores.
      await http().post(`/api/v1/applications/${aApplicationId}/expert-declaration`).set(experts.D.session.headers).send({ noConflict: true }).expect(200);
      await http()
        .put(`/api/v1/applications/${aApplicationId}/panel/score`)
        .set(experts.D.session.headers)
        .send({ scores: { quality: 8000 }, amounts: { a1: 40_000_000 } })
        .expect(200);
      // A newcomer to the pool, with no tie to any applicant, can replace them.
      const newcomer = await expert(TENANT, officer, makeUscc({ division: '440100' }));
      worker = await createWorker(config, { clock });

      // D now applies for real: declares and submits its draft over HTTP.
      await http().post(`/api/v1/applications/${dApplicationId}/declaration`).set(dApplicant.headers).send({ accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' }).expect(200);
      await http().post(`/api/v1/applications/${dApplicationId}/submit`).set(dApplicant.headers).set('Idempotency-Key', 'year-exclusion-d').expect(200);
      await waitFor('the rescreen job', async () => (await rows(`select 1 from outbox where job_name = 'panel.year-rescreen' and payload->>'applicationId' = $1 and completed_at is not null`, [dApplicationId])).length === 1);

      const members = await rows<{ expert_id: string; status: string; round: number }>(`select expert_id, status, round from panel_members where application_id = $1 order by round, expert_id`, [aApplicationId]);
      expect(members).toEqual(
        expect.arrayContaining([
          { expert_id: experts.D.id, status: 'removed', round: 0 },
          { expert_id: experts.W.id, status: 'invited', round: 0 },
          { expert_id: newcomer.id, status: 'invited', round: 1 },
        ]),
      );
      expect(members).toHaveLength(3);
      const [panel] = await rows<{ draw: PanelDraw }>(`select draw from panels where application_id = $1`, [aApplicationId]);
      expect(panel.draw.panel.map((e) => e.id).sort()).toEqual([experts.W.id, newcomer.id].sort());
      expect(panel.draw.grounds?.usccs[units.D]).toEqual([`year_applicant:${dApplicationId}`]);

      const [ruledOut] = await rows<{ reason: string; data: { exclusionRule: { article: string }; triggeredBy: string; experts: Array<ExcludedInAudit & { hadScored: boolean }> } }>(
        `select reason, data from audit_log where entity_id = $1 and action = 'application.panel-member-ruled-out'`,
        [aApplicationId],
      );
      expect(ruledOut.reason).toContain('第十二条');
      expect(ruledOut.data.exclusionRule.article).toBe('第十二条');
      expect(ruledOut.data.triggeredBy).toBe(dApplicationId);
      expect(ruledOut.data.experts).toEqual([
        { expertId: experts.D.id, hadScored: true, reasons: [{ code: 'affiliated_uscc', uscc: units.D, sources: [`year_applicant:${dApplicationId}`] }] },
      ]);
      const told = await rows<{ user_id: string; kind: string }>(`select user_id, kind from notifications where entity_id = $1 and kind in ('panel.ruled-out', 'panel.invited') order by kind, user_id`, [aApplicationId]);
      expect(told).toEqual(expect.arrayContaining([{ user_id: experts.D.id, kind: 'panel.ruled-out' }, { user_id: newcomer.id, kind: 'panel.invited' }]));

      // The removed expert's sheet no longer counts and they cannot score again.
      await http().put(`/api/v1/applications/${aApplicationId}/panel/score`).set(experts.D.session.headers).send({ scores: { quality: 9000 }, amounts: { a1: 50_000_000 } }).expect(403);
      await http().post(`/api/v1/applications/${aApplicationId}/expert-declaration`).set(experts.W.session.headers).send({ noConflict: true }).expect(200);
      await http()
        .put(`/api/v1/applications/${aApplicationId}/panel/score`)
        .set(experts.W.session.headers)
        .send({ scores: { quality: 6000 }, amounts: { a1: 30_000_000 } })
        .expect(200);
      const early = await http().post(`/api/v1/applications/${aApplicationId}/expert-review/complete`).set(officer.headers).expect(409);
      expect(early.body.message).toBe('已有 1 位专家评分，须达到 2 位');

      // A second pass (a redelivered or later job) finds nobody left to remove.
      await asSuperuser(db, (c) =>
        c.query(`insert into outbox (tenant_id, queue, job_name, payload, run_at) values ($1, 'workflow', 'panel.year-rescreen', $2, $3)`, [
          TENANT,
          JSON.stringify({ tenantId: TENANT, applicationId: dApplicationId }),
          clock.now(),
        ]),
      );
      await waitFor('the second pass', async () => (await rows(`select 1 from outbox where job_name = 'panel.year-rescreen' and completed_at is null`)).length === 0);
      expect(await rows(`select 1 from panel_members where application_id = $1`, [aApplicationId])).toHaveLength(3);
      await worker.close();
      worker = undefined;
    });
  });

  describe('Tianjin (no year-wide rule in its policy)', () => {
    const TENANT = 'tianjin';

    it("lets the expert of another applicant of the year sit on the panel, as before", async () => {
      await createTenant(db, { id: TENANT, divisionCode: '120000', districts: [{ code: HEPING, nameZh: '和平区' }] });
      const officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
      const programId = (await createProgram(db, { tenantId: TENANT, policyId: 'tianjin-2021', year: 2023, review: panelReview, opensAt: new Date('2023-05-01T09:00:00+08:00'), closesAt: new Date('2023-08-31T17:00:00+08:00') })).id;
      const unitA = makeUscc({ division: HEPING });
      const unitB = makeUscc({ division: HEPING });
      const ofB = await expert(TENANT, officer, unitB);
      const neutral = await expert(TENANT, officer, makeUscc({ division: '120102' }));
      const applicantA = await applyAs(TENANT, HEPING, programId, unitA, 'expert_review');
      await applyAs(TENANT, HEPING, programId, unitB, 'expert_review');

      const response = await http().post(`/api/v1/applications/${applicantA.application.id}/panel`).set(officer.headers).expect(201);
      expect(response.body.members.map((m: { expertId: string }) => m.expertId).sort()).toEqual([ofB.id, neutral.id].sort());
      expect(response.body.excluded).toEqual([]);
      const [audit] = await rows<{ data: Record<string, unknown> }>(`select data from audit_log where entity_id = $1 and action = 'application.panel-drawn'`, [applicantA.application.id]);
      expect(audit.data).not.toHaveProperty('exclusionRule');
      const [panel] = await rows<{ draw: PanelDraw }>(`select draw from panels where application_id = $1`, [applicantA.application.id]);
      expect(panel.draw.exclusion.usccs).toEqual([unitA]);
    });
  });
});
