import { JwtService } from '@nestjs/jwt';
import { claimsFor, hashPassword } from '@subsidy/auth';
import { organizationCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '@subsidy/organizations';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { LoadEnvironment } from './environment';

export const TENANT = 'beijing';
const POLICY = 'beijing-2020';
const DISTRICTS = ['110101', '110102', '110105', '110108'];

export interface Applicant {
  applicationId: string;
  token: string;
}

/** A valid unified social credit code of a Beijing enterprise (both check characters computed). */
function uscc(): string {
  const body = Array.from({ length: 8 }, () => USCC_ALPHABET[randomInt(USCC_ALPHABET.length)]).join('');
  const first17 = `91110105${body}${organizationCodeCheckChar(body)}`;
  return `${first17}${usccCheckChar(first17)}`;
}

async function inTenant<T>(owner: Client, work: () => Promise<T>): Promise<T> {
  await owner.query('begin');
  try {
    await owner.query(`select set_config('app.tenant_id', $1, true)`, [TENANT]);
    const result = await work();
    await owner.query('commit');
    return result;
  } catch (error) {
    await owner.query('rollback');
    throw error;
  }
}

/**
 * One Beijing program open now (the whole current month, CST), under the published beijing-2020 version the built
 * tenants-sync imported, with the default review settings the test factories use (formal check, district review).
 */
export async function openProgram(owner: Client, now = new Date()): Promise<string> {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  const year = cst.getUTCFullYear();
  const month = String(cst.getUTCMonth() + 1).padStart(2, '0');
  const opensAt = new Date(`${year}-${month}-01T00:00:00+08:00`);
  const closesAt = new Date(new Date(year, cst.getUTCMonth() + 1, 1).getTime() + 30 * 86_400_000); // well past the bench
  return inTenant(owner, async () => {
    const policy = await owner.query<{ content_hash: string }>(
      `select content_hash from policy_versions where tenant_id = $1 and policy_id = $2 and state = 'published' order by created_at desc limit 1`,
      [TENANT, POLICY],
    );
    if (!policy.rows[0]) throw new Error(`no published ${POLICY} after tenants-sync`);
    const review = {
      stages: { formal_check: true, district_review: true, technical_review: false, expert_review: false },
      formalCheckWorkingDays: 5, // a due date: each submission schedules its reminder and escalation in the outbox
      correctionWorkingDays: 5,
      panel: null,
      publicity: { days: 15, unit: 'calendar' },
      cityReviewedKinds: [],
    };
    const budget = 100_000_000_000;
    const { rows } = await owner.query<{ id: string }>(
      `insert into programs (tenant_id, year, title, policy_id, policy_hash, status, window_kind, opens_at, closes_at, call, review, budget_total_fen, budget_rule, created_by)
       values ($1, $2, $3, $4, $5, 'open', 'batch', $6, $7, $8, $9, $10, 'pro_rata', 'load-bench') returning id`,
      [
        TENANT,
        year,
        `${year}年度标准化资助（压力测试）`,
        POLICY,
        policy.rows[0].content_hash,
        opensAt,
        closesAt,
        JSON.stringify({ title: `${year}年度标准化资助项目申报通知`, body: '申报条件与材料见附件。', materials: {} }),
        JSON.stringify(review),
        budget,
      ],
    );
    await owner.query(`insert into program_funding_sources (tenant_id, program_id, source, amount_fen) values ($1, $2, 'city', $3)`, [TENANT, rows[0].id, budget]);
    return rows[0].id;
  });
}

/**
 * `count` verified enterprises, each with one applicant user, a live sign-in and a declared draft claiming a national
 * standard it led (the rows CreateApplication, ReplaceAchievements and DeclareTruth write, as
 * tests/e2e/submission-concurrency.spec.ts prepares them), in a handful of set-based statements. Access tokens are
 * minted as AuthService signs them (same claims, secret, algorithm), so no argon2 sign-in is part of the measurement.
 */
export async function prepareApplicants(env: LoadEnvironment, owner: Client, programId: string, count: number, label: string): Promise<Applicant[]> {
  const passwordHash = await hashPassword(`load-${env.jwtSecret.slice(0, 12)}`);
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const achievement = (i: number) =>
    JSON.stringify({ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: `GB/T ${40000 + i}-${year - 1}`, publishedOn: `${year - 1}-06-01` });
  const index = Array.from({ length: count }, (_, i) => i);
  const rows = await inTenant(owner, async () => {
    const orgs = await owner.query<{ id: string; district_code: string }>(
      `insert into organizations (tenant_id, uscc, name, kind, district_code, registration_status)
       select $1, u, n, 'enterprise', d, 'verified' from unnest($2::text[], $3::text[], $4::text[]) as t(u, n, d) returning id, district_code`,
      [TENANT, index.map(() => uscc()), index.map((i) => `压力测试${label}企业${i}号科技有限公司`), index.map((i) => DISTRICTS[i % DISTRICTS.length])],
    );
    const users = await owner.query<{ id: string; organization_id: string }>(
      `insert into users (tenant_id, username, display_name, email, password_hash, role, organization_id)
       select $1, 'load-' || o, '申报人', 'load-' || o || '@example.com', $2, 'applicant', o from unnest($3::uuid[]) as t(o) returning id, organization_id`,
      [TENANT, passwordHash, orgs.rows.map((o) => o.id)],
    );
    const userOf = new Map(users.rows.map((u) => [u.organization_id, u.id]));
    const apps = await owner.query<{ id: string; organization_id: string }>(
      `insert into applications (tenant_id, program_id, organization_id, district_code, declared_at, declared_by)
       select $1, $2, o, d, now(), u from unnest($3::uuid[], $4::text[], $5::uuid[]) as t(o, d, u) returning id, organization_id`,
      [TENANT, programId, orgs.rows.map((o) => o.id), orgs.rows.map((o) => o.district_code), orgs.rows.map((o) => userOf.get(o.id))],
    );
    await owner.query(
      `insert into application_achievements (tenant_id, application_id, achievement_id, position, payload)
       select $1, a, 'a1', 0, p::jsonb from unnest($2::uuid[], $3::text[]) as t(a, p)`,
      [TENANT, apps.rows.map((a) => a.id), apps.rows.map((_, i) => achievement(i))],
    );
    const sessions = await owner.query<{ user_id: string; family_id: string }>(
      `insert into refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
       select $1, u, gen_random_uuid(), encode(sha256(gen_random_bytes(32)), 'hex'), now() + interval '1 day' from unnest($2::uuid[]) as t(u)
       returning user_id, family_id`,
      [TENANT, users.rows.map((u) => u.id)],
    );
    const sessionOf = new Map(sessions.rows.map((s) => [s.user_id, s.family_id]));
    return apps.rows.map((a) => ({ applicationId: a.id, organizationId: a.organization_id, userId: userOf.get(a.organization_id)!, sessionId: sessionOf.get(userOf.get(a.organization_id)!)! }));
  });
  const config = env.config();
  const jwt = new JwtService({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTtlSeconds } });
  return Promise.all(
    rows.map(async (r) => ({
      applicationId: r.applicationId,
      token: await jwt.signAsync({ ...claimsFor({ kind: 'user', id: r.userId, role: 'applicant', homeTenantId: TENANT, organizationId: r.organizationId }, r.sessionId) }),
    })),
  );
}
