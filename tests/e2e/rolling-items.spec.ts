import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  makeUscc,
  OrganizationFixture,
  ProgramFixture,
  reviewSettings,
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { pdfBytes } from './scenarios-support/api-client';

/**
 * Huangpu 第十二条 (002:4172): 国际质量、检验检测认证、标准化活动资助和国际标准化高端人才引进和培育资助、国际质量比对提升示范资助
 * 采取一事一议方式，全年受理；其余专项资金项目采取集中办理形式，每年集中申报一次. A rolling (all-year) program takes only those
 * three items (procedure.rollingItems); a batch program takes any item. Policy in force 2020-01-01..2022-12-31; the
 * programs are for 2021 and the clock stands on 2021-06-01.
 */
describe('a rolling call takes only the items the policy accepts all year (Huangpu 第十二条)', () => {
  const TENANT = 'guangzhou-huangpu';
  let db: TestDatabase;
  let app: INestApplication;
  let storageDir: string;
  const clock = new ManualClock(new Date('2021-06-01T10:00:00+08:00'));
  let rolling: ProgramFixture;
  let batch: ProgramFixture;
  let orgs: OrganizationFixture[];
  let applicants: Session[];
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  // 第十条第（一）项: 主导国家标准制定, taken in the yearly batch only.
  const nationalStandard = { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 40001-2021', publishedOn: '2021-03-01' };
  // 第十条第（六）项 (国际标准化高端人才引进和培育资助) and 第九条第（五）项 (国际质量…标准化活动资助): both taken all year.
  const expertStudio = { id: 's1', type: 'recognition', code: 'intl_standardization_expert_studio', obtainedOn: '2021-03-15' };
  const intlEvent = { id: 'e1', type: 'international_meeting', kind: 'conference', heldOn: '2021-05-10', costsIncurredFen: 20_000_000 };

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-evidence-'));
    app = await createApp({ ...db.config, storage: { dir: storageDir } }, { clock });
    await createTenant(db, { id: TENANT, nameZh: '广州市黄埔区', divisionCode: '440112', districts: [{ code: '440112', nameZh: '黄埔区' }] });
    const review = reviewSettings({ stages: { formal_check: true, district_review: false, technical_review: true, expert_review: false }, formalCheckWorkingDays: 5 });
    rolling = await createProgram(db, {
      tenantId: TENANT,
      policyId: 'guangzhou-huangpu-2020',
      year: 2021,
      title: '2021年度广州开发区质量强区专项资金（一事一议，全年受理）',
      windowKind: 'rolling',
      opensAt: new Date('2021-01-04T09:00:00+08:00'),
      closesAt: new Date('2021-12-31T17:00:00+08:00'),
      review,
      materials: { recognition: ['认定或批准文件'] },
    });
    batch = await createProgram(db, {
      tenantId: TENANT,
      policyId: 'guangzhou-huangpu-2020',
      year: 2021,
      title: '2021年度广州开发区质量强区专项资金（集中申报）',
      windowKind: 'batch',
      opensAt: new Date('2021-05-06T09:00:00+08:00'),
      closesAt: new Date('2021-06-30T17:00:00+08:00'),
      review,
    });
    orgs = [];
    applicants = [];
    for (const name of ['广州黄埔标准化服务有限公司', '广州开发区质量检测技术有限公司', '广州科学城认证服务有限公司']) {
      const org = await createOrganization(db, { tenantId: TENANT, districtCode: '440112', uscc: makeUscc({ division: '440112' }), name });
      orgs.push(org);
      applicants.push(await login(app, await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: org.id })));
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const create = async (session: Session, programId: string): Promise<string> =>
    (await http().post(`/api/v1/programs/${programId}/applications`).set(session.headers).expect(201)).body.id as string;
  const save = (session: Session, applicationId: string, achievements: unknown[]) =>
    http().put(`/api/v1/applications/${applicationId}/achievements`).set(session.headers).send({ achievements });
  const declare = (session: Session, applicationId: string) =>
    http().post(`/api/v1/applications/${applicationId}/declaration`).set(session.headers).send({ accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' }).expect(200);
  const storedAchievements = (applicationId: string) =>
    rows<{ achievement_id: string }>(`select achievement_id from application_achievements where application_id = $1 order by position`, [applicationId]);
  const audit = (applicationId: string) => rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [applicationId]);

  describe('rolling program', () => {
    let applicationId: string;

    it('refuses a 第十条（一） standard with 422 naming achievements[0] and the items taken all year; nothing is stored', async () => {
      applicationId = await create(applicants[0], rolling.id);
      const refused = await save(applicants[0], applicationId, [nationalStandard]).expect(422);
      expect(refused.body.code).toBe('not_accepted_all_year');
      expect(refused.body.details).toHaveLength(1);
      expect(refused.body.details[0].path).toBe('achievements[0]');
      const message: string = refused.body.details[0].message;
      expect(message).toContain('“主导国家标准制定”（第十条第（一）项），不在全年受理范围内');
      for (const accepted of ['国际质量比对提升示范项目（第九条第（一）项）', '标准化年会、研讨会及国际重大活动（第九条第（五）项）', '国际标准化专家工作室开办经费（第十条第（六）项）']) {
        expect(message).toContain(accepted);
      }
      expect(message).toContain('（第十二条）');
      expect(await storedAchievements(applicationId)).toEqual([]);
      expect((await audit(applicationId)).map((a) => a.action)).toEqual(['application.created']);
    });

    it('shows the applicant which items the call takes on the estimate', async () => {
      const estimate = await http().get(`/api/v1/applications/${applicationId}/estimate`).set(applicants[0].headers).expect(200);
      expect(estimate.body.rollingCall).toMatchObject({ article: '第十二条', source: '002:4172', notAccepted: [] });
      expect(estimate.body.rollingCall.acceptedItems).toEqual([
        { itemId: 'intl_quality_comparison_demo', name: '国际质量比对提升示范项目', article: '第九条第（一）项' },
        { itemId: 'event.intl_quality_std', name: '承办国际或粤港澳大湾区质量、检验检测认证、标准化年会、研讨会及国际重大活动', article: '第九条第（五）项' },
        { itemId: 'expert_studio.intl', name: '国际标准化专家工作室开办经费', article: '第十条第（六）项' },
      ]);
    });

    it('stores an expert-studio and an event achievement, and keeps them when a later list adds a standard', async () => {
      const saved = await save(applicants[0], applicationId, [expertStudio, intlEvent]).expect(200);
      expect(saved.body.achievements.map((a: { id: string }) => a.id)).toEqual(['s1', 'e1']);

      const refused = await save(applicants[0], applicationId, [expertStudio, { ...nationalStandard, id: 'a2' }, intlEvent]).expect(422);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['achievements[1]']);
      expect((await storedAchievements(applicationId)).map((a) => a.achievement_id)).toEqual(['s1', 'e1']);
      expect((await audit(applicationId)).filter((a) => a.action === 'application.achievements-replaced')).toHaveLength(1);
    });

    it('submits them: 第十条第（六）项 up to 100万 plus 第九条第（五）项 30% of 20万 costs', async () => {
      const estimate = await http().get(`/api/v1/applications/${applicationId}/estimate`).set(applicants[0].headers).expect(200);
      expect(estimate.body.items.map((i: { itemId: string; amountFen: number }) => [i.itemId, i.amountFen])).toEqual([
        ['expert_studio.intl', 100_000_000],
        ['event.intl_quality_std', 6_000_000],
      ]);
      await declare(applicants[0], applicationId);
      // The call requires the approval document for a recognition (the expert studio): submission refuses it missing.
      const missing = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicants[0].headers).set('Idempotency-Key', 'rolling-items-submit-0').expect(422);
      expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['achievements[0]']);
      await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicants[0].headers)
        .field('achievementId', 's1')
        .field('material', '认定或批准文件')
        .attach('file', pdfBytes('expert studio approval'), { filename: '认定或批准文件.pdf', contentType: 'application/pdf' })
        .expect(201);
      const submitted = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicants[0].headers).set('Idempotency-Key', 'rolling-items-submit-1').expect(200);
      expect(submitted.body).toMatchObject({ applicationId, status: 'formal_check', estimateTotalFen: 106_000_000 });
    });

    it('re-checks at submission: a draft holding a standard (saved under another reading) gets 422 naming it and stays a draft', async () => {
      // Stored directly, as a draft saved before the limit was read from the policy would hold it.
      const draft = await createApplication(db, {
        tenantId: TENANT,
        programId: rolling.id,
        organizationId: orgs[1].id,
        districtCode: '440112',
        achievements: [expertStudio, nationalStandard],
      });
      await declare(applicants[1], draft.id);
      const estimate = await http().get(`/api/v1/applications/${draft.id}/estimate`).set(applicants[1].headers).expect(200);
      expect(estimate.body.rollingCall.notAccepted.map((d: { path: string }) => d.path)).toEqual(['achievements[1]']);

      const refused = await http().post(`/api/v1/applications/${draft.id}/submit`).set(applicants[1].headers).set('Idempotency-Key', 'rolling-items-submit-2').expect(422);
      expect(refused.body.code).toBe('not_accepted_all_year');
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['achievements[1]']);
      expect(refused.body.details[0].message).toContain('主导国家标准制定');
      const [row] = await rows<{ status: string; submitted_at: Date | null; submission_count: number; estimate: unknown }>(
        `select status, submitted_at, submission_count, estimate from applications where id = $1`,
        [draft.id],
      );
      expect(row).toEqual({ status: 'draft', submitted_at: null, submission_count: 0, estimate: null });
      expect((await audit(draft.id)).map((a) => a.action)).toEqual(['application.declared']);
      expect(await rows(`select 1 from outbox where payload->>'applicationId' = $1`, [draft.id])).toEqual([]);
    });
  });

  describe('batch program', () => {
    it('takes the 第十条（一） standard, shows no rolling limit, and submits it', async () => {
      const applicationId = await create(applicants[2], batch.id);
      const saved = await save(applicants[2], applicationId, [nationalStandard]).expect(200);
      expect(saved.body.achievements.map((a: { id: string }) => a.id)).toEqual(['a1']);
      const estimate = await http().get(`/api/v1/applications/${applicationId}/estimate`).set(applicants[2].headers).expect(200);
      expect(estimate.body.rollingCall).toBeUndefined();
      expect(estimate.body.items).toEqual([expect.objectContaining({ achievementId: 'a1', itemId: 'std.national.formulate', article: '第十条第（一）项' })]);
      await declare(applicants[2], applicationId);
      const submitted = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicants[2].headers).set('Idempotency-Key', 'rolling-items-submit-3').expect(200);
      expect(submitted.body.status).toBe('formal_check');
    });
  });
});
