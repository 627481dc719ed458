import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { validProgramBody } from '../unit/programs/program-body';

/**
 * "No stage waits silently": a program with district review is scheduled only when every district that can have
 * applicants (a verified organization of a kind the district reviews) has an active district reviewer; the refusal
 * names each district by its Chinese name and changes nothing.
 */
describe('scheduling a program with district review needs a reviewer in every district with applicants', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let beijingOfficer: Session;
  const clock = new ManualClock(new Date('2024-02-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, {
      id: 'tianjin',
      districts: [
        { code: '120101', nameZh: '和平区' },
        { code: '120102', nameZh: '河东区' },
        { code: '120103', nameZh: '河西区' },
        { code: '120104', nameZh: '南开区' },
        { code: '120105', nameZh: '河北区' },
      ],
    });
    // 和平区 and 河东区: verified enterprises. 河西区: only a registration still pending review (it cannot submit).
    // 南开区: only a verified institution (the city reviews institutions under validProgramBody). 河北区: nobody.
    await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' });
    await createOrganization(db, { tenantId: 'tianjin', districtCode: '120102' });
    await createOrganization(db, { tenantId: 'tianjin', districtCode: '120103', registrationStatus: 'pending_review' });
    await createOrganization(db, { tenantId: 'tianjin', districtCode: '120104', kind: 'institution' });
    // A reviewer who left (deactivated) does not cover 河东区.
    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120102', active: false });
    officer = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }));

    await createTenant(db, { id: 'beijing', districts: [{ code: '110105', nameZh: '朝阳区' }] });
    await createOrganization(db, { tenantId: 'beijing', districtCode: '110105' });
    beijingOfficer = await login(app, await createUser(db, { tenantId: 'beijing', role: 'program_officer' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const draft = async (session: Session, body: Record<string, unknown>): Promise<string> =>
    (await http().post('/api/v1/programs').set(session.headers).send(body).expect(201)).body.id as string;

  const programState = async (id: string) => {
    const { rows } = await asSuperuser(db, async (c) => {
      const program = await c.query<{ status: string }>(`select status from programs where id = $1`, [id]);
      const jobs = await c.query<{ n: number }>(`select count(*)::int as n from outbox where payload->>'programId' = $1`, [id]);
      const audit = await c.query<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'program.scheduled'`, [id]);
      return { rows: [{ status: program.rows[0].status, jobs: jobs.rows[0].n, scheduledAudits: audit.rows[0].n }] };
    });
    return rows[0];
  };

  it('refuses with 422 district_reviewers_missing naming each uncovered district in Chinese, and changes nothing', async () => {
    const id = await draft(officer, validProgramBody());
    const response = await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).expect(422);
    expect(response.body.code).toBe('district_reviewers_missing');
    expect(response.body.message).toContain('和平区');
    expect(response.body.message).toContain('河东区');
    // Pending registrations, city-reviewed kinds and districts without organizations need no reviewer.
    for (const name of ['河西区', '南开区', '河北区']) expect(response.body.message).not.toContain(name);
    expect(response.body.details).toEqual([
      { path: 'review.stages.district_review', message: expect.stringContaining('和平区（120101）') },
      { path: 'review.stages.district_review', message: expect.stringContaining('河东区（120102）') },
    ]);
    const english = await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).set('Accept-Language', 'en').expect(422);
    expect(english.body.message).toMatch(/no active district reviewer.*和平区 \(120101\), 河东区 \(120102\)/);
    expect(await programState(id)).toEqual({ status: 'draft', jobs: 0, scheduledAudits: 0 });
  });

  it('counts an organization of a kind the program does not route to the city', async () => {
    const body = validProgramBody();
    body.review.cityReviewedKinds = [];
    const id = await draft(officer, body);
    const response = await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).expect(422);
    expect(response.body.message).toContain('南开区');
  });

  it('names only what is still missing once some reviewers are added, and schedules once every district is covered', async () => {
    const id = await draft(officer, validProgramBody());
    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    const response = await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).expect(422);
    expect(response.body.details).toEqual([{ path: 'review.stages.district_review', message: expect.stringContaining('河东区（120102）') }]);
    expect(response.body.message).not.toContain('和平区');

    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120102' });
    const scheduled = await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).expect(200);
    expect(scheduled.body.status).toBe('scheduled');
    expect(await programState(id)).toEqual({ status: 'scheduled', jobs: 2, scheduledAudits: 1 });
  });

  it('does not ask for district reviewers when the program has no district review', async () => {
    const template = await http().get('/api/v1/programs/template?policyId=beijing-2020').set(beijingOfficer.headers).expect(200);
    expect(template.body.review.stages.district_review).toBe(false);
    const id = await draft(beijingOfficer, {
      ...validProgramBody(),
      policyId: 'beijing-2020',
      review: template.body.review,
      budget: { totalFen: 500_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 500_000_000 }] },
    });
    await http().post(`/api/v1/programs/${id}/schedule`).set(beijingOfficer.headers).expect(200);
  });
});
