import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createProgram, createTenant, createUser, login, nationalStandardLead, reviewSettings, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { pdfBytes } from './scenarios-support/api-client';

/**
 * Issue 13, "required materials are enforced": the call lists materials per achievement type; submission is refused
 * (422 materials_missing) naming every (achievement, material) pair without an evidence file, and the application
 * detail shows the formal checker, per achievement, what the call requires and which files supply it.
 */
describe('required materials at submission and in the formal check', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let storageDir: string;
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  let programId: string;
  let applicant: Session;
  let officer: Session;
  let applicationId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-evidence-'));
    app = await createApp({ ...db.config, storage: { dir: storageDir } }, { clock });
    const tenant = await createTenant(db, { id: 'tianjin', districts: [{ code: '120101', nameZh: '和平区' }] });
    programId = (
      await createProgram(db, {
        tenantId: tenant.id,
        policyId: 'tianjin-2021',
        review: reviewSettings({ formalCheckWorkingDays: 5 }),
        materials: { standard: ['标准文本', '发布公告'], recognition: ['认定或批准文件'] },
      })
    ).id;
    const org = await createOrganization(db, { tenantId: tenant.id, districtCode: '120101', name: '天津材料齐全有限公司' });
    applicant = await login(app, await createUser(db, { tenantId: tenant.id, role: 'applicant', organizationId: org.id }));
    officer = await login(app, await createUser(db, { tenantId: tenant.id, role: 'program_officer' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  /** Uploads one file; the clock moves a second per upload, so the files list in upload order. */
  async function upload(material: string, achievementId?: string): Promise<string> {
    clock.advance(1_000);
    const call = http().post(`/api/v1/applications/${applicationId}/evidence`).set(applicant.headers).field('material', material);
    if (achievementId) call.field('achievementId', achievementId);
    const uploaded = await call.attach('file', pdfBytes(`${material} ${achievementId ?? ''}`), { filename: `${material}.pdf`, contentType: 'application/pdf' }).expect(201);
    return uploaded.body.id as string;
  }

  const submit = (key: string, language?: string) => {
    const call = http().post(`/api/v1/applications/${applicationId}/submit`).set(applicant.headers).set('Idempotency-Key', key);
    return language ? call.set('Accept-Language', language) : call;
  };

  it('refuses submission naming every achievement and material that lacks a file, shows what is there, then submits once complete', async () => {
    applicationId = (await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201)).body.id;
    await http()
      .put(`/api/v1/applications/${applicationId}/achievements`)
      .set(applicant.headers)
      .send({ achievements: [nationalStandardLead('a1'), nationalStandardLead('a2'), nationalStandardLead('a3')] })
      .expect(200);
    await http().post(`/api/v1/applications/${applicationId}/declaration`).set(applicant.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    const a1Text = await upload('标准文本', 'a1');
    const a1Notice = await upload('发布公告', 'a1');
    const a2Text = await upload('标准文本', 'a2');

    // Chinese by default: every missing pair, each at its achievement's place in the list.
    const refused = await submit('materials-submit-1').expect(422);
    expect(refused.body.code).toBe('materials_missing');
    expect(refused.body.details).toEqual([
      { path: 'achievements[1]', message: expect.stringContaining('缺少申报通知要求的材料“发布公告”') },
      { path: 'achievements[2]', message: expect.stringContaining('缺少申报通知要求的材料“标准文本”') },
      { path: 'achievements[2]', message: expect.stringContaining('缺少申报通知要求的材料“发布公告”') },
    ]);
    expect(refused.body.details[0].message).toContain('a2');
    expect(refused.body.message).toContain('申报材料不全');
    const english = await submit('materials-submit-2', 'en').expect(422);
    expect(english.body.details.map((d: { message: string }) => d.message)).toEqual([
      'achievement a2 (standard) lacks the required material "发布公告"',
      'achievement a3 (standard) lacks the required material "标准文本"',
      'achievement a3 (standard) lacks the required material "发布公告"',
    ]);

    // Nothing moved: still a draft, never submitted, no submission recorded.
    const [row] = await rows<{ status: string; submitted_at: Date | null; submission_count: number }>(
      `select status, submitted_at, submission_count from applications where id = $1`,
      [applicationId],
    );
    expect(row).toEqual({ status: 'draft', submitted_at: null, submission_count: 0 });
    expect(await rows(`select 1 from audit_log where entity_id = $1 and action = 'application.submitted'`, [applicationId])).toEqual([]);

    // The applicant sees the same check on the application.
    const draft = await http().get(`/api/v1/applications/${applicationId}`).set(applicant.headers).expect(200);
    expect(draft.body.materials.complete).toBe(false);
    expect(draft.body.materials.achievements.map((a: { achievementId: string; missing: string[] }) => [a.achievementId, a.missing])).toEqual([
      ['a1', []],
      ['a2', ['发布公告']],
      ['a3', ['标准文本', '发布公告']],
    ]);

    // One announcement for the whole application (no achievement named) supplies it to every achievement.
    const sharedNotice = await upload('发布公告');
    const a3Text = await upload('标准文本', 'a3');
    const submitted = await submit('materials-submit-3').expect(200);
    expect(submitted.body.status).toBe('formal_check');

    // The formal checker's view: per achievement, each required material and the files that supply it.
    const detail = await http().get(`/api/v1/applications/${applicationId}`).set(officer.headers).expect(200);
    expect(detail.body.status).toBe('formal_check');
    expect(detail.body.materials).toEqual({
      complete: true,
      achievements: [
        {
          achievementId: 'a1',
          type: 'standard',
          path: 'achievements[0]',
          required: [
            { material: '标准文本', evidenceIds: [a1Text], present: true },
            { material: '发布公告', evidenceIds: [a1Notice, sharedNotice], present: true },
          ],
          missing: [],
        },
        {
          achievementId: 'a2',
          type: 'standard',
          path: 'achievements[1]',
          required: [
            { material: '标准文本', evidenceIds: [a2Text], present: true },
            { material: '发布公告', evidenceIds: [sharedNotice], present: true },
          ],
          missing: [],
        },
        {
          achievementId: 'a3',
          type: 'standard',
          path: 'achievements[2]',
          required: [
            { material: '标准文本', evidenceIds: [a3Text], present: true },
            { material: '发布公告', evidenceIds: [sharedNotice], present: true },
          ],
          missing: [],
        },
      ],
    });
  });
});
