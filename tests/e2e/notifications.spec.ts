import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { TenantTransactions } from '@subsidy/database';
import { Notifier, SendEmailHandler } from '@subsidy/notifications';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createTenant, createUser, login, Session, TenantFixture, UserFixture } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('notifications over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let tenant: TenantFixture;
  let officer: UserFixture;
  let otherOfficer: UserFixture;
  let applicant: UserFixture;
  let colleague: UserFixture;
  let officerSession: Session;
  let otherSession: Session;
  let applicantSession: Session;
  let colleagueSession: Session;
  const clock = new ManualClock(new Date('2025-03-03T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  const insert = (spec: { userId?: string | null; organizationId?: string | null; kind: string; createdAt: string }) =>
    asSuperuser(db, (c) =>
      c.query<{ id: string }>(
        `insert into notifications (tenant_id, user_id, organization_id, kind, subject, body, created_at) values ($1, $2, $3, $4, $4, 'body', $5) returning id`,
        [tenant.id, spec.userId ?? null, spec.organizationId ?? null, spec.kind, spec.createdAt],
      ),
    ).then((r) => r.rows[0].id);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    tenant = await createTenant(db);
    const org = await createOrganization(db, { tenantId: tenant.id, districtCode: '370102' });
    officer = await createUser(db, { tenantId: tenant.id, role: 'program_officer', email: 'officer@example.cn' });
    otherOfficer = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
    applicant = await createUser(db, { tenantId: tenant.id, role: 'applicant', organizationId: org.id });
    colleague = await createUser(db, { tenantId: tenant.id, role: 'applicant', organizationId: org.id });
    officerSession = await login(app, officer);
    otherSession = await login(app, otherOfficer);
    applicantSession = await login(app, applicant);
    colleagueSession = await login(app, colleague);
    for (let i = 0; i < 5; i++) await insert({ userId: officer.id, kind: `k${i}`, createdAt: `2025-03-0${i + 1}T10:00:00+08:00` });
    await insert({ userId: otherOfficer.id, kind: 'not-yours', createdAt: '2025-03-02T11:00:00+08:00' });
    await insert({ userId: applicant.id, organizationId: org.id, kind: 'org-news', createdAt: '2025-03-02T12:00:00+08:00' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists my notifications newest first, page by page with a cursor', async () => {
    const first = await http().get('/api/v1/notifications?limit=2').set(officerSession.headers).expect(200);
    expect(first.body.items.map((n: { kind: string }) => n.kind)).toEqual(['k4', 'k3']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http().get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`).set(officerSession.headers).expect(200);
    expect(second.body.items.map((n: { kind: string }) => n.kind)).toEqual(['k2', 'k1']);
    const third = await http().get(`/api/v1/notifications?limit=2&cursor=${second.body.nextCursor}`).set(officerSession.headers).expect(200);
    expect(third.body).toMatchObject({ items: [expect.objectContaining({ kind: 'k0', readAt: null })], nextCursor: null });
  });

  it('shows an applicant the notifications of their organization too, and nobody else’s', async () => {
    const colleagueView = await http().get('/api/v1/notifications').set(colleagueSession.headers).expect(200);
    expect(colleagueView.body.items.map((n: { kind: string }) => n.kind)).toEqual(['org-news']);
    const other = await http().get('/api/v1/notifications').set(otherSession.headers).expect(200);
    expect(other.body.items.map((n: { kind: string }) => n.kind)).toEqual(['not-yours']);
    const applicantView = await http().get('/api/v1/notifications').set(applicantSession.headers).expect(200);
    expect(applicantView.body.items.map((n: { kind: string }) => n.kind)).toEqual(['org-news']);
  });

  it('marks one of mine read (once) and refuses anyone else’s with 404', async () => {
    const list = await http().get('/api/v1/notifications?limit=1').set(officerSession.headers).expect(200);
    const id = list.body.items[0].id as string;
    await http().post(`/api/v1/notifications/${id}/read`).set(otherSession.headers).expect(404);
    const read = await http().post(`/api/v1/notifications/${id}/read`).set(officerSession.headers).expect(200);
    expect(read.body.readAt).toBe(new Date('2025-03-03T09:00:00+08:00').toISOString());
    clock.set(new Date('2025-03-04T09:00:00+08:00'));
    const again = await http().post(`/api/v1/notifications/${id}/read`).set(officerSession.headers).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
  });

  it('marks all of mine read at once (全部已读), leaving nobody else’s unread notifications', async () => {
    const unread = async (session: Session) => Number((await http().get('/api/v1/notifications?unread=true&pageSize=1').set(session.headers).expect(200)).headers['x-total-count']);
    const othersBefore = await unread(otherSession);
    const applicantBefore = await unread(applicantSession);
    expect(await unread(officerSession)).toBeGreaterThan(0);
    const marked = await http().post('/api/v1/notifications/read-all').set(officerSession.headers).expect(200);
    expect(marked.body.marked).toBeGreaterThan(0);
    expect(await unread(officerSession)).toBe(0);
    expect(await unread(otherSession)).toBe(othersBefore);
    expect(await unread(applicantSession)).toBe(applicantBefore);
    expect((await http().post('/api/v1/notifications/read-all').set(officerSession.headers).expect(200)).body).toEqual({ marked: 0 });
    await http().post('/api/v1/notifications/read-all').expect(401);
  });

  it('answers bad input with the field named and needs a signed-in user', async () => {
    const cursor = await http().get('/api/v1/notifications?cursor=garbage').set(officerSession.headers).expect(400);
    expect(cursor.body.details[0].path).toBe('cursor');
    const limit = await http().get('/api/v1/notifications?limit=500').set(officerSession.headers).expect(400);
    expect(limit.body.details[0].path).toBe('limit');
    const id = await http().post('/api/v1/notifications/not-a-uuid/read').set(officerSession.headers).expect(400);
    expect(id.body.details[0].path).toBe('id');
    await http().get('/api/v1/notifications').expect(401);
  });

  describe('e-mail copies', () => {
    it('without SMTP configured, keeps notifications in the product: no e-mail job, email_status none', async () => {
      const transactions = app.get(TenantTransactions);
      const [id] = await transactions.runFor(tenant.id, (manager) =>
        app.get(Notifier).notify(manager, [{ userId: officer.id }], { kind: 'test.no-smtp', subject: 's', body: 'b' }),
      );
      const { rows } = await asSuperuser(db, (c) => c.query(`select email, email_status from notifications where id = $1`, [id]));
      expect(rows[0]).toEqual({ email: 'officer@example.cn', email_status: 'none' });
      const jobs = await asSuperuser(db, (c) => c.query(`select 1 from outbox where job_name = 'email.send' and payload->>'notificationId' = $1`, [id]));
      expect(jobs.rowCount).toBe(0);
    });

    it('the send job skips a notification already sent, and records a failure when SMTP was switched off', async () => {
      const sent = await insert({ userId: officer.id, kind: 'already-sent', createdAt: '2025-03-01T08:00:00+08:00' });
      const pending = await insert({ userId: officer.id, kind: 'pending', createdAt: '2025-03-01T08:00:00+08:00' });
      await asSuperuser(db, (c) => c.query(`update notifications set email = 'officer@example.cn', email_status = case when id = $1 then 'sent' else 'pending' end where id in ($1, $2)`, [sent, pending]));
      const handler = app.get(SendEmailHandler);
      await app.get(TenantTransactions).runFor(tenant.id, async (manager) => {
        await handler.handle(manager, { tenantId: tenant.id, notificationId: sent });
        await handler.handle(manager, { tenantId: tenant.id, notificationId: pending });
      });
      const { rows } = await asSuperuser(db, (c) => c.query(`select id, email_status from notifications where id in ($1, $2)`, [sent, pending]));
      expect(Object.fromEntries(rows.map((r: { id: string; email_status: string }) => [r.id, r.email_status]))).toEqual({ [sent]: 'sent', [pending]: 'failed' });
    });
  });
});
