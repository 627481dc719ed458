import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createTenant, createUser, login, makeUscc, OrganizationFixture, Session, TenantFixture, UserFixture } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('organizations over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let alpha: TenantFixture;
  let beta: TenantFixture;
  let officer: UserFixture;
  let reviewer102: UserFixture;
  let orgIn102: OrganizationFixture;
  let orgIn103: OrganizationFixture;
  let officerSession: Session;
  let reviewerSession: Session;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    alpha = await createTenant(db);
    beta = await createTenant(db, { districts: [{ code: '440103' }] });
    officer = await createUser(db, { tenantId: alpha.id, role: 'program_officer' });
    reviewer102 = await createUser(db, { tenantId: alpha.id, role: 'district_reviewer', districtCode: '370102' });
    orgIn102 = await createOrganization(db, { tenantId: alpha.id, districtCode: '370102', name: '甲区企业' });
    orgIn103 = await createOrganization(db, { tenantId: alpha.id, districtCode: '370103', name: '乙区企业' });
    officerSession = await login(app, officer);
    reviewerSession = await login(app, reviewer102);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))).rows[0].n;

  const registration = (overrides: { organization?: Record<string, unknown>; user?: Record<string, unknown>; tenant?: string } = {}) => ({
    tenant: overrides.tenant ?? alpha.id,
    organization: { uscc: makeUscc(), name: '济南标准化示范有限公司', kind: 'enterprise', districtCode: '370103', ...overrides.organization },
    user: { username: `applicant-${Math.random().toString(36).slice(2, 10)}`, displayName: '张三', email: 'zhang@example.cn', password: 'a-long-password', ...overrides.user },
  });

  describe('self-registration', () => {
    it('creates the organization and its first applicant in one audited transaction', async () => {
      const body = registration();
      const response = await http().post('/api/v1/organizations/register').send(body).expect(201);
      const { organization, user } = response.body;
      expect(organization).toMatchObject({ uscc: body.organization.uscc, name: body.organization.name, kind: 'enterprise', districtCode: '370103', tenantId: alpha.id });
      expect(user).toMatchObject({ username: body.user.username, role: 'applicant', organizationId: organization.id });
      const audit = await asSuperuser(db, (c) =>
        c.query(`select action, entity_id, actor_id, actor_role from audit_log where tenant_id = $1 and actor_id = $2 order by seq`, [alpha.id, user.id]),
      );
      expect(audit.rows).toEqual([
        { action: 'organization.registered', entity_id: organization.id, actor_id: user.id, actor_role: 'applicant' },
        { action: 'user.created', entity_id: user.id, actor_id: user.id, actor_role: 'applicant' },
      ]);
      const session = await login(app, { tenantId: alpha.id, username: body.user.username, password: body.user.password });
      const own = await http().get(`/api/v1/organizations/${organization.id}`).set(session.headers).expect(200);
      expect(own.body.id).toBe(organization.id);
    });

    it('rejects an invalid code with 400 naming organization.uscc and writes nothing', async () => {
      const valid = makeUscc();
      const wrongCheck = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
      const body = registration({ organization: { uscc: wrongCheck } });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'organization.uscc', message: expect.stringContaining('character 18 is the check character') }] });
      expect(await count(`organizations where uscc = $1`, [wrongCheck])).toBe(0);
      expect(await count(`users where username = $1`, [body.user.username])).toBe(0);
    });

    it('rejects a district outside the tenant with 400 naming organization.districtCode and writes nothing', async () => {
      const body = registration({ organization: { districtCode: '440103' } });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(400);
      expect(response.body.details).toEqual([{ path: 'organization.districtCode', message: '不是本地区的区县' }]);
      expect(await count(`organizations where uscc = $1`, [body.organization.uscc])).toBe(0);
      expect(await count(`users where username = $1`, [body.user.username])).toBe(0);
    });

    it('allows one organization per code per tenant (409), but the same code in another tenant', async () => {
      const first = registration();
      await http().post('/api/v1/organizations/register').send(first).expect(201);
      const again = registration({ organization: { uscc: first.organization.uscc } });
      const response = await http().post('/api/v1/organizations/register').send(again).expect(409);
      expect(response.body).toMatchObject({ code: 'organization_exists', details: [{ path: 'organization.uscc' }] });
      expect(await count(`users where username = $1`, [again.user.username])).toBe(0);
      const otherTenant = registration({ tenant: beta.id, organization: { uscc: first.organization.uscc, districtCode: '440103' } });
      await http().post('/api/v1/organizations/register').send(otherTenant).expect(201);
    });

    it('refuses a taken username with 409 and writes no organization', async () => {
      const body = registration({ user: { username: officer.username } });
      const response = await http().post('/api/v1/organizations/register').send(body).expect(409);
      expect(response.body).toMatchObject({ code: 'username_taken', details: [{ path: 'user.username' }] });
      expect(await count(`organizations where uscc = $1`, [body.organization.uscc])).toBe(0);
    });

    it('rejects unknown fields at any depth, naming them', async () => {
      const body = registration();
      const response = await http()
        .post('/api/v1/organizations/register')
        .send({ ...body, admin: true, organization: { ...body.organization, verified: true } })
        .expect(400);
      const paths = response.body.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['admin', 'organization.verified']));
    });

    it.each([
      ['organization.name', { organization: { name: '名'.repeat(201) } }],
      ['organization.uscc', { organization: { uscc: '9'.repeat(19) } }],
      ['user.username', { user: { username: 'a'.repeat(65) } }],
      ['user.displayName', { user: { displayName: 'x'.repeat(101) } }],
      ['user.email', { user: { email: `${'a'.repeat(250)}@example.cn` } }],
      ['user.password', { user: { password: 'p'.repeat(129) } }],
    ])('rejects an over-long %s', async (path, overrides) => {
      const response = await http().post('/api/v1/organizations/register').send(registration(overrides)).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toContain(path);
    });

    it('rejects a missing section, a wrong kind and malformed JSON', async () => {
      const { organization: _omitted, ...noOrganization } = registration();
      const missing = await http().post('/api/v1/organizations/register').send(noOrganization).expect(400);
      expect(missing.body.details.map((d: { path: string }) => d.path)).toContain('organization');
      const kind = await http().post('/api/v1/organizations/register').send(registration({ organization: { kind: 'company' } })).expect(400);
      expect(kind.body.details.map((d: { path: string }) => d.path)).toEqual(['organization.kind']);
      const malformed = await http().post('/api/v1/organizations/register').set('content-type', 'application/json').send('{"tenant": "x", "organization": {').expect(400);
      expect(malformed.body.code).toBe('malformed_json');
    });

    it('answers an unknown tenant with 404 unknown_tenant', async () => {
      const response = await http().post('/api/v1/organizations/register').send(registration({ tenant: 'nowhere' })).expect(404);
      expect(response.body.code).toBe('unknown_tenant');
    });
  });

  describe('staff views', () => {
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((o) => o.id);

    it('shows a program officer every organization of the tenant, and nothing of other tenants', async () => {
      const other = await createOrganization(db, { tenantId: beta.id, districtCode: '440103' });
      const response = await http().get('/api/v1/organizations').set(officerSession.headers).expect(200);
      expect(ids(response.body)).toEqual(expect.arrayContaining([orgIn102.id, orgIn103.id]));
      expect(ids(response.body)).not.toContain(other.id);
      expect(response.body.items.every((o: { tenantId: string }) => o.tenantId === alpha.id)).toBe(true);
      await http().get(`/api/v1/organizations/${other.id}`).set(officerSession.headers).expect(404);
    });

    it("shows a district reviewer only their district's organizations", async () => {
      const response = await http().get('/api/v1/organizations').set(reviewerSession.headers).expect(200);
      expect(ids(response.body)).toContain(orgIn102.id);
      expect(response.body.items.every((o: { districtCode: string }) => o.districtCode === '370102')).toBe(true);
      await http().get(`/api/v1/organizations/${orgIn102.id}`).set(reviewerSession.headers).expect(200);
      const outside = await http().get(`/api/v1/organizations/${orgIn103.id}`).set(reviewerSession.headers).expect(403);
      expect(outside.body.code).toBe('out_of_scope');
    });

    it('keeps the list from applicants and answers a malformed id with 400', async () => {
      const applicant = await createUser(db, { tenantId: alpha.id, role: 'applicant', organizationId: orgIn102.id });
      const session = await login(app, applicant);
      const response = await http().get('/api/v1/organizations').set(session.headers).expect(403);
      expect(response.body.code).toBe('forbidden_role');
      await http().get(`/api/v1/organizations/${orgIn103.id}`).set(session.headers).expect(403);
      const malformed = await http().get('/api/v1/organizations/not-a-uuid').set(officerSession.headers).expect(400);
      expect(malformed.body.details).toEqual([{ path: 'id', message: '编号格式有误' }]);
    });
  });

  describe('renaming and deleting', () => {
    it('lets the applicant of the organization rename it (name only), audited', async () => {
      const org = await createOrganization(db, { tenantId: alpha.id, districtCode: '370103' });
      const applicant = await createUser(db, { tenantId: alpha.id, role: 'applicant', organizationId: org.id });
      const session = await login(app, applicant);
      const renamed = await http().patch(`/api/v1/organizations/${org.id}`).set(session.headers).send({ name: '新名称有限公司' }).expect(200);
      expect(renamed.body).toMatchObject({ id: org.id, name: '新名称有限公司', uscc: org.uscc });
      const audit = await asSuperuser(db, (c) => c.query(`select actor_id, data from audit_log where tenant_id = $1 and action = 'organization.renamed' and entity_id = $2`, [alpha.id, org.id]));
      expect(audit.rows).toEqual([{ actor_id: applicant.id, data: { from: org.name, to: '新名称有限公司' } }]);

      const uscc = await http().patch(`/api/v1/organizations/${org.id}`).set(session.headers).send({ name: 'x', uscc: makeUscc() }).expect(400);
      expect(uscc.body.details.map((d: { path: string }) => d.path)).toEqual(['uscc']);
      const foreign = await http().patch(`/api/v1/organizations/${orgIn102.id}`).set(session.headers).send({ name: 'Hijacked' }).expect(403);
      expect(foreign.body.code).toBe('out_of_scope');
      await http().patch(`/api/v1/organizations/${org.id}`).set(reviewerSession.headers).send({ name: 'x' }).expect(403);
      await http().patch(`/api/v1/organizations/${org.id}`).set(officerSession.headers).send({ name: '官方更名' }).expect(200);
    });

    it('lets only a program officer delete, and only an organization without users', async () => {
      const empty = await createOrganization(db, { tenantId: alpha.id, districtCode: '370102' });
      const withUser = await createOrganization(db, { tenantId: alpha.id, districtCode: '370102' });
      await createUser(db, { tenantId: alpha.id, role: 'applicant', organizationId: withUser.id });

      const byReviewer = await http().delete(`/api/v1/organizations/${empty.id}`).set(reviewerSession.headers).expect(403);
      expect(byReviewer.body.code).toBe('forbidden_role');
      const busy = await http().delete(`/api/v1/organizations/${withUser.id}`).set(officerSession.headers).expect(409);
      expect(busy.body.code).toBe('organization_has_users');
      await http().delete(`/api/v1/organizations/${empty.id}`).set(officerSession.headers).expect(204);
      await http().get(`/api/v1/organizations/${empty.id}`).set(officerSession.headers).expect(404);
      expect(await count(`audit_log where tenant_id = $1 and action = 'organization.deleted' and entity_id = $2`, [alpha.id, empty.id])).toBe(1);
    });
  });

  describe('invitations', () => {
    let org: OrganizationFixture;
    let inviter: UserFixture;
    let inviterSession: Session;

    beforeAll(async () => {
      org = await createOrganization(db, { tenantId: alpha.id, districtCode: '370103' });
      inviter = await createUser(db, { tenantId: alpha.id, role: 'applicant', organizationId: org.id });
      inviterSession = await login(app, inviter);
    });

    const invite = (email: string, orgId = org.id) => http().post(`/api/v1/organizations/${orgId}/invitations`).set(inviterSession.headers).send({ email });
    const accept = (token: string, username: string) =>
      http().post('/api/v1/invitations/accept').send({ tenant: alpha.id, token, username, displayName: '李四', password: 'another-long-password' });

    it('issues a one-time token stored only as its hash, valid for 7 days', async () => {
      const response = await invite('colleague@example.cn').expect(201);
      expect(response.body).toMatchObject({ organizationId: org.id, email: 'colleague@example.cn', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      const days = (Date.parse(response.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
      const stored = await asSuperuser(db, (c) => c.query(`select token_hash, invited_by from organization_invitations where id = $1`, [response.body.id]));
      expect(stored.rows).toEqual([{ token_hash: createHash('sha256').update(response.body.token).digest('hex'), invited_by: inviter.id }]);
      expect(await count(`audit_log where tenant_id = $1 and action = 'organization.invitation_created' and entity_id = $2`, [alpha.id, org.id])).toBeGreaterThanOrEqual(1);
    });

    it('creates an applicant bound to the organization on acceptance, once', async () => {
      const { body } = await invite('li@example.cn').expect(201);
      const accepted = await accept(body.token, 'li-si').expect(201);
      expect(accepted.body).toMatchObject({ username: 'li-si', role: 'applicant', organizationId: org.id, email: 'li@example.cn' });
      const session = await login(app, { tenantId: alpha.id, username: 'li-si', password: 'another-long-password' });
      await http().get(`/api/v1/organizations/${org.id}`).set(session.headers).expect(200);

      const again = await accept(body.token, 'li-si-2').expect(400);
      expect(again.body).toMatchObject({ code: 'invitation_invalid', details: [{ path: 'token', message: '邀请已被使用' }] });
      expect(await count(`users where username = 'li-si-2'`, [])).toBe(0);
    });

    it('refuses expired and unknown tokens', async () => {
      const { body } = await invite('late@example.cn').expect(201);
      await asSuperuser(db, (c) => c.query(`update organization_invitations set expires_at = now() - interval '1 minute' where id = $1`, [body.id]));
      const expired = await accept(body.token, 'late-user').expect(400);
      expect(expired.body.details[0].message).toMatch(/已过期/);
      await accept('y'.repeat(43), 'nobody-user').expect(400);
    });

    it('lets applicants invite only into their own organization, and staff not at all', async () => {
      const foreign = await invite('x@example.cn', orgIn102.id).expect(403);
      expect(foreign.body.code).toBe('out_of_scope');
      const byOfficer = await http().post(`/api/v1/organizations/${org.id}/invitations`).set(officerSession.headers).send({ email: 'x@example.cn' }).expect(403);
      expect(byOfficer.body.code).toBe('forbidden_role');
      const badEmail = await invite('not-an-email').expect(400);
      expect(badEmail.body.details[0].path).toBe('email');
    });
  });
});
