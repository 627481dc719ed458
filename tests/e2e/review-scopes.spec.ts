import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { ApplicationStatus, ReviewSettings } from '@subsidy/workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  makeUscc,
  nationalStandardLead,
  OrganizationFixture,
  reviewSettings,
  Session,
  UserFixture,
} from '../support/factories';
import { createHandedOverProgram } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'weihai';
const HUANCUI = '371002';
const WENDENG = '371003';

/** A small but real PDF, so the upload passes the content check. */
function pdfBytes(text: string): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj`,
    `4 0 obj << /Length ${text.length + 20} >> stream\nBT /F1 12 Tf (${text}) Tj ET\nendstream endobj`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${object}\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Who reads which application (issue 9, item 5): an expert only the applications they hold a current panel seat on,
 * a technical reviewer only those that reached technical review, a district-level finance officer only its district's
 * lines of the approved list. Out of reach is 404 for a single read and absent from a list, never a 403 that would
 * reveal the application exists.
 */
describe('review scopes: experts, technical reviewers and district finance see only what reaches them', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let storageDir: string;
  let officer: Session;
  let technical: Session;
  const experts: Array<UserFixture & { session: Session }> = [];
  const clock = new ManualClock(new Date('2024-05-10T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const pdf = pdfBytes('GB/T 40001-2023');

  const panelReview: ReviewSettings = reviewSettings({
    stages: { formal_check: false, district_review: false, technical_review: false, expert_review: true },
    panel: {
      size: 2,
      quorum: 2,
      scoringDays: 7,
      reminderHoursBefore: 24,
      combine: 'mean',
      rubric: { criteria: [{ key: 'quality', label: '标准质量', maxPoints: 10000 }] },
    },
  });
  const technicalReview: ReviewSettings = reviewSettings({ stages: { formal_check: true, district_review: true, technical_review: true, expert_review: false } });
  const noTechnicalReview: ReviewSettings = reviewSettings({ stages: { formal_check: true, district_review: true, technical_review: false, expert_review: true }, panel: panelReview.panel });
  const programs = { panel: '', technical: '', noTechnical: '' };

  async function organizationWithApplicant(districtCode = HUANCUI): Promise<{ org: OrganizationFixture; applicant: Session }> {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode });
    return { org, applicant: await login(app, await createOrganizationAdministrator(db, org)) };
  }

  async function application(programId: string, status: ApplicationStatus, org?: OrganizationFixture): Promise<string> {
    const owner = org ?? (await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI }));
    return (await createApplication(db, { tenantId: TENANT, programId, organizationId: owner.id, districtCode: owner.districtCode, status, achievements: [nationalStandardLead('a1', '2023-06-01')] })).id;
  }

  const listed = async (session: Session): Promise<string[]> => ((await http().get('/api/v1/applications').set(session.headers).expect(200)).body.items as Array<{ id: string }>).map((a) => a.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-scopes-'));
    app = await createApp({ ...db.config, storage: { dir: storageDir } }, { clock });
    await createTenant(db, { id: TENANT, districts: [{ code: HUANCUI, nameZh: '环翠区' }, { code: WENDENG, nameZh: '文登区' }] });
    programs.panel = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: panelReview })).id;
    programs.technical = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: technicalReview })).id;
    programs.noTechnical = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: noTechnicalReview })).id;
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
    technical = await login(app, await createUser(db, { tenantId: TENANT, role: 'technical_reviewer' }));
    for (let i = 0; i < 4; i++) {
      const user = await createUser(db, { tenantId: TENANT, role: 'expert' });
      experts.push({ ...user, session: await login(app, user) });
      await http().put(`/api/v1/experts/${user.id}/profile`).set(officer.headers).send({ field: '标准化', affiliatedUsccs: [makeUscc()], active: true }).expect(200);
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  describe('experts', () => {
    let applicationId: string;
    let otherId: string;
    let evidenceId: string;
    let seated: string[];
    const expert = (id: string) => experts.find((e) => e.id === id)!;

    /** Every read an expert might try on one application, with the status each answered. */
    const reads = async (session: Session) => ({
      detail: (await http().get(`/api/v1/applications/${applicationId}`).set(session.headers)).status,
      evidence: (await http().get(`/api/v1/applications/${applicationId}/evidence`).set(session.headers)).status,
      download: (await http().get(`/api/v1/evidence/${evidenceId}/content`).set(session.headers)).status,
      estimate: (await http().get(`/api/v1/applications/${applicationId}/estimate`).set(session.headers)).status,
    });

    beforeAll(async () => {
      // The applicant uploads its evidence while drafting; the application then reaches the expert panel.
      const { org, applicant } = await organizationWithApplicant();
      applicationId = await application(programs.panel, 'draft', org);
      const uploaded = await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicant.headers)
        .field('achievementId', 'a1')
        .attach('file', pdf, { filename: '标准文本.pdf', contentType: 'application/pdf' })
        .expect(201);
      evidenceId = uploaded.body.id;
      await asSuperuser(db, (c) =>
        c.query(`update applications set status = 'expert_review', submitted_at = $2, declared_at = $2, submission_count = 1 where id = $1`, [applicationId, new Date('2024-03-20T10:00:00+08:00')]),
      );
      otherId = await application(programs.panel, 'expert_review');
      const drawn = await http().post(`/api/v1/applications/${applicationId}/panel`).set(officer.headers).expect(201);
      seated = (drawn.body.members as Array<{ expertId: string }>).map((m) => m.expertId);
      expect(seated).toHaveLength(2);
      await http().post(`/api/v1/applications/${otherId}/panel`).set(officer.headers).expect(201);
    });

    it('lets a seated expert read the application, its evidence and its estimate, and lists exactly the applications they sit on', async () => {
      const member = expert(seated[0]);
      // The documents open once the expert has declared no conflict of interest (回避声明).
      expect(await reads(member.session)).toEqual({ detail: 403, evidence: 403, download: 403, estimate: 403 });
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(member.session.headers).send({ noConflict: true }).expect(200);
      expect(await reads(member.session)).toEqual({ detail: 200, evidence: 200, download: 200, estimate: 200 });
      const download = await http().get(`/api/v1/evidence/${evidenceId}/content`).set(member.session.headers).buffer(true).expect(200);
      expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
      const seats = await asSuperuser(db, (c) =>
        c.query<{ application_id: string }>(`select application_id from panel_members where expert_id = $1 and status in ('invited', 'scored') order by application_id`, [member.id]),
      );
      expect((await listed(member.session)).sort()).toEqual(seats.rows.map((r) => r.application_id).sort());
      expect(await listed(member.session)).toContain(applicationId);
    });

    it('answers 404 to an expert without a seat, for the application, its evidence, the file and the estimate, and leaves it out of their list', async () => {
      const outsider = experts.find((e) => !seated.includes(e.id))!;
      expect(await reads(outsider.session)).toEqual({ detail: 404, evidence: 404, download: 404, estimate: 404 });
      const detail = await http().get(`/api/v1/applications/${applicationId}`).set(outsider.session.headers).expect(404);
      expect(detail.body.code).toBe('application_not_found');
      const download = await http().get(`/api/v1/evidence/${evidenceId}/content`).set(outsider.session.headers).expect(404);
      expect(download.body.code).toBe('evidence_not_found');
      expect(await listed(outsider.session)).not.toContain(applicationId);
    });

    it('takes the application away from an expert who declares a conflict of interest, and gives it to the replacement', async () => {
      const leaver = expert(seated[0]);
      const conflict = await http().post(`/api/v1/applications/${applicationId}/panel/conflict`).set(leaver.session.headers).send({ reason: '与申报单位存在合作关系' }).expect(200);
      const [replacement] = conflict.body.replacedBy as string[];
      expect(replacement).toBeDefined();
      expect(await reads(leaver.session)).toEqual({ detail: 404, evidence: 404, download: 404, estimate: 404 });
      expect(await listed(leaver.session)).not.toContain(applicationId);
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert(replacement).session.headers).send({ noConflict: true }).expect(200);
      expect(await reads(expert(replacement).session)).toEqual({ detail: 200, evidence: 200, download: 200, estimate: 200 });
      expect(await listed(expert(replacement).session)).toContain(applicationId);
      // The program office still reads everything.
      expect(await reads(officer)).toEqual({ detail: 200, evidence: 200, download: 200, estimate: 200 });
    });
  });

  describe('technical reviewers', () => {
    const ids = {} as Record<'formalCheck' | 'districtReview' | 'inTechnical' | 'passed' | 'withoutTechnicalExpert' | 'withoutTechnicalDecision', string>;

    beforeAll(async () => {
      ids.formalCheck = await application(programs.technical, 'formal_check');
      ids.districtReview = await application(programs.technical, 'district_review');
      ids.inTechnical = await application(programs.technical, 'technical_review');
      ids.passed = await application(programs.technical, 'technical_review');
      ids.withoutTechnicalExpert = await application(programs.noTechnical, 'expert_review');
      ids.withoutTechnicalDecision = await application(programs.noTechnical, 'awaiting_decision');
    });

    it('reads an application in technical review, and still after completing it', async () => {
      await http().get(`/api/v1/applications/${ids.inTechnical}`).set(technical.headers).expect(200);
      await http().get(`/api/v1/applications/${ids.inTechnical}/estimate`).set(technical.headers).expect(200);
      const base = `/api/v1/applications/${ids.passed}`;
      await http().put(`${base}/technical-opinions/a1`).set(technical.headers).send({ opinion: 'support', comment: '符合条件' }).expect(200);
      await http().post(`${base}/technical-review/complete`).set(technical.headers).expect(200);
      const after = await http().get(base).set(technical.headers).expect(200);
      expect(after.body.status).toBe('awaiting_decision');
    });

    it('answers 404 for an application still in formal check or district review, and for one of a program without technical review', async () => {
      for (const id of [ids.formalCheck, ids.districtReview, ids.withoutTechnicalExpert, ids.withoutTechnicalDecision]) {
        const detail = await http().get(`/api/v1/applications/${id}`).set(technical.headers).expect(404);
        expect(detail.body.code).toBe('application_not_found');
        await http().get(`/api/v1/applications/${id}/evidence`).set(technical.headers).expect(404);
        await http().get(`/api/v1/applications/${id}/estimate`).set(technical.headers).expect(404);
      }
    });

    it('lists only the applications that reached technical review, while the program office lists them all', async () => {
      expect((await listed(technical)).sort()).toEqual([ids.inTechnical, ids.passed].sort());
      expect(await listed(officer)).toEqual(expect.arrayContaining(Object.values(ids)));
    });
  });

  describe('district-level finance officers', () => {
    let programId: string;
    let huancui: Session;
    let city: Session;
    let huancuiOrg: OrganizationFixture;
    let wendengOrg: OrganizationFixture;

    beforeAll(async () => {
      huancuiOrg = await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI });
      wendengOrg = await createOrganization(db, { tenantId: TENANT, districtCode: WENDENG });
      programId = (
        await createHandedOverProgram(db, {
          tenantId: TENANT,
          policyId: 'weihai-2020',
          year: 2023,
          applications: [
            { organization: huancuiOrg, items: [{ achievementId: 'a1', decidedFen: 10_001 }] },
            { organization: wendengOrg, items: [{ achievementId: 'b1', decidedFen: 300_000 }] },
          ],
        })
      ).program.id;
      huancui = await login(app, await createUser(db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'district', districtCode: HUANCUI }));
      city = await login(app, await createUser(db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    });

    const approved = async (session: Session) => (await http().get(`/api/v1/programs/${programId}/approved-list`).set(session.headers).expect(200)).body;

    it("gives a district finance officer its own district's lines of the approved list only", async () => {
      const own = await approved(huancui);
      expect(own.applications.map((a: { organization: { id: string } }) => a.organization.id)).toEqual([huancuiOrg.id]);
      expect(own.applications[0].district).toEqual({ code: HUANCUI, name: '环翠区' });
      expect(own.totalFen).toBe(10_001);
    });

    it('gives city finance and the program office every district', async () => {
      for (const session of [city, officer]) {
        const all = await approved(session);
        expect(all.applications.map((a: { organization: { id: string } }) => a.organization.id).sort()).toEqual([huancuiOrg.id, wendengOrg.id].sort());
        expect(all.totalFen).toBe(310_001);
      }
    });
  });
});
