import { INestApplication } from '@nestjs/common';
import { addWorkingDays, ManualClock, parseCalendarDate } from '@subsidy/calendar';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  nationalStandardLead,
  OrganizationFixture,
  ProgramFixture,
  reviewSettings,
  Session,
  TenantFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A small but real PDF: header, one empty page, cross-reference table and trailer. */
function pdfBytes(text = 'evidence'): Buffer {
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

/** A Windows executable's DOS header and PE signature, named like a PDF. */
function exeBytes(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x014c, 0x84);
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('applications over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let storageDir: string;
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  let tianjin: TenantFixture;
  let program: ProgramFixture;
  let districtOnly: ProgramFixture;
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let applicantA: Session;
  let applicantB: Session;
  let officer: Session;
  let reviewerHeping: Session;
  let reviewerHedong: Session;
  let otherTenantOfficer: Session;
  let applicationId: string;
  let evidenceId: string;
  const pdf = pdfBytes('GB/T 40001-2023');
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-evidence-'));
    app = await createApp({ ...db.config, storage: { dir: storageDir } }, { clock });
    tianjin = await createTenant(db, {
      id: 'tianjin',
      districts: [
        { code: '120101', nameZh: '和平区' },
        { code: '120102', nameZh: '河东区' },
      ],
    });
    const other = await createTenant(db);
    program = await createProgram(db, {
      tenantId: tianjin.id,
      policyId: 'tianjin-2021',
      review: reviewSettings({ formalCheckWorkingDays: 5 }),
    });
    districtOnly = await createProgram(db, {
      tenantId: tianjin.id,
      policyId: 'tianjin-2021',
      title: '2024年度标准化资助（区级初审）',
      review: reviewSettings({ stages: { formal_check: false, district_review: true, technical_review: false, expert_review: false } }),
    });
    orgA = await createOrganization(db, { tenantId: tianjin.id, districtCode: '120101', name: '天津示范标准有限公司' });
    orgB = await createOrganization(db, { tenantId: tianjin.id, districtCode: '120102', name: '河东标准化研究院有限公司' });
    applicantA = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'applicant', organizationId: orgA.id }));
    applicantB = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'applicant', organizationId: orgB.id }));
    officer = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'program_officer' }));
    reviewerHeping = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'district_reviewer', districtCode: '120101' }));
    reviewerHedong = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'district_reviewer', districtCode: '120102' }));
    otherTenantOfficer = await login(app, await createUser(db, { tenantId: other.id, role: 'program_officer' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  /** Creates, fills and declares an application, ready to submit. */
  async function preparedApplication(session: Session, programId: string, achievementId = 'a1'): Promise<string> {
    const created = await http().post(`/api/v1/programs/${programId}/applications`).set(session.headers).expect(201);
    await http()
      .put(`/api/v1/applications/${created.body.id}/achievements`)
      .set(session.headers)
      .send({ achievements: [nationalStandardLead(achievementId)] })
      .expect(200);
    await http().post(`/api/v1/applications/${created.body.id}/declaration`).set(session.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    return created.body.id as string;
  }

  describe('the happy path, step by step', () => {
    it('creates a draft routed to the organization district, once per program', async () => {
      const created = await http().post(`/api/v1/programs/${program.id}/applications`).set(applicantA.headers).expect(201);
      expect(created.body).toMatchObject({ programId: program.id, organizationId: orgA.id, districtCode: '120101', reviewLevel: 'district', status: 'draft' });
      applicationId = created.body.id;

      const again = await http().post(`/api/v1/programs/${program.id}/applications`).set(applicantA.headers).expect(409);
      expect(again.body.code).toBe('application_exists');
      expect(again.body.details).toEqual([{ path: 'applicationId', message: applicationId }]);
      const audit = await rows<{ action: string }>(`select action from audit_log where tenant_id = 'tianjin' and entity_id = $1`, [applicationId]);
      expect(audit.map((a) => a.action)).toEqual(['application.created']);
    });

    it('refuses achievements the engine would not read, naming the field in the request body', async () => {
      const bad = await http()
        .put(`/api/v1/applications/${applicationId}/achievements`)
        .set(applicantA.headers)
        .send({ achievements: [nationalStandardLead('a1'), { ...nationalStandardLead('a2'), level: 'galactic' }] })
        .expect(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(bad.body.details[0].path).toBe('achievements[1].level');

      const badCode = await http()
        .put(`/api/v1/applications/${applicationId}/achievements`)
        .set(applicantA.headers)
        .send({ achievements: [{ ...nationalStandardLead('a1'), coDraftingUsccs: [makeUscc(), '91370100XXXXXXXX00'] }] })
        .expect(400);
      expect(badCode.body.details.map((d: { path: string }) => d.path)).toEqual(['achievements[0].coDraftingUsccs[1]']);

      const tooMany = await http()
        .put(`/api/v1/applications/${applicationId}/achievements`)
        .set(applicantA.headers)
        .send({ achievements: Array.from({ length: 51 }, (_, i) => nationalStandardLead(`a${i}`)) })
        .expect(400);
      expect(tooMany.body.details[0].path).toBe('achievements');
    });

    it('stores the full list, keeping fields policies read and the co-drafting units', async () => {
      const coDrafter = makeUscc();
      const achievement = { ...nationalStandardLead('a1'), coDraftingUsccs: [coDrafter], costsIncurredFen: 12_000_000 };
      const saved = await http().put(`/api/v1/applications/${applicationId}/achievements`).set(applicantA.headers).send({ achievements: [achievement] }).expect(200);
      expect(saved.body.achievements).toEqual([achievement]);
      const stored = await rows<{ payload: unknown }>(`select payload from application_achievements where application_id = $1`, [applicationId]);
      expect(stored).toEqual([{ payload: achievement }]);
    });

    it('accepts a real PDF as evidence and stores it under the tenant with its checksum', async () => {
      const uploaded = await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicantA.headers)
        .field('achievementId', 'a1')
        .field('material', '标准文本')
        .attach('file', pdf, { filename: '标准文本.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(uploaded.body).toMatchObject({ applicationId, achievementId: 'a1', material: '标准文本', mime: 'application/pdf', sizeBytes: pdf.length, sha256: sha256(pdf), originalName: '标准文本.pdf' });
      expect(uploaded.body.storageKey).toBeUndefined();
      evidenceId = uploaded.body.id;
      const [row] = await rows<{ tenant_id: string; storage_key: string; sha256: string }>(`select tenant_id, storage_key, sha256 from evidence_files where id = $1`, [evidenceId]);
      expect(row).toMatchObject({ tenant_id: 'tianjin', sha256: sha256(pdf) });
      expect(sha256(readFileSync(join(storageDir, 'tianjin', row.storage_key)))).toBe(sha256(pdf));
    });

    it('rejects an executable named .pdf by its content, and a file over 10 MB', async () => {
      const exe = await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicantA.headers)
        .attach('file', exeBytes(), { filename: 'scan.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(exe.body.code).toBe('evidence_type_not_allowed');
      expect(exe.body.details[0].path).toBe('file');

      const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]);
      const tooLarge = await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicantA.headers)
        .attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.code).toBe('evidence_too_large');

      const unknownAchievement = await http()
        .post(`/api/v1/applications/${applicationId}/evidence`)
        .set(applicantA.headers)
        .field('achievementId', 'nope')
        .attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(unknownAchievement.body.details[0].path).toBe('achievementId');
      const count = await rows<{ n: number }>(`select count(*)::int as n from evidence_files where application_id = $1`, [applicationId]);
      expect(count[0].n).toBe(1);
    });

    it('lists and serves the evidence as an attachment with the stored type', async () => {
      const listed = await http().get(`/api/v1/applications/${applicationId}/evidence`).set(applicantA.headers).expect(200);
      expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([evidenceId]);
      const content = await http()
        .get(`/api/v1/evidence/${evidenceId}/content`)
        .set(officer.headers)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.headers['content-disposition']).toMatch(/^attachment; filename="/);
      expect(content.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('标准文本.pdf')}`);
      expect(sha256(content.body as Buffer)).toBe(sha256(pdf));
    });

    it('estimates the award with the Tianjin policy and explains it', async () => {
      const estimate = await http().get(`/api/v1/applications/${applicationId}/estimate`).set(applicantA.headers).expect(200);
      expect(estimate.body).toMatchObject({ applicationId, applicationDate: '2024-03-15', programYear: 2024, policy: { id: 'tianjin-2021' } });
      // 第七条: 主导制定国家标准 8万 (fixed).
      expect(estimate.body.totalFen).toBe(8_000_000);
      const [item] = estimate.body.items;
      expect(item).toMatchObject({ achievementId: 'a1', outcome: 'awarded', amountFen: 8_000_000, basis: 'fixed', article: '第七条' });
      expect(item.trace.length).toBeGreaterThan(0);
      expect(item.trace[0].text.zh).toEqual(expect.any(String));
    });

    it('requires the declaration and an Idempotency-Key before submitting', async () => {
      const undeclared = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantA.headers).set('Idempotency-Key', 'submit-undeclared-1').expect(409);
      expect(undeclared.body.code).toBe('declaration_required');

      const declared = await http()
        .post(`/api/v1/applications/${applicationId}/declaration`)
        .set(applicantA.headers)
        .send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' })
        .expect(200);
      expect(declared.body.declaredAt).toBe('2024-03-15T02:00:00.000Z');
      const refused = await http().post(`/api/v1/applications/${applicationId}/declaration`).set(applicantA.headers).send({ accepted: false, statement: 'x' }).expect(400);
      expect(refused.body.details[0].path).toBe('accepted');

      const noKey = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantA.headers).expect(400);
      expect(noKey.body.code).toBe('idempotency_key_missing');
      expect(noKey.body.details[0].path).toBe('Idempotency-Key');
    });

    it('submits to the formal check with its working-day deadline, job and notifications, and replays a retry', async () => {
      const key = 'submit-happy-path-0001';
      const submitted = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantA.headers).set('Idempotency-Key', key).expect(200);
      const dueOn = addWorkingDays(parseCalendarDate('2024-03-15'), 5);
      expect(submitted.body).toEqual({
        applicationId,
        status: 'formal_check',
        submittedAt: '2024-03-15T02:00:00.000Z',
        submissionCount: 1,
        stageDueOn: dueOn,
        estimateTotalFen: 8_000_000,
      });
      expect(submitted.headers['idempotent-replayed']).toBeUndefined();

      const replay = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantA.headers).set('Idempotency-Key', key).expect(200);
      expect(replay.body).toEqual(submitted.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');

      const [stored] = await rows<{ status: string; submission_count: number; estimate_total_fen: string; applicant_snapshot: Record<string, unknown> }>(
        `select status, submission_count, estimate_total_fen::text, applicant_snapshot from applications where id = $1`,
        [applicationId],
      );
      expect(stored).toMatchObject({ status: 'formal_check', submission_count: 1, estimate_total_fen: '8000000' });
      expect(stored.applicant_snapshot).toMatchObject({ uscc: orgA.uscc, name: '天津示范标准有限公司', kind: 'enterprise', districtCode: '120101', districtName: '和平区' });
      const jobs = await rows<{ payload: Record<string, unknown>; run_at: Date }>(
        `select payload, run_at from outbox where job_name = 'application.formal-check-deadline' and payload->>'applicationId' = $1`,
        [applicationId],
      );
      expect(jobs).toHaveLength(1);
      expect(jobs[0].payload).toEqual({ tenantId: 'tianjin', applicationId, round: 1 });
      expect(jobs[0].run_at.toISOString()).toBe(new Date(`${dueOn}T23:59:59.999+08:00`).toISOString());
      const notified = await rows<{ kind: string; organization_id: string | null; user_id: string }>(
        `select kind, organization_id, user_id from notifications where entity_id = $1 order by kind`,
        [applicationId],
      );
      expect(notified.map((n) => n.kind)).toEqual(['application.awaiting-review', 'application.submitted']);
      expect(notified[1].organization_id).toBe(orgA.id);
      const moves = await rows<{ action: string }>(`select action from audit_log where entity_id = $1 and action like 'application.%' order by seq`, [applicationId]);
      expect(moves.map((m) => m.action)).toEqual(['application.created', 'application.achievements-replaced', 'application.declared', 'application.submitted']);
    });

    it('answers a new key for an already submitted application with 409, and locks the content', async () => {
      const again = await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantA.headers).set('Idempotency-Key', 'submit-happy-path-0002').expect(409);
      expect(again.body.code).toBe('invalid_state');
      await http().put(`/api/v1/applications/${applicationId}/achievements`).set(applicantA.headers).send({ achievements: [] }).expect(409);
      await http().delete(`/api/v1/evidence/${evidenceId}`).set(applicantA.headers).expect(409);
    });

    it('shows the application with achievements, evidence, deadline and review history', async () => {
      const detail = await http().get(`/api/v1/applications/${applicationId}`).set(officer.headers).expect(200);
      expect(detail.body).toMatchObject({
        id: applicationId,
        status: 'formal_check',
        stageDueOn: addWorkingDays(parseCalendarDate('2024-03-15'), 5),
        organizationName: '天津示范标准有限公司',
        estimateTotalFen: 8_000_000,
        submissionCount: 1,
        reviewHistory: [],
      });
      expect(detail.body.achievements.map((a: { id: string }) => a.id)).toEqual(['a1']);
      expect(detail.body.evidence.map((e: { id: string }) => e.id)).toEqual([evidenceId]);
    });
  });

  it('sends an application of a program without formal check straight to its district reviewers', async () => {
    const id = await preparedApplication(applicantA, districtOnly.id);
    const submitted = await http().post(`/api/v1/applications/${id}/submit`).set(applicantA.headers).set('Idempotency-Key', `district-${id}`).expect(200);
    // Every review stage has a due date: the program sets none for the district review, so the default 10 working days.
    expect(submitted.body).toMatchObject({ status: 'district_review', stageDueOn: addWorkingDays(parseCalendarDate('2024-03-15'), 10) });
    const notified = await rows<{ user_id: string; role: string; district_code: string }>(
      `select n.user_id, u.role, u.district_code from notifications n join users u on u.id = n.user_id
        where n.entity_id = $1 and n.kind = 'application.awaiting-review'`,
      [id],
    );
    expect(notified).toEqual([expect.objectContaining({ role: 'district_reviewer', district_code: '120101' })]);
  });

  it('refuses a submission once the window has closed (server time, CST)', async () => {
    const id = await preparedApplication(applicantB, program.id, 'b1');
    clock.set(new Date('2024-04-01T00:00:00+08:00'));
    try {
      const late = await http().post(`/api/v1/applications/${id}/submit`).set(applicantB.headers).set('Idempotency-Key', `late-${id}`).expect(409);
      expect(late.body.code).toBe('window_closed');
      const created = await http().post(`/api/v1/programs/${districtOnly.id}/applications`).set(applicantB.headers).expect(409);
      expect(created.body.code).toBe('window_closed');
    } finally {
      clock.set(new Date('2024-03-15T10:00:00+08:00'));
    }
    const [row] = await rows<{ status: string; submission_count: number }>(`select status, submission_count from applications where id = $1`, [id]);
    expect(row).toEqual({ status: 'draft', submission_count: 0 });
  });

  it('routes organizations of the kinds the city reviews past the district review', async () => {
    const cityRouted = await createProgram(db, {
      tenantId: tianjin.id,
      policyId: 'tianjin-2021',
      title: '2024年度标准化资助（市直单位）',
      review: reviewSettings({ stages: { formal_check: false, district_review: true, technical_review: false, expert_review: false }, cityReviewedKinds: ['institution'] }),
    });
    const institute = await createOrganization(db, { tenantId: tianjin.id, districtCode: '120102', kind: 'institution', name: '天津市标准化研究院' });
    const instituteApplicant = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'applicant', organizationId: institute.id }));
    const id = await preparedApplication(instituteApplicant, cityRouted.id);
    const detail = await http().get(`/api/v1/applications/${id}`).set(instituteApplicant.headers).expect(200);
    expect(detail.body).toMatchObject({ reviewLevel: 'city', districtCode: '120102' });
    const submitted = await http().post(`/api/v1/applications/${id}/submit`).set(instituteApplicant.headers).set('Idempotency-Key', `city-${id}`).expect(200);
    expect(submitted.body.status).toBe('awaiting_decision');

    const enterpriseId = await preparedApplication(applicantB, cityRouted.id);
    const enterprise = await http().post(`/api/v1/applications/${enterpriseId}/submit`).set(applicantB.headers).set('Idempotency-Key', `city-${enterpriseId}`).expect(200);
    expect(enterprise.body.status).toBe('district_review');
  });

  it('tells the policy what the organization was paid under earlier programs (Weihai: no second award for one thing)', async () => {
    const weihai = await createTenant(db, { id: 'weihai', districts: [{ code: '371002', nameZh: '环翠区' }] });
    const paidBefore = await createOrganization(db, { tenantId: weihai.id, districtCode: '371002' });
    const newcomer = await createOrganization(db, { tenantId: weihai.id, districtCode: '371002' });
    const last = await createProgram(db, { tenantId: weihai.id, policyId: 'weihai-2020', year: 2023, status: 'handed_over' });
    const current = await createProgram(db, { tenantId: weihai.id, policyId: 'weihai-2020', year: 2024 });
    const earlier = await createApplication(db, {
      tenantId: weihai.id,
      programId: last.id,
      organizationId: paidBefore.id,
      districtCode: '371002',
      status: 'handed_over',
      achievements: [nationalStandardLead('p1')],
    });
    await asSuperuser(db, (c) =>
      c.query(
        `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, proposed_fen, decided_fen) values ($1, $2, 'p1', 50000000, 'ceiling', 30000000, 30000000)`,
        [weihai.id, earlier.id],
      ),
    );
    const estimateFor = async (organizationId: string) => {
      const session = await login(app, await createUser(db, { tenantId: weihai.id, role: 'applicant', organizationId }));
      const id = await preparedApplication(session, current.id);
      return (await http().get(`/api/v1/applications/${id}/estimate`).set(session.headers).expect(200)).body;
    };
    // The same standard (GB/T 40001-2023) as the one paid in 2023.
    const repeat = await estimateFor(paidBefore.id);
    expect(repeat.totalFen).toBe(0);
    expect(repeat.items[0]).toMatchObject({ outcome: 'rejected', reasons: ['already_funded'] });
    const fresh = await estimateFor(newcomer.id);
    expect(fresh.totalFen).toBeGreaterThan(0);
    expect(fresh.items[0].outcome).toBe('awarded');
  });

  it('resubmits a corrected application to the stage that asked for it, after the window but not after the correction deadline', async () => {
    const corrector = await createOrganization(db, { tenantId: tianjin.id, districtCode: '120101' });
    const session = await login(app, await createUser(db, { tenantId: tianjin.id, role: 'applicant', organizationId: corrector.id }));
    const returned = await createApplication(db, {
      tenantId: tianjin.id,
      programId: program.id,
      organizationId: corrector.id,
      districtCode: '120101',
      status: 'correction_requested',
      returnStage: 'formal_check',
      stageDueOn: '2024-04-03',
      submissionCount: 1,
    });
    clock.set(new Date('2024-04-02T09:00:00+08:00'));
    try {
      const resubmitted = await http().post(`/api/v1/applications/${returned.id}/submit`).set(session.headers).set('Idempotency-Key', `resubmit-${returned.id}`).expect(200);
      expect(resubmitted.body).toMatchObject({ status: 'formal_check', submissionCount: 2, stageDueOn: addWorkingDays(parseCalendarDate('2024-04-02'), 5) });
      const jobs = await rows<{ payload: { round: number } }>(`select payload from outbox where payload->>'applicationId' = $1`, [returned.id]);
      expect(jobs.map((j) => j.payload.round)).toEqual([2]);
      const audit = await rows<{ action: string }>(`select action from audit_log where entity_id = $1`, [returned.id]);
      expect(audit.map((a) => a.action)).toEqual(['application.resubmitted']);

      const late = await createApplication(db, {
        tenantId: tianjin.id,
        programId: districtOnly.id,
        organizationId: corrector.id,
        districtCode: '120101',
        status: 'correction_requested',
        returnStage: 'district_review',
        stageDueOn: '2024-04-01',
        submissionCount: 1,
      });
      const refused = await http().post(`/api/v1/applications/${late.id}/submit`).set(session.headers).set('Idempotency-Key', `resubmit-${late.id}`).expect(409);
      expect(refused.body.message).toContain('2024-04-01');
    } finally {
      clock.set(new Date('2024-03-15T10:00:00+08:00'));
    }
  });

  describe('who may see what', () => {
    it('keeps an application from applicants of other organizations and reviewers of other districts', async () => {
      await http().get(`/api/v1/applications/${applicationId}`).set(applicantB.headers).expect(403);
      await http().get(`/api/v1/applications/${applicationId}/estimate`).set(applicantB.headers).expect(403);
      await http().get(`/api/v1/evidence/${evidenceId}/content`).set(applicantB.headers).expect(403);
      await http().get(`/api/v1/applications/${applicationId}`).set(reviewerHedong.headers).expect(403);
      await http().get(`/api/v1/applications/${applicationId}/evidence`).set(reviewerHedong.headers).expect(403);
      await http().get(`/api/v1/evidence/${evidenceId}/content`).set(reviewerHedong.headers).expect(403);
      await http().get(`/api/v1/applications/${applicationId}`).set(reviewerHeping.headers).expect(200);
      await http().get(`/api/v1/evidence/${evidenceId}/content`).set(reviewerHeping.headers).expect(200);
    });

    it('lists by scope: own organization, own district, the whole tenant', async () => {
      const ids = async (session: Session, query = '') =>
        (await http().get(`/api/v1/applications${query}`).set(session.headers).expect(200)).body.items.map((a: { id: string }) => a.id) as string[];
      expect(await ids(applicantA)).toContain(applicationId);
      expect(await ids(applicantB)).not.toContain(applicationId);
      expect(await ids(reviewerHeping)).toContain(applicationId);
      expect(await ids(reviewerHedong)).not.toContain(applicationId);
      const filtered = await http().get(`/api/v1/applications?programId=${program.id}&status=formal_check`).set(officer.headers).expect(200);
      expect(filtered.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
      expect(new Set(filtered.body.items.map((a: { programId: string; status: string }) => `${a.programId} ${a.status}`))).toEqual(new Set([`${program.id} formal_check`]));
      expect(await ids(officer, `?programId=${districtOnly.id}`)).not.toContain(applicationId);
      const bad = await http().get('/api/v1/applications?status=nonsense').set(officer.headers).expect(400);
      expect(bad.body.details[0].path).toBe('status');
    });

    it('does not let another organization act on the application', async () => {
      await http().post(`/api/v1/applications/${applicationId}/withdraw`).set(applicantB.headers).send({}).expect(403);
      await http().post(`/api/v1/applications/${applicationId}/submit`).set(applicantB.headers).set('Idempotency-Key', 'foreign-submit-01').expect(403);
      await http().post(`/api/v1/programs/${program.id}/applications`).set(officer.headers).expect(403);
    });

    it('never serves one tenant the evidence or applications of another (404)', async () => {
      const content = await http().get(`/api/v1/evidence/${evidenceId}/content`).set(otherTenantOfficer.headers).expect(404);
      expect(content.body.code).toBe('evidence_not_found');
      await http().get(`/api/v1/applications/${applicationId}`).set(otherTenantOfficer.headers).expect(404);
      await http().get(`/api/v1/applications/${applicationId}/evidence`).set(otherTenantOfficer.headers).expect(404);
    });
  });

  it('lets the applicant delete evidence of a draft and withdraw it', async () => {
    const [draft] = await rows<{ id: string }>(`select id from applications where organization_id = $1 and program_id = $2`, [orgB.id, program.id]);
    const uploaded = await http()
      .post(`/api/v1/applications/${draft.id}/evidence`)
      .attach('file', pdfBytes('draft'), { filename: 'draft.pdf', contentType: 'application/pdf' })
      .set(applicantB.headers)
      .expect(201);
    const [row] = await rows<{ storage_key: string }>(`select storage_key from evidence_files where id = $1`, [uploaded.body.id]);
    await http().delete(`/api/v1/evidence/${uploaded.body.id}`).set(applicantA.headers).expect(403);
    await http().delete(`/api/v1/evidence/${uploaded.body.id}`).set(applicantB.headers).expect(204);
    await http().get(`/api/v1/evidence/${uploaded.body.id}/content`).set(applicantB.headers).expect(404);
    expect(existsSync(join(storageDir, 'tianjin', row.storage_key))).toBe(false);

    const withdrawn = await http().post(`/api/v1/applications/${draft.id}/withdraw`).set(applicantB.headers).send({ reason: '材料不全' }).expect(200);
    expect(withdrawn.body).toEqual({ applicationId: draft.id, status: 'withdrawn' });
    await http().post(`/api/v1/applications/${draft.id}/withdraw`).set(applicantB.headers).send({}).expect(409);
  });
});
