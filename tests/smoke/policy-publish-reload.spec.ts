import { hashPassword } from '@subsidy/auth';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { SmtpSink } from '../e2e/scenarios-support/smtp-sink';
import { waitFor } from '../support/polling';
import { insertPublishedVersion, weihai2026Text } from '../support/policy-version-texts';
import { testConfig } from '../support/test-config';
import { assertFreshBuild } from './support/build-freshness';
import { BuiltService, runBuiltCommand, stepOf, waitForHealth } from './support/built-processes';
import { SmokeApi } from './support/smoke-api';
import { SmokeEnvironment } from './support/smoke-environment';

/**
 * Issue 11: a publish reaches every process without a restart. Two built API processes and the built worker run on one
 * fresh database. A Weihai officer drafts weihai-2026 (national-standard lead-formulate ceiling 50万 → 60万, valid
 * 2026-2028) in API process 1 and a second officer approves it there; the next calculation in API process 2 prices
 * under it and the worker reports it took the version in (its log line of the reload, with the version's hash: the
 * worker has no HTTP, and a pricing job needs a whole program run). A version committed by any other connection (a
 * script, SQL) reaches every process the same way. Run against another build than dist/ with SMOKE_DIST=<dir>.
 */
const API = 'apps/api/src/main';
const WORKER = 'apps/worker/src/main';
const MIGRATE = 'apps/cli/src/db-migrate';
const TENANTS_SYNC = 'apps/cli/src/tenants-sync';
const PASSWORD = 'smoke-policy-officer-1';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

// 第六条: a national standard the applicant led, published the year before the application.
const nationalLead = (year: number) => ({ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: `GB/T 40000-${year - 1}`, publishedOn: `${year - 1}-06-01` });
const calculation = (date: string) => ({
  applicationDate: date,
  programYear: Number(date.slice(0, 4)),
  applicants: [{ uscc: '91371002MA3D10085L', name: '威海示范海洋食品有限公司', kind: 'enterprise', district: '环翠区', achievements: [nationalLead(Number(date.slice(0, 4)))] }],
});

