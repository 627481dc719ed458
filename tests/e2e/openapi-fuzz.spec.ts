import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  createApplication,
  createOrganization,
  createProgram,
  createUser,
  DEFAULT_TEST_PASSWORD,
  ensurePlatformTenant,
  login,
  makeUscc,
  nationalStandardLead,
  Session,
  UserFixture,
} from '../support/factories';
import { createWeihaiPayout } from '../support/factories/finance';
import { DatabaseFingerprint } from '../support/fuzz/db-fingerprint';
import { IdRegistry } from '../support/fuzz/id-registry';
import { WorldHints } from '../support/fuzz/dto-arbitrary';
import { Caller, caseArbitrary, FuzzCase, FuzzOperation } from '../support/fuzz/request-arbitrary';
import { handlerFacts, operationKey, OperationKey, servedOperations } from '../support/fuzz/route-catalogue';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';

/** Fixed, so a failure is replayed exactly. FUZZ_SEED and FUZZ_RUNS explore further by hand; the suite uses neither. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 16);
/** FUZZ_LOG=<file> appends one line per request (status, operation, caller, case, answer), to see what the fuzz reaches. */
const LOG = process.env.FUZZ_LOG;

/**
 * Refusals that change the database on purpose, each with the only tables it may touch. A rotated refresh token
 * presented again is taken for a stolen copy: every session of that sign-in is ended and audited, then the 401 goes
 * out (AuthService.refresh). Anything else a refusal changes is a finding.
 */
const DELIBERATE_CHANGES = [{ operation: 'POST /api/v1/auth/refresh', code: 'refresh_token_invalid', tables: ['public.refresh_tokens', 'public.audit_log', 'public.audit_heads'] }];

