import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { claimsFor, hashPassword } from '@subsidy/auth';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { Response } from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createProgram, createTenant, insertSession, makeUscc, nationalStandardLead, ProgramFixture, reviewSettings } from '../support/factories';
import { testConfig } from '../support/test-config';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Applicant {
  userId: string;
  sessionId: string;
  organizationId: string;
  applicationId: string;
  headers: Record<string, string>;
}

/**
 * Submissions under load: double clicks on one application, and a crowd of applicants at the deadline. One app
 * instance, real HTTP on a listening port, the real database with its row locks.
 */
describe('submitting applications concurrently', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let storageDir: string;
  let program: ProgramFixture;
  let jwt: JwtService;
  let passwordHash: string;
  const clock = new ManualClock(new Date('2024-03-31T23:59:00+08:00'));
  const tenantId = 'tianjin';
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-evidence-'));
    config = {
      ...testConfig(db.name, { QUEUE_PREFIX: db.config.redis.prefix, RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_SIZE: '20' }),
      storage: { dir: storageDir },
    };
    app = await createApp(config, { clock });
    await app.listen(0, '127.0.0.1');
    await createTenant(db, { id: tenantId, districts: [{ code: '120101', nameZh: '和平区' }, { code: '120102', nameZh: '河东区' }] });
    program = await createProgram(db, { tenantId, policyId: 'tianjin-2021', review: reviewSettings({ formalCheckWorkingDays: 5 }) });
    // Access tokens minted exactly as AuthService does (same claims, secret and algorithm): argon2 sign-ins of hundreds of users would dominate the test.
    jwt = new JwtService({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTtlSeconds } });
    passwordHash = await hashPassword('correct-horse-battery');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  /** `count` organizations, each with one applicant user and one declared draft application claiming a national standard. */
  async function applicants(count: number): Promise<Applicant[]> {
    const made = await asSuperuser(db, async (client) => {
      const out: Array<Omit<Applicant, 'headers'>> = [];
      await client.query('begin');
      for (let i = 0; i < count; i++) {
        const district = i % 2 === 0 ? '120101' : '120102';
        const org = await client.query<{ id: string }>(
          `insert into organizations (tenant_id, uscc, name, kind, district_code, registration_status) values ($1, $2, $3, 'enterprise', $4, 'verified') returning id`,
          [tenantId, makeUscc({ division: '120101' }), `并发测试企业${i}-${Math.random().toString(36).slice(2, 8)}有限公司`, district],
        );
        const user = await client.query<{ id: string }>(
          `insert into users (tenant_id, username, display_name, password_hash, role, organization_id) values ($1, $2, $3, $4, 'applicant', $5) returning id`,
          [tenantId, `crowd-${org.rows[0].id}`, `申报人${i}`, passwordHash, org.rows[0].id],
        );
        const application = await client.query<{ id: string }>(
          `insert into applications (tenant_id, program_id, organization_id, district_code, declared_at, declared_by)
           values ($1, $2, $3, $4, '2024-03-30T10:00:00+08:00', $5) returning id`,
          [tenantId, program.id, org.rows[0].id, district, user.rows[0].id],
        );
        await client.query(`insert into application_achievements (tenant_id, application_id, achievement_id, position, payload) values ($1, $2, 'a1', 0, $3)`, [
          tenantId,
          application.rows[0].id,
          JSON.stringify(nationalStandardLead('a1')),
        ]);
        const sessionId = await insertSession(client, tenantId, user.rows[0].id);
        out.push({ userId: user.rows[0].id, sessionId, organizationId: org.rows[0].id, applicationId: application.rows[0].id });
      }
      await client.query('commit');
      return out;
    });
    return Promise.all(
      made.map(async (m) => {
        const token = await jwt.signAsync({ ...claimsFor({ kind: 'user', id: m.userId, role: 'applicant', homeTenantId: tenantId, organizationId: m.organizationId }, m.sessionId) });
        return { ...m, headers: { Authorization: `Bearer ${token}` } };
      }),
    );
  }

  const submit = (who: Applicant, key: string): Promise<Response> => http().post(`/api/v1/applications/${who.applicationId}/submit`).set(who.headers).set('Idempotency-Key', key).then((r) => r);

  const one = async <T>(sql: string, params: unknown[]): Promise<T> => (await asSuperuser(db, (c) => c.query(sql, params))).rows[0] as T;

  async function effectsOf(applicationId: string, organizationId: string) {
    return {
      application: await one<{ status: string; submission_count: number }>(`select status, submission_count from applications where id = $1`, [applicationId]),
      moves: (await one<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'application.submitted'`, [applicationId])).n,
      applicantNotices: (
        await one<{ n: number }>(`select count(*)::int as n from notifications where entity_id = $1 and kind = 'application.submitted' and organization_id = $2`, [
          applicationId,
          organizationId,
        ])
      ).n,
      deadlineJobs: (await one<{ n: number }>(`select count(*)::int as n from outbox where payload->>'applicationId' = $1`, [applicationId])).n,
    };
  }

  it('makes one submission of ten simultaneous clicks with the same key; the others replay it or are told it is in progress', async () => {
    const [who] = await applicants(1);
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit(who, 'double-click-same-key')));
    const fresh = responses.filter((r) => r.status === 200 && r.headers['idempotent-replayed'] !== 'true');
    expect(fresh).toHaveLength(1);
    for (const r of responses.filter((x) => x !== fresh[0])) {
      if (r.status === 200) {
        expect(r.headers['idempotent-replayed']).toBe('true');
        expect(r.body).toEqual(fresh[0].body);
      } else {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('idempotency_in_progress');
      }
    }
    expect(await effectsOf(who.applicationId, who.organizationId)).toEqual({
      application: { status: 'formal_check', submission_count: 1 },
      moves: 1,
      applicantNotices: 1,
      // The formal check's reminder before its due date and its escalation after it: once each, however many clicks.
      deadlineJobs: 2,
    });
    // Once settled, a retry with the key replays the one submission.
    const later = await submit(who, 'double-click-same-key');
    expect(later.status).toBe(200);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.body).toEqual(fresh[0].body);
  });

  it('makes one submission of ten simultaneous clicks with different keys; the others get 409', async () => {
    const [who] = await applicants(1);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(who, `different-key-${i}`)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('invalid_state');
    }
    expect(await effectsOf(who.applicationId, who.organizationId)).toEqual({
      application: { status: 'formal_check', submission_count: 1 },
      moves: 1,
      applicantNotices: 1,
      // The formal check's reminder before its due date and its escalation after it: once each, however many clicks.
      deadlineJobs: 2,
    });
    // The refusals are remembered per key: a retry answers the same 409.
    const retry = await submit(who, 'different-key-3');
    expect(retry.status).toBe(409);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('lets two hundred applicants submitting at the same moment all get in, none twice', async () => {
    const crowd = await applicants(200);
    const responses = await Promise.all(crowd.map((who) => submit(who, `crowd-${who.applicationId}`)));
    const failures = responses.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(failures).toEqual([]);
    expect(new Set(responses.map((r) => r.body.applicationId)).size).toBe(200);

    const ids = crowd.map((c) => c.applicationId);
    const stats = await one<{ submitted: number; once: number; moves: number; notices: number }>(
      `select (select count(*)::int from applications where id = any($1::uuid[]) and status = 'formal_check' and submitted_at is not null) as submitted,
              (select count(*)::int from applications where id = any($1::uuid[]) and submission_count = 1) as once,
              (select count(*)::int from audit_log where entity_id = any($1::text[]) and action = 'application.submitted') as moves,
              (select count(*)::int from notifications where entity_id = any($1::text[]) and kind = 'application.submitted') as notices`,
      [ids],
    );
    expect(stats).toEqual({ submitted: 200, once: 200, moves: 200, notices: 200 });
  }, 120_000);
});