describe('smoke: a published policy version reaches the other API process and the worker without a restart', () => {
  let environment: SmokeEnvironment | undefined;
  let mail: SmtpSink | undefined;
  const services: BuiltService[] = [];
  let first: SmokeApi;
  let second: SmokeApi;
  let worker: BuiltService;

  beforeAll(async () => {
    assertFreshBuild([API, WORKER, MIGRATE, TENANTS_SYNC]);
    mail = await SmtpSink.start();
    environment = await SmokeEnvironment.create(mail.url);
    const env = environment.env;
    await runBuiltCommand(MIGRATE, env, { timeoutMs: 60_000 });
    const synced = await runBuiltCommand(TENANTS_SYNC, env);
    expect(synced).toMatch(/Policy versions: 9 imported \(.*weihai-2020.*\)/);
    await withOwner(async (owner) => {
      // A ready officer account (the onboarding e-mail flow is the other smoke test's subject).
      await owner.query('begin');
      await owner.query(`select set_config('app.tenant_id', 'weihai', true)`);
      for (const username of ['smoke-officer-a', 'smoke-officer-b']) {
        await owner.query(`insert into users (tenant_id, username, display_name, password_hash, role) values ('weihai', $1, $2, $3, 'program_officer')`, [
          username,
          `冒烟测试 经办人 ${username.slice(-1).toUpperCase()}`,
          await hashPassword(PASSWORD),
        ]);
      }
      await owner.query('commit');
    });
    const secondPort = await freePort();
    worker = BuiltService.start('Worker', WORKER, env);
    services.push(BuiltService.start('API 1', API, env), BuiltService.start('API 2', API, { ...env, PORT: String(secondPort) }), worker);
    first = new SmokeApi(environment.baseUrl);
    second = new SmokeApi(`http://127.0.0.1:${secondPort}`);
    await waitForHealth(first.baseUrl, services, 45_000);
    await waitForHealth(second.baseUrl, services, 45_000);
    await waitFor('the worker to load the policy versions', async () => worker.describe().includes('published policy version(s)'), 45_000);
  }, 150_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await environment?.dispose();
    await mail?.close();
  }, 30_000);

  async function withOwner<T>(work: (owner: Client) => Promise<T>): Promise<T> {
    const config = testConfig(environment!.databaseName);
    const owner = new Client({ host: config.database.host, port: config.database.port, user: config.database.owner.user, password: config.database.owner.password || undefined, database: environment!.databaseName });
    await owner.connect();
    try {
      return await work(owner);
    } finally {
      await owner.end();
    }
  }

  const totalIn = async (api: SmokeApi, token: string, date: string): Promise<{ status: number; totalFen?: string | number; code?: string }> => {
    const response = await fetch(`${api.baseUrl}/api/v1/tenants/weihai/calculations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(calculation(date)),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json()) as { code?: string; applicants?: Array<{ items: Array<{ amountFen: number | string }> }> };
    return { status: response.status, code: body.code, totalFen: body.applicants?.[0]?.items[0]?.amountFen };
  };

  /** The case table the draft carries: one case, the raised 第六条 ceiling on a 2026 application. */
  const CASES_2026 = [
    'tenant: weihai',
    'defaults:',
    '  applicationDate: "2026-03-20"',
    '  programYear: 2026',
    '  applicant: { uscc: "91371000MA3C4W1X2Y", name: "威海示例有限公司", kind: enterprise, district: "环翠区" }',
    'cases:',
    '  - name: national standard, lead, formulate (raised to 60万)',
    '    article: 第六条',
    '    source: "002:4533"',
    '    achievements:',
    '      - { id: a1, type: standard, level: national, action: formulate, role: lead, draftingRank: 1, standardNo: "GB/T 40000-2025", publishedOn: "2025-06-01" }',
    '    expect:',
    '      totalFen: 60000000',
    '',
  ].join('\n');

  const step = stepOf(services);

  it(
    'a version two officers publish in API process 1 prices the next calculation in API process 2, and reaches the worker',
    step(async () => {
      const author = await first.login('weihai', 'smoke-officer-a', PASSWORD);
      const reviewer = await first.login('weihai', 'smoke-officer-b', PASSWORD);
      const other = await second.login('weihai', 'smoke-officer-a', PASSWORD);
      // Before: weihai-2020 lapsed at the end of 2024, so nothing prices a 2026 application; 2024 gets 50万.
      expect(await totalIn(second, other, '2026-03-20')).toMatchObject({ status: 422, code: 'no_policy_in_force' });
      expect(await totalIn(second, other, '2024-03-20')).toMatchObject({ status: 200 });
      expect(Number((await totalIn(second, other, '2024-03-20')).totalFen)).toBe(50_000_000);

      const draft = await first.call<{ id: string; version: number }>(201, 'POST', '/policy-versions', { token: author, body: { policyId: 'weihai-2026', sourceText: weihai2026Text(), changeNote: '第六条 国家标准主持制定 上限提高到60万元' } });
      const saved = await first.call<{ version: number; cases: { passed: number; failed: number } }>(200, 'PUT', `/policy-versions/${draft.id}`, { token: author, body: { version: draft.version, casesText: CASES_2026 } });
      expect(saved.cases).toMatchObject({ passed: 1, failed: 0 });
      const submitted = await first.call<{ version: number }>(200, 'POST', `/policy-versions/${draft.id}/submit`, { token: author, body: { version: saved.version } });
      const published = await first.call<{ state: string; contentHash: string }>(200, 'POST', `/policy-versions/${draft.id}/approve`, { token: reviewer, body: { version: submitted.version } });
      expect(published.state).toBe('published');

      // The publishing process reloads in-process on commit; the other one on the trigger's NOTIFY.
      expect(Number((await totalIn(first, author, '2026-03-20')).totalFen)).toBe(60_000_000);
      const priced = await waitFor('API process 2 to price 2026 under weihai-2026', async () => {
        const result = await totalIn(second, other, '2026-03-20');
        return result.status === 200 ? result : undefined;
      }, 10_000);
      expect(Number(priced.totalFen)).toBe(60_000_000);
      // An application dated under the older text keeps its amount.
      expect(Number((await totalIn(second, other, '2024-03-20')).totalFen)).toBe(50_000_000);
      await waitFor('the worker to reload weihai with weihai-2026', async () => worker.describe().includes(`weihai-2026 sha256:${published.contentHash.slice(0, 12)}`), 10_000);
    }),
  );

  it(
    'a version committed by any other connection (a script) reaches both API processes and the worker too',
    step(async () => {
      const token1 = await first.login('weihai', 'smoke-officer-a', PASSWORD);
      const token2 = await second.login('weihai', 'smoke-officer-b', PASSWORD);
      // weihai-2029: the 2026 text again with a ceiling of 70万, valid 2029-2030.
      const text = weihai2026Text()
        .replace(/^id: weihai-2026$/m, 'id: weihai-2029')
        .replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2029-01-01"')
        .replace('effectiveTo: "2028-12-31"', 'effectiveTo: "2030-12-31"')
        .replace(/(id: std\.national\.formulate\.lead\n(?:    .*\n)*?    ceiling: )"60万"/, '$1"70万"');
      expect(text).toContain('"70万"');
      expect(await totalIn(first, token1, '2029-03-20')).toMatchObject({ status: 422, code: 'no_policy_in_force' });
      const hash = await withOwner((owner) => insertPublishedVersion(owner, 'weihai', 'weihai-2029', text));
      for (const [name, api, token] of [['API process 1', first, token1], ['API process 2', second, token2]] as const) {
        const priced = await waitFor(`${name} to price 2029 under weihai-2029`, async () => {
          const result = await totalIn(api, token, '2029-03-20');
          return result.status === 200 ? result : undefined;
        }, 10_000);
        expect(Number(priced.totalFen)).toBe(70_000_000);
        expect(Number((await totalIn(api, token, '2026-03-20')).totalFen)).toBe(60_000_000);
      }
      await waitFor('the worker to reload weihai with weihai-2029', async () => worker.describe().includes(`weihai-2029 sha256:${hash.slice(0, 12)}`), 10_000);
    }),
  );
});
