import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  asSuperuser,
  createProgram,
  createTenant,
  createUser,
  login,
  makeUscc,
  nationalStandardLead,
  ProgramFixture,
  registerOrganization,
  RegisteredOrganization,
  Session,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Registration no longer trusts what it is told (issue 9, item 10): the credit code's registering office must be the
 * tenant's or the declared district's, and a new organization may draft but not submit until its district's reviewer
 * or a program officer approves the registration. The registering applicant administers the organization.
 */
describe('organization registration review over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  const TENANT = 'tianjin';
  let program: ProgramFixture;
  let officerUser: UserFixture;
  let officer: Session;
  let hepingUser: UserFixture;
  let heping: Session;
  let hedongUser: UserFixture;
  let hedong: Session;
  let key = 0;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, {
      id: TENANT,
      divisionCode: '120000',
      districts: [
        { code: '120101', nameZh: '和平区' },
        { code: '120102', nameZh: '河东区' },
      ],
    });
    program = await createProgram(db, { tenantId: TENANT, policyId: 'tianjin-2021' });
    officerUser = await createUser(db, { tenantId: TENANT, role: 'program_officer' });
    hepingUser = await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120101' });
    hedongUser = await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120102' });
    officer = await login(app, officerUser);
    heping = await login(app, hepingUser);
    hedong = await login(app, hedongUser);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const count = async (sql: string, params: unknown[]): Promise<number> => (await rows<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;

  const registration = (organization: { uscc: string; districtCode: string; name?: string }) => {
    const username = `reg-${Math.random().toString(36).slice(2, 10)}`;
    return {
      tenant: TENANT,
      organization: { name: '天津示范注册有限公司', kind: 'enterprise', ...organization },
      user: { username, displayName: '王五', email: `${username}@example.cn`, password: 'a-long-password' },
    };
  };

  /** Creates, fills and declares an application, ready to submit. */
  async function preparedApplication(session: Session): Promise<string> {
    const created = await http().post(`/api/v1/programs/${program.id}/applications`).set(session.headers).expect(201);
    await http().put(`/api/v1/applications/${created.body.id}/achievements`).set(session.headers).send({ achievements: [nationalStandardLead('a1')] }).expect(200);
    await http().post(`/api/v1/applications/${created.body.id}/declaration`).set(session.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    return created.body.id as string;
  }
  const submit = (session: Session, applicationId: string) =>
    http().post(`/api/v1/applications/${applicationId}/submit`).set(session.headers).set('Idempotency-Key', `registration-submit-${++key}`);

  describe('the credit code against the tenant and the declared district', () => {
    it("refuses a code registered in another city with 422 naming organization.uscc, in Chinese by default, and writes nothing", async () => {
      const body = registration({ uscc: makeUscc({ division: '370100' }), districtCode: '120101' });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(422);
      expect(response.body.code).toBe('uscc_division_mismatch');
      expect(response.body.details).toEqual([{ path: 'organization.uscc', message: expect.stringContaining('不属于本地区') }]);
      expect(response.body.message).toContain('统一社会信用代码');
      const english = await http().post('/api/v1/organizations/register').set('Accept-Language', 'en').send(body).expect(422);
      expect(english.body.details[0].message).toContain('outside this tenant');
      expect(await count(`organizations where uscc = $1`, [body.organization.uscc])).toBe(0);
      expect(await count(`users where username = $1`, [body.user.username])).toBe(0);
    });

    it('refuses a code of another district than the declared one with 422 naming organization.districtCode', async () => {
      const body = registration({ uscc: makeUscc({ division: '120102' }), districtCode: '120101' });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(422);
      expect(response.body).toMatchObject({ code: 'uscc_division_mismatch', details: [{ path: 'organization.districtCode', message: expect.stringContaining('不一致') }] });
      expect(await count(`organizations where uscc = $1`, [body.organization.uscc])).toBe(0);
    });

    it("registers a code of the city bureau in any district, pending review and flagged, and tells that district's reviewer and the officers", async () => {
      const body = registration({ uscc: makeUscc({ division: '120000' }), districtCode: '120102', name: '天津市级登记示范有限公司' });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(201);
      const { organization, user, registration: registered } = response.body;
      expect(registered).toEqual({
        organizationId: organization.id,
        status: 'pending_review',
        flags: ['uscc_registered_with_city'],
        reviewedBy: null,
        reviewedAt: null,
        reason: null,
        administratorUserId: user.id,
      });
      const notified = await rows<{ user_id: string }>(`select user_id from notifications where kind = 'organization.registration-pending' and entity_id = $1 order by user_id`, [organization.id]);
      expect(notified.map((n) => n.user_id).sort()).toEqual([officerUser.id, hedongUser.id].sort());
      const [audit] = await rows<{ actor_id: string; data: Record<string, unknown> }>(`select actor_id, data from audit_log where action = 'organization.registered' and entity_id = $1`, [organization.id]);
      expect(audit).toEqual({ actor_id: user.id, data: expect.objectContaining({ registrationStatus: 'pending_review', flags: ['uscc_registered_with_city'], administratorUserId: user.id }) });
    });
  });

  describe('review before the first submission', () => {
    let registered: RegisteredOrganization;
    let applicant: Session;
    let applicationId: string;

    beforeAll(async () => {
      registered = await registerOrganization(app, { tenantId: TENANT, districtCode: '120101' });
      applicant = await login(app, registered.applicant);
    });

    it('lets a new organization draft but refuses its submission with 409 organization_not_verified', async () => {
      applicationId = await preparedApplication(applicant);
      const refused = await submit(applicant, applicationId).expect(409);
      expect(refused.body.code).toBe('organization_not_verified');
      expect(refused.body.message).toContain('审核通过后方可提交申报');
      const [application] = await rows<{ status: string; submission_count: number }>(`select status, submission_count from applications where id = $1`, [applicationId]);
      expect(application).toEqual({ status: 'draft', submission_count: 0 });
    });

    it("lists it for its own district's reviewer only, and lets no one else approve it", async () => {
      const own = await http().get('/api/v1/organization-registrations').set(heping.headers).expect(200);
      expect(own.body.items.map((i: { organizationId: string }) => i.organizationId)).toContain(registered.organization.id);
      const city = await http().get('/api/v1/organization-registrations?status=pending_review').set(officer.headers).expect(200);
      expect(city.body.items).toContainEqual(expect.objectContaining({ organizationId: registered.organization.id, uscc: registered.organization.uscc, districtCode: '120101', status: 'pending_review' }));
      const other = await http().get('/api/v1/organization-registrations').set(hedong.headers).expect(200);
      expect(other.body.items.map((i: { organizationId: string }) => i.organizationId)).not.toContain(registered.organization.id);
      const outside = await http().post(`/api/v1/organizations/${registered.organization.id}/registration/approve`).set(hedong.headers).send({}).expect(403);
      expect(outside.body.code).toBe('out_of_scope');
      const self = await http().post(`/api/v1/organizations/${registered.organization.id}/registration/approve`).set(applicant.headers).send({}).expect(403);
      expect(self.body.code).toBe('forbidden_role');
      expect(await count(`organizations where id = $1 and registration_status = 'pending_review'`, [registered.organization.id])).toBe(1);
    });

    it("is approved by the district's reviewer, audited, the applicant told; then the organization submits", async () => {
      const approved = await http()
        .post(`/api/v1/organizations/${registered.organization.id}/registration/approve`)
        .set(heping.headers)
        .send({ note: '已核对营业执照原件' })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'verified', reviewedBy: hepingUser.id, reviewedAt: '2024-03-15T02:00:00.000Z', reason: null });
      const audit = await rows<{ actor_id: string; reason: string; data: Record<string, unknown> }>(
        `select actor_id, reason, data from audit_log where action = 'organization.registration_approved' and entity_id = $1`,
        [registered.organization.id],
      );
      expect(audit).toEqual([{ actor_id: hepingUser.id, reason: '已核对营业执照原件', data: expect.objectContaining({ from: 'pending_review', to: 'verified' }) }]);
      const told = await rows<{ user_id: string }>(`select user_id from notifications where kind = 'organization.registration-approved' and entity_id = $1`, [registered.organization.id]);
      expect(told).toEqual([{ user_id: registered.applicant.id }]);

      const submitted = await submit(applicant, applicationId).expect(200);
      expect(submitted.body.status).toBe('formal_check');
      const again = await http().post(`/api/v1/organizations/${registered.organization.id}/registration/approve`).set(officer.headers).send({}).expect(409);
      expect(again.body.code).toBe('registration_state');
    });
  });

  describe('rejection', () => {
    it('needs a reason, tells the applicant, keeps the organization from submitting, and may be reconsidered', async () => {
      const { organization, applicant } = await registerOrganization(app, { tenantId: TENANT, districtCode: '120102' });
      const session = await login(app, applicant);
      const applicationId = await preparedApplication(session);

      const noReason = await http().post(`/api/v1/organizations/${organization.id}/registration/reject`).set(officer.headers).send({ reason: '  ' }).expect(400);
      expect(noReason.body.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
      const rejected = await http()
        .post(`/api/v1/organizations/${organization.id}/registration/reject`)
        .set(hedong.headers)
        .send({ reason: '营业执照名称与所填名称不符' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', reason: '营业执照名称与所填名称不符', reviewedBy: hedongUser.id });
      const own = await http().get(`/api/v1/organizations/${organization.id}/registration`).set(session.headers).expect(200);
      expect(own.body).toMatchObject({ status: 'rejected', reason: '营业执照名称与所填名称不符' });
      const [notice] = await rows<{ body: string }>(`select body from notifications where kind = 'organization.registration-rejected' and entity_id = $1`, [organization.id]);
      expect(notice.body).toContain('营业执照名称与所填名称不符');

      const refused = await submit(session, applicationId).expect(409);
      expect(refused.body).toMatchObject({ code: 'organization_not_verified', message: expect.stringContaining('营业执照名称与所填名称不符') });
      const twice = await http().post(`/api/v1/organizations/${organization.id}/registration/reject`).set(officer.headers).send({ reason: 'x' }).expect(409);
      expect(twice.body.code).toBe('registration_state');

      await http().post(`/api/v1/organizations/${organization.id}/registration/approve`).set(officer.headers).send({ note: '已补充提供更名证明' }).expect(200);
      await submit(session, applicationId).expect(200);
      const actions = await rows<{ action: string; reason: string | null }>(
        `select action, reason from audit_log where entity_id = $1 and action like 'organization.registration_%' order by seq`,
        [organization.id],
      );
      expect(actions).toEqual([
        { action: 'organization.registration_rejected', reason: '营业执照名称与所填名称不符' },
        { action: 'organization.registration_approved', reason: '已补充提供更名证明' },
      ]);
    });
  });

  describe('the administrator', () => {
    it('is the registering applicant; only they hand the role to another member, audited, or an officer with a reason', async () => {
      const { organization, applicant } = await registerOrganization(app, { tenantId: TENANT, districtCode: '120101' });
      const admin = await login(app, applicant);
      const invitation = await http().post(`/api/v1/organizations/${organization.id}/invitations`).set(admin.headers).send({ email: 'colleague@example.cn' }).expect(201);
      const accepted = await http()
        .post('/api/v1/invitations/accept')
        .send({ tenant: TENANT, token: invitation.body.token, username: `colleague-${organization.id.slice(0, 8)}`, displayName: '赵六', password: 'another-long-password' })
        .expect(201);
      const colleague = await login(app, { tenantId: TENANT, username: accepted.body.username, password: 'another-long-password' });

      const members = await http().get(`/api/v1/organizations/${organization.id}/members`).set(colleague.headers).expect(200);
      expect(members.body.items.map((m: { userId: string; administrator: boolean }) => [m.userId, m.administrator])).toEqual([
        [applicant.id, true],
        [accepted.body.id, false],
      ]);

      const usurp = await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(colleague.headers).send({ userId: accepted.body.id }).expect(403);
      expect(usurp.body.code).toBe('not_organization_administrator');
      const stranger = await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(admin.headers).send({ userId: hepingUser.id }).expect(422);
      expect(stranger.body).toMatchObject({ code: 'not_a_member', details: [{ path: 'userId' }] });

      const handed = await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(admin.headers).send({ userId: accepted.body.id, reason: '工作调整' }).expect(200);
      expect(handed.body.items.find((m: { administrator: boolean }) => m.administrator).userId).toBe(accepted.body.id);
      const [audit] = await rows<{ actor_id: string; reason: string; data: Record<string, unknown> }>(
        `select actor_id, reason, data from audit_log where action = 'organization.administrator_changed' and entity_id = $1`,
        [organization.id],
      );
      expect(audit).toEqual({ actor_id: applicant.id, reason: '工作调整', data: expect.objectContaining({ from: applicant.id, to: accepted.body.id }) });
      await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(admin.headers).send({ userId: applicant.id }).expect(403);

      const unexplained = await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(officer.headers).send({ userId: applicant.id }).expect(400);
      expect(unexplained.body.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
      await http().put(`/api/v1/organizations/${organization.id}/administrator`).set(officer.headers).send({ userId: applicant.id, reason: '原管理员离职，单位来函申请' }).expect(200);
      const registrationView = await http().get(`/api/v1/organizations/${organization.id}/registration`).set(officer.headers).expect(200);
      expect(registrationView.body.administratorUserId).toBe(applicant.id);
    });
  });
});
