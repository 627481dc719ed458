import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { closeRedisConnection, createRedisConnection } from '@subsidy/queue';
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
  nationalStandardLead,
  reviewSettings,
  Session,
} from '../support/factories';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/**
 * The flood of issue 9: 40 anonymous objections in 0.35 s, each holding an award and each notifying every officer.
 * Two API processes share one Redis (the address limit must hold across them) and one worker sends the digests.
 */
describe('public objections against floods: one per contact and award, limits per contact and address, officers told in digests', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let api: INestApplication;
  let otherApi: INestApplication;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  let officerIds: string[];
  let publicityId: string;
  let awards: string[];
  const clock = new ManualClock(new Date('2024-05-06T09:00:00+08:00'));
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  beforeAll(async () => {
    db = await createTestDatabase();
    config = {
      ...db.config,
      outbox: { pollMs: 50 },
      // One proxy in front, so X-Forwarded-For gives each test its own client address.
      http: { ...db.config.http, trustProxyHops: 1 },
      objections: { addressLimit: 10, addressWindowSeconds: 3600, openPerContact: 2, digestSeconds: 900 },
    };
    api = await createApp(config, { clock });
    otherApi = await createApp(config, { clock });
    worker = await createWorker(config, { clock });
    await createTenant(db, { id: 'tianjin', divisionCode: '120000', districts: [{ code: '120101', nameZh: '和平区' }] });
    const officers = [
      await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }),
      await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }),
    ];
    officerIds = officers.map((o) => o.id);
    officer = await login(api, officers[0]);
    const program = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', year: 2024, status: 'closed', review: reviewSettings({ publicity: { days: 15, unit: 'calendar' } }) });
    awards = [];
    for (let i = 0; i < 4; i++) {
      const org = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101', name: `天津异议测试企业${i}有限公司` });
      const application = await createApplication(db, {
        tenantId: 'tianjin',
        programId: program.id,
        organizationId: org.id,
        districtCode: '120101',
        status: 'awaiting_decision',
        achievements: [nationalStandardLead('a1')],
      });
      await request(api.getHttpServer())
        .put(`/api/v1/applications/${application.id}/decision`)
        .set(officer.headers)
        .send({ items: [{ achievementId: 'a1', amountFen: 8_000_000 }] })
        .expect(200);
      awards.push(application.id);
    }
    await request(api.getHttpServer()).post(`/api/v1/programs/${program.id}/decide`).set(officer.headers).send({}).expect(200);
    publicityId = (await request(api.getHttpServer()).post(`/api/v1/programs/${program.id}/publicity`).set(officer.headers).send({ startsOn: '2024-05-06' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await worker?.close();
    await otherApi?.close();
    await api?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  const object = (app: INestApplication, address: string, body: Record<string, unknown>) =>
    request(app.getHttpServer())
      .post(`/api/v1/public/tenants/tianjin/publicities/${publicityId}/objections`)
      .set('X-Forwarded-For', address)
      .send({ contactName: '公众', reasons: '该标准并非该企业主导制定', ...body });

  const objectionsOf = (applicationId: string) => rows<{ id: string; status: string }>(`select id, status from objections where application_id = $1 order by created_at, id`, [applicationId]);
  const statusOf = async (applicationId: string) => (await rows<{ status: string }>(`select status from applications where id = $1`, [applicationId]))[0].status;
  const officerNotices = (kind: string) => rows<{ user_id: string; body: string }>(`select user_id, body from notifications where kind = $1 order by created_at, user_id`, [kind]);

  it('answers the same contact objecting again to the same award with the first reference (200), however the contact is written', async () => {
    const first = await object(api, '10.0.0.1', { applicationId: awards[0], contactPhone: '13800000001', contactEmail: 'Li.Si@Example.cn' }).expect(201);
    expect(first.body).toMatchObject({ repeated: false, receivedAt: clock.now().toISOString() });
    const reference = first.body.referenceId;
    for (const contact of [{ contactPhone: '+86 138-0000-0001' }, { contactPhone: '0086 13800000001' }, { contactEmail: 'LI.SI@example.CN' }]) {
      const again = await object(otherApi, '10.0.0.1', { applicationId: awards[0], ...contact, reasons: '再次提出' }).expect(200);
      expect(again.body).toEqual({ referenceId: reference, receivedAt: first.body.receivedAt, repeated: true });
    }
    // Sent many times at once (a double click, a script): still one objection, every answer naming it.
    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) => object(i % 2 === 0 ? api : otherApi, '10.0.0.1', { applicationId: awards[0], contactPhone: '138 0000 0001' })),
    );
    expect(burst.map((r) => [r.status, r.body.referenceId])).toEqual(Array.from({ length: 6 }, () => [200, reference]));
    // Also when none exists yet: the publicity row lock lets exactly one of them in.
    const fresh = await Promise.all(
      Array.from({ length: 6 }, (_, i) => object(i % 2 === 0 ? api : otherApi, '10.0.0.11', { applicationId: awards[1], contactEmail: 'zhao@example.cn' })),
    );
    expect(fresh.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(fresh.map((r) => r.body.referenceId)).size).toBe(1);
    expect(await objectionsOf(awards[1])).toHaveLength(1);
    // A "phone number" without digits would make all who type one a single contact: it is no phone number.
    const noDigits = await object(api, '10.0.0.12', { applicationId: awards[1], contactPhone: '--- -- ---' }).expect(400);
    expect(noDigits.body.details.map((d: { path: string }) => d.path)).toEqual(['contactPhone']);
    expect(await objectionsOf(awards[0])).toEqual([{ id: reference, status: 'received' }]);
    const received = await rows(`select 1 from audit_log where action = 'objection.received' and entity_id = $1`, [reference]);
    expect(received).toHaveLength(1);
    expect(await statusOf(awards[0])).toBe('objection_review');
  });

  it('holds at most two objections under review per contact in a publicity (409 too_many_open_objections); other contacts are not affected', async () => {
    await object(api, '10.0.0.2', { applicationId: awards[0], contactPhone: '139-0000-0002' }).expect(201);
    await object(api, '10.0.0.2', { applicationId: awards[1], contactPhone: '13900000002' }).expect(201);
    const third = await object(api, '10.0.0.2', { applicationId: awards[2], contactPhone: '+8613900000002' }).expect(409);
    expect(third.body).toMatchObject({ code: 'too_many_open_objections', details: [{ path: 'contactPhone' }] });
    expect(third.body.message).toContain('2 件异议');
    const byMail = await object(api, '10.0.0.2', { applicationId: awards[2], contactEmail: 'WANG@example.cn' }).set('Accept-Language', 'en').expect(201);
    expect(byMail.body.repeated).toBe(false);
    const mailLimit = await object(api, '10.0.0.2', { applicationId: awards[3], contactEmail: 'wang@example.cn' }).expect(201);
    expect(mailLimit.body.repeated).toBe(false);
    const mailThird = await object(api, '10.0.0.2', { applicationId: awards[1], contactEmail: 'wang@EXAMPLE.cn' }).set('Accept-Language', 'en').expect(409);
    expect(mailThird.body).toMatchObject({ code: 'too_many_open_objections', details: [{ path: 'contactEmail' }] });
    expect(mailThird.body.message).toMatch(/already have 2 objections under review/);
    expect(await statusOf(awards[2])).toBe('objection_review');
  });

  it('refuses an objection to an award whose objection by the same contact was already answered (409), and frees a place under review', async () => {
    const [answered] = await rows<{ id: string }>(`select id from objections where application_id = $1 and contact_phone_key = '13900000002'`, [awards[0]]);
    await request(api.getHttpServer()).post(`/api/v1/objections/${answered.id}/resolution`).set(officer.headers).send({ outcome: 'dismissed', explanation: '经核实，异议不成立' }).expect(200);
    const again = await object(api, '10.0.0.3', { applicationId: awards[0], contactPhone: '13900000002' }).expect(409);
    expect(again.body).toMatchObject({ code: 'objection_already_resolved', details: [{ path: 'applicationId' }] });
    expect(again.body.message).toContain(answered.id);
    // One of the contact's two places under review is free again.
    await object(api, '10.0.0.3', { applicationId: awards[2], contactPhone: '13900000002' }).expect(201);
  });

  it('limits objections per client address across API processes: 429 with Retry-After, other addresses unaffected, a new window admits again', async () => {
    const address = '10.0.0.9';
    for (let i = 0; i < 10; i++) {
      // Alternating processes: the count lives in Redis, not in either process.
      await object(i % 2 === 0 ? api : otherApi, address, { applicationId: awards[3], contactPhone: `1370000${String(i).padStart(4, '0')}` }).expect(201);
    }
    const refused = await object(otherApi, address, { applicationId: awards[3], contactPhone: '13700009999' }).expect(429);
    expect(refused.body.code).toBe('objection_rate_limited');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body.message).toContain(`${retryAfter} 秒`);
    // Malformed submissions count too: the limit is checked before the body is read.
    await object(api, address, { applicationId: 'not-a-uuid' }).expect(429);
    await object(api, '10.0.0.10', { applicationId: awards[3], contactPhone: '13700009999' }).expect(201);

    const redis = createRedisConnection(config, 'test-objection-limits');
    try {
      const key = `${config.redis.prefix}:objections:address:${address}`;
      expect(Number(await redis.get(key))).toBe(12);
      // The window ends (Redis expires the counter): the address is admitted again.
      await redis.pexpire(key, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await object(api, address, { applicationId: awards[3], contactPhone: '13700009999' }).expect(200);
    } finally {
      await closeRedisConnection(redis);
    }
  });

  it('stops a flood of 40 objections in a moment from one address at the limit', async () => {
    const before = (await rows<{ n: number }>(`select count(*)::int as n from objections`))[0].n;
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) => object(i % 2 === 0 ? api : otherApi, '10.0.0.40', { applicationId: awards[i % 4], contactPhone: `1360000${String(i).padStart(4, '0')}` })),
    );
    expect(flood.filter((r) => r.status === 201)).toHaveLength(10);
    expect(flood.filter((r) => r.status === 429)).toHaveLength(30);
    expect((await rows<{ n: number }>(`select count(*)::int as n from objections`))[0].n).toBe(before + 10);
  });

  it('tells every officer once per digest slot about all new objections, never once per objection; the digest is idempotent', async () => {
    const all = await rows<{ id: string }>(`select id from objections where publicity_id = $1`, [publicityId]);
    expect(all.length).toBe(2 + 4 + 1 + 11 + 10);
    expect(await officerNotices('objection.received')).toEqual([]);
    expect(await officerNotices('objection.digest')).toEqual([]);
    // Every objection so far arrived in one 15-minute slot: one digest job for all of them.
    const jobs = await rows<{ run_at: Date; dedupe_key: string }>(`select run_at, dedupe_key from outbox where job_name = 'publicity.objection-digest'`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].run_at.toISOString()).toBe(new Date('2024-05-06T09:15:00+08:00').toISOString());

    clock.set(new Date('2024-05-06T09:15:00+08:00'));
    const digests = await eventually(() => officerNotices('objection.digest'), (n) => n.length >= 2, 'the first digest');
    expect(digests.map((d) => d.user_id).sort()).toEqual([...officerIds].sort());
    for (const digest of digests) {
      expect(digest.body).toContain(`以下 ${all.length} 件新异议`);
      for (const { id } of all) expect(digest.body).toContain(id);
    }
    expect(await rows(`select 1 from objections where officers_notified_at is null`)).toEqual([]);
    const [audit] = await rows<{ data: { objections: number } }>(`select data from audit_log where action = 'publicity.objection-digest-sent'`);
    expect(audit.data.objections).toBe(all.length);

    // A later objection goes into the next slot's digest, alone.
    const late = await object(api, '10.0.0.50', { applicationId: awards[1], contactEmail: 'late@example.cn' }).expect(201);
    clock.set(new Date('2024-05-06T09:30:00+08:00'));
    const second = await eventually(() => officerNotices('objection.digest'), (n) => n.length >= 4, 'the second digest');
    const newest = second.filter((d) => d.body.includes(late.body.referenceId));
    expect(newest).toHaveLength(2);
    for (const digest of newest) expect(digest.body).toContain('以下 1 件新异议');

    // Delivered again (a duplicate outbox row, as after a lost acknowledgement): it finds nothing new and tells nobody.
    const [duplicate] = await rows<{ id: string }>(
      `insert into outbox (tenant_id, queue, job_name, payload, run_at) values ('tianjin', 'workflow', 'publicity.objection-digest', $1, $2) returning id`,
      [JSON.stringify({ tenantId: 'tianjin', publicityId }), clock.now()],
    );
    await eventually(
      async () => (await rows<{ completed_at: Date | null }>(`select completed_at from outbox where id = $1`, [duplicate.id]))[0].completed_at,
      (completed) => completed !== null,
      'the duplicate digest job to complete',
    );
    expect(await officerNotices('objection.digest')).toHaveLength(4);
  });
});