function deliberate(operation: OperationKey, code: string | undefined, tables: string[]): boolean {
  return DELIBERATE_CHANGES.some((allowed) => allowed.operation === operation && allowed.code === code && tables.every((table) => allowed.tables.includes(table)));
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, unknown> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface Finding {
  operation: OperationKey;
  status: number;
  caller: string;
  url: string;
  summary: string;
  problem: string;
}

describe('OpenAPI fuzz: every operation, hostile input, no 5xx and no change after a refusal', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let superuser: Client;
  let fingerprint: DatabaseFingerprint;
  let document: OpenApiDocument;
  const callers: Caller[] = [];
  const ids = new IdRegistry();
  let hints: WorldHints;
  const fuzzed = new Map<OperationKey, number>();
  const statuses = new Map<number, number>();
  const findings: Finding[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Rate limits and sign-in lockout answer 429 long before the fuzz is done; raised so the requests reach the code.
    const config = testConfig(db.name, { QUEUE_PREFIX: `fuzz-${db.name}`, RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_MAX_FAILURES: '1000000' });
    app = await createApp(config, { clock: new ManualClock(new Date('2024-07-01T10:00:00+08:00')) });

    const platform = await ensurePlatformTenant(db);
    const payout = await createWeihaiPayout(db, { orgA: [{ achievementId: 'a1', decidedFen: 10_001 }], orgB: [{ achievementId: 'b1', decidedFen: 300_000 }] });
    const open = await createProgram(db, {
      tenantId: 'weihai',
      policyId: 'weihai-2020',
      year: 2024,
      opensAt: new Date('2024-06-01T09:00:00+08:00'),
      closesAt: new Date('2024-08-31T17:00:00+08:00'),
    });
    const draftProgram = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, status: 'draft' });
    const orgC = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
    // One application per stage, each of its own organization (an organization applies once per program).
    const applications = [];
    for (const status of ['draft', 'formal_check', 'district_review', 'technical_review', 'awaiting_decision', 'decided'] as const) {
      const organization = status === 'draft' ? payout.orgA : await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
      ids.add('organization', organization.id);
      applications.push(
        await createApplication(db, {
          tenantId: 'weihai',
          programId: open.id,
          organizationId: organization.id,
          districtCode: '371002',
          status,
          achievements: [nationalStandardLead('a1'), nationalStandardLead('a2')],
        }),
      );
    }

    const users: Record<string, UserFixture> = {
      platform_admin: await createUser(db, { tenantId: platform.id, role: 'platform_admin' }),
      program_officer: await createUser(db, { tenantId: 'weihai', role: 'program_officer', email: 'officer@example.cn' }),
      district_reviewer: await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002' }),
      technical_reviewer: await createUser(db, { tenantId: 'weihai', role: 'technical_reviewer' }),
      expert: await createUser(db, { tenantId: 'weihai', role: 'expert' }),
      finance_city: await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }),
      finance_district: await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }),
      applicant: await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: payout.orgA.id }),
    };
    const spare: Session = await login(app, await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: orgC.id }));
    callers.push({ name: 'anonymous', headers: {} });
    for (const [name, user] of Object.entries(users)) {
      const session = await login(app, user);
      callers.push({ name, role: user.role, headers: session.headers });
      ids.add('user', user.id);
    }
    const forged = callers[1].headers.Authorization.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    callers.push({ name: 'forged token', headers: { Authorization: forged } });
    callers.push({ name: 'malformed token', headers: { Authorization: 'Bearer \u00ff.not.a.jwt' } });

    ids.add('program', payout.programId, open.id, draftProgram.id);
    ids.add('application', ...payout.applicationIds, ...applications.map((a) => a.id));
    ids.add('organization', payout.orgA.id, payout.orgB.id, orgC.id);
    hints = {
      ids: ids.all(),
      idsByKind: ids.snapshot(),
      tenants: ['weihai', platform.id],
      usernames: Object.values(users).map((u) => u.username),
      password: DEFAULT_TEST_PASSWORD,
      usccs: [payout.orgA.uscc, makeUscc()],
      achievementIds: ['a1', 'a2', 'b1'],
      // A refresh token the fuzz may spend (refresh, logout) without signing out the callers above.
      refreshTokens: [spare.refreshToken],
    };

    superuser = await db.superuser();
    fingerprint = await DatabaseFingerprint.open(superuser);
    document = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await superuser?.end();
    await app?.close();
    // drop() verifies every tenant's audit chain and the ledger: a hostile value stored differently from how it was
    // hashed (a lone surrogate) fails here.
    await db?.drop();
  });

  function operations(): FuzzOperation[] {
    const facts = handlerFacts(app);
    const result: FuzzOperation[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const parameters = operation.parameters ?? [];
        const content = Object.keys(operation.requestBody?.content ?? {});
        result.push({
          method: method as FuzzOperation['method'],
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name),
          body: content.includes('multipart/form-data') ? 'multipart' : content.length || ['post', 'put', 'patch'].includes(method) ? 'json' : 'none',
          facts: facts.get(operationKey(method, path.replace(/^\/api\/v1/, ''))),
        });
      }
    }
    return result;
  }

  async function send(operation: FuzzOperation, fuzzCase: FuzzCase): Promise<request.Response> {
    let call = request(app.getHttpServer())[operation.method](fuzzCase.url);
    for (const [name, value] of Object.entries(fuzzCase.headers)) call = call.set(name, value);
    // The bytes go out exactly as built: superagent would otherwise serialize a Buffer sent as JSON as an object.
    if (fuzzCase.body !== undefined) call = call.serialize((bytes: unknown) => bytes as string).send(fuzzCase.body);
    return call;
  }

  it('fingerprints the database so that an insert, an update that changes nothing and a delete each show', async () => {
    const other = await db.superuser();
    try {
      const start = await fingerprint.take();
      await other.query(`insert into districts (tenant_id, code, name_zh, name_en) values ('weihai', '379999', '测试区', 'Test')`);
      const inserted = await fingerprint.take();
      expect(DatabaseFingerprint.changedTables(start, inserted)).toEqual(['public.districts']);
      await other.query(`update districts set name_zh = name_zh where tenant_id = 'weihai' and code = '379999'`);
      const updated = await fingerprint.take();
      expect(DatabaseFingerprint.changedTables(inserted, updated)).toEqual(['public.districts']);
      await other.query(`delete from districts where tenant_id = 'weihai' and code = '379999'`);
      const deleted = await fingerprint.take();
      expect(DatabaseFingerprint.changedTables(updated, deleted)).toEqual(['public.districts']);
      expect(await fingerprint.take()).toEqual(deleted);
    } finally {
      await other.end();
    }
  });

  it('documents every route the application serves', () => {
    const documented = new Set(operations().map((op) => operationKey(op.method, op.path)));
    expect(servedOperations(app).filter((key) => !documented.has(key))).toEqual([]);
  });

  it('answers every operation without a 5xx, and a 4xx changes nothing in the database', async () => {
    const all = operations();
    const started = Date.now();
    let fingerprintMs = 0;
    const takeFingerprint = async () => {
      const t = Date.now();
      const taken = await fingerprint.take();
      fingerprintMs += Date.now() - t;
      return taken;
    };
    let before = await takeFingerprint();
    for (const [index, operation] of all.entries()) {
      const key = operationKey(operation.method, operation.path);
      hints = { ...hints, ids: ids.all(), idsByKind: ids.snapshot() };
      const cases = fc.sample(caseArbitrary(operation, callers, hints), { seed: SEED + index, numRuns: RUNS_PER_OPERATION });
      for (const fuzzCase of cases) {
        const response = await send(operation, fuzzCase);
        fuzzed.set(key, (fuzzed.get(key) ?? 0) + 1);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (LOG) appendFileSync(LOG, `${response.status} ${key} ${fuzzCase.caller} ${fuzzCase.url.slice(0, 120)} ${fuzzCase.summary.slice(0, 120)} ${JSON.stringify(response.body).slice(0, 240)}\n`);
        const finding = (problem: string): Finding => ({ operation: key, status: response.status, caller: fuzzCase.caller, url: fuzzCase.url.slice(0, 200), summary: fuzzCase.summary, problem });
        if (response.status >= 500) findings.push(finding(`server error ${JSON.stringify(response.body).slice(0, 200)}`));
        const after = await takeFingerprint();
        if (response.status >= 400 && response.status < 500) {
          const changed = DatabaseFingerprint.changedTables(before, after);
          const code = (response.body as { code?: string }).code;
          if (changed.length && !deliberate(key, code, changed)) findings.push(finding(`refused (${code}) but changed ${changed.join(', ')}`));
        }
        if (response.status < 300) ids.harvest(operation.path, response.body);
        before = after;
      }
    }
    const total = [...fuzzed.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `openapi fuzz: ${fuzzed.size} operations, ${total} requests in ${Date.now() - started} ms (${fingerprintMs} ms fingerprinting); ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ${findings.length} findings\n`,
    );
    expect(findings).toEqual([]);
    // Bounded, but a few thousand requests on a shared two-core machine take their time.
  }, 300_000);

  it('fuzzed every route the application serves', () => {
    const missed = servedOperations(app).filter((key) => (fuzzed.get(key) ?? 0) < RUNS_PER_OPERATION);
    expect(missed).toEqual([]);
  });
});
