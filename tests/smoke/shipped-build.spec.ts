import { addDays, cstDateOf } from '@subsidy/calendar';
import { createHash, randomBytes } from 'node:crypto';
import { pdfBytes } from '../e2e/scenarios-support/api-client';
import { SmtpSink } from '../e2e/scenarios-support/smtp-sink';
import { makeUscc } from '../support/factories/uscc';
import { waitFor } from '../support/polling';
import { assertFreshBuild } from './support/build-freshness';
import { BuiltService, runBuiltCommand, stepOf, waitForHealth } from './support/built-processes';
import { SmokeApi } from './support/smoke-api';
import { SmokeEnvironment } from './support/smoke-environment';

/**
 * The shipped code, not the tested one: the compiled `dist/` API and worker run as child processes exactly as
 * `npm run demo` and `npm run start:api` / `start:worker` start them, on a database the built `db-migrate` made, and
 * one path through the product is driven over real HTTP: a staff account activated from the e-mail the worker sends,
 * a self-registered organization approved, a program the worker opens, a multipart PDF upload, the submission.
 * Whatever differs between what jest compiles and what `tsc` ships (issue 9: class-field semantics made `dist/` refuse
 * every evidence upload while the e2e tests passed) shows here.
 */
const TENANT = 'beijing'; // beijing-2020 has no expiry, so a program can run under it on any date
const DISTRICT = '110108'; // 海淀区
const API = 'apps/api/src/main';
const WORKER = 'apps/worker/src/main';
const MIGRATE = 'apps/cli/src/db-migrate';
const TENANTS_SYNC = 'apps/cli/src/tenants-sync';
const PLATFORM_ADMIN = 'apps/cli/src/platform-admin';
const AUDIT_VERIFY = 'apps/cli/src/audit-verify';

const PDF_MIME = 'application/pdf';

describe('smoke: the built dist/ API and worker', () => {
  const password = `Smoke-${randomBytes(6).toString('hex')}`;
  let environment: SmokeEnvironment | undefined;
  let mail: SmtpSink | undefined;
  const services: BuiltService[] = [];
  let api: SmokeApi;
  let officer: string;
  let applicant: string;
  let organizationId: string;
  let programId: string;
  let applicationId: string;

  /** A value an earlier step produced; when that step failed, the later one says so instead of failing obscurely. */
  const fromStep = <T>(value: T | undefined, step: string): T => {
    if (value === undefined) throw new Error(`blocked: ${step} did not complete (see its failure above)`);
    return value;
  };

  beforeAll(async () => {
    assertFreshBuild([API, WORKER, MIGRATE, TENANTS_SYNC, PLATFORM_ADMIN, AUDIT_VERIFY]);
    mail = await SmtpSink.start();
    environment = await SmokeEnvironment.create(mail.url);
    const env = environment.env;
    await runBuiltCommand(MIGRATE, env, { timeoutMs: 60_000 });
    await runBuiltCommand(TENANTS_SYNC, env);
    // The one bootstrap step no HTTP call can do: the installation's first platform administrator.
    await runBuiltCommand(PLATFORM_ADMIN, env, { args: ['--username', 'smoke-admin'], input: `${password}\n` });
    services.push(BuiltService.start('API', API, env), BuiltService.start('Worker', WORKER, env));
    await waitForHealth(environment.baseUrl, services, 45_000);
    api = new SmokeApi(environment.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await environment?.dispose();
    await mail?.close();
  }, 30_000);

  /** Fails with the processes' output when a step fails because one of them died. */
  const step = stepOf(services);

  it(
    'the platform administrator the built CLI made creates a program officer, who sets a password from the worker’s e-mail',
    step(async () => {
      const admin = await api.login('platform', 'smoke-admin', password);
      const email = 'officer@smoke.example.cn';
      await api.call(201, 'POST', '/users', {
        token: admin,
        headers: { 'X-Tenant-Id': TENANT },
        body: { username: 'smoke-officer', displayName: '冒烟测试 项目经办人', email, role: 'program_officer' },
      });
      // The e-mail is a notifications/email.send job: only the worker delivers it.
      const setupMail = await waitFor('the worker to deliver the password-setup e-mail', async () => fromStep(mail, 'starting the mail sink').mails.find((m) => m.to.includes(email)), 30_000);
      const token = /"token":"([^"]+)"/.exec(setupMail.text)?.[1];
      if (!token) throw new Error(`no password-setup token in the e-mail:\n${setupMail.text}`);
      await api.call(204, 'POST', '/auth/password-setup', { body: { tenant: TENANT, token, password } });
      officer = await api.login(TENANT, 'smoke-officer', password);
    }),
  );

  it(
    'an organization registers itself with its first applicant, who signs in, and the officer approves the registration',
    step(async () => {
      const registration = await api.call<{ organization: { id: string }; user: { role: string } }>(201, 'POST', '/organizations/register', {
        body: {
          tenant: TENANT,
          organization: { uscc: makeUscc({ division: DISTRICT }), name: '北京冒烟测试科技有限公司', kind: 'enterprise', districtCode: DISTRICT },
          user: { username: 'smoke-applicant', displayName: '冒烟测试 申报人', email: 'applicant@smoke.example.cn', password },
        },
      });
      expect(registration.user.role).toBe('applicant');
      organizationId = registration.organization.id;
      applicant = await api.login(TENANT, 'smoke-applicant', password);
      const token = fromStep(officer, 'activating the officer');
      await api.call(200, 'POST', `/organizations/${organizationId}/registration/approve`, { token, body: { note: '冒烟测试：已核对' } });
    }),
  );

  it(
    'the officer schedules a program under the text in force, and the worker opens it',
    step(async () => {
      const token = fromStep(officer, 'signing in the officer');
      const { items: versions } = await api.call<{ items: Array<{ id: string; inForce: boolean }> }>(200, 'GET', '/policies', { token });
      const policy = versions.filter((v) => v.inForce).pop();
      if (!policy) throw new Error(`no policy version of ${TENANT} is in force today`);
      const template = await api.call<{ window: { kind: 'batch' | 'rolling'; latestClose: string | null }; review: unknown }>(
        200,
        'GET',
        `/programs/template?policyId=${encodeURIComponent(policy.id)}`,
        { token },
      );
      const now = new Date();
      const today = cstDateOf(now);
      const lastDay = [addDays(today, 30), template.window.latestClose].filter((d): d is string => d !== null).sort()[0];
      const draft = await api.call<{ id: string; status: string }>(201, 'POST', '/programs', {
        token,
        body: {
          year: Number(today.slice(0, 4)),
          title: `${today.slice(0, 4)}年度标准化资助（冒烟测试）`,
          policyId: policy.id,
          // Opening now: the opening job is due at once, and only the worker carries it out.
          window: { kind: template.window.kind, opensAt: now.toISOString(), closesAt: `${lastDay}T17:00:00+08:00` },
          call: { title: '关于申报标准化资助的通知（冒烟测试）', body: '冒烟测试数据，非真实通知。', materials: { standard: ['标准文本'] } },
          review: template.review,
          budget: { totalFen: 100_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }] },
        },
      });
      programId = draft.id;
      const scheduled = await api.call<{ status: string }>(200, 'POST', `/programs/${programId}/schedule`, { token, body: {} });
      expect(scheduled.status).toBe('scheduled');
      await waitFor(
        'the worker to open the program',
        async () => (await api.call<{ status: string }>(200, 'GET', `/programs/${programId}`, { token })).status === 'open',
        30_000,
      );
      const { items: notifications } = await api.call<{ items: Array<{ kind: string; entity: { id: string } | null }> }>(200, 'GET', '/notifications', { token });
      expect(notifications.filter((n) => n.kind === 'program.opened' && n.entity?.id === programId)).toHaveLength(1);
    }),
  );

  it(
    'the applicant drafts an application and uploads a PDF as multipart; the file comes back byte for byte',
    step(async () => {
      const token = fromStep(applicant, 'signing in the applicant');
      const program = fromStep(programId, 'opening the program');
      const created = await api.call<{ id: string; status: string }>(201, 'POST', `/programs/${program}/applications`, { token });
      applicationId = created.id;
      const year = Number(cstDateOf(new Date()).slice(0, 4));
      await api.call(200, 'PUT', `/applications/${applicationId}/achievements`, {
        token,
        body: {
          achievements: [
            // 第八条第（三）项: a standard published in the previous year.
            { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 49999-2025', title: '冒烟测试 通用技术条件', publishedOn: `${year - 1}-06-01` },
          ],
        },
      });

      const pdf = pdfBytes('smoke test evidence');
      const form = new FormData();
      form.append('achievementId', 'a1');
      form.append('material', '标准文本');
      form.append('file', new Blob([pdf], { type: PDF_MIME }), '标准文本.pdf');
      const uploaded = await api.call<{ id: string; mime: string; sha256: string; originalName: string; achievementId: string | null; material: string | null }>(
        201,
        'POST',
        `/applications/${applicationId}/evidence`,
        { token, form },
      );
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(uploaded).toMatchObject({ mime: PDF_MIME, sha256, originalName: '标准文本.pdf', achievementId: 'a1', material: '标准文本' });

      const { items } = await api.call<{ items: Array<{ id: string }> }>(200, 'GET', `/applications/${applicationId}/evidence`, { token });
      expect(items.map((e) => e.id)).toEqual([uploaded.id]);
      const download = await api.download(`/evidence/${uploaded.id}/content`, token);
      expect(download.contentType).toContain(PDF_MIME);
      expect(createHash('sha256').update(download.bytes).digest('hex')).toBe(sha256);
    }),
  );

  it(
    'the applicant declares and submits, and the application moves to its first review stage',
    step(async () => {
      const token = fromStep(applicant, 'signing in the applicant');
      const id = fromStep(applicationId, 'drafting the application');
      await api.call(200, 'POST', `/applications/${id}/declaration`, { token, body: { accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' } });
      const submitted = await api.call<{ status: string; submissionCount: number }>(200, 'POST', `/applications/${id}/submit`, {
        token,
        headers: { 'Idempotency-Key': `smoke-${randomBytes(8).toString('hex')}` },
      });
      expect(submitted.submissionCount).toBe(1);
      expect(submitted.status).not.toBe('draft');
      const shown = await api.call<{ status: string }>(200, 'GET', `/applications/${id}`, { token });
      expect(shown.status).toBe(submitted.status);
    }),
  );

  it(
    'the build’s OpenAPI document describes the upload as multipart with its file part',
    step(async () => {
      const response = await fetch(`${fromStep(environment, 'creating the environment').baseUrl}/api/docs/openapi.json`, { signal: AbortSignal.timeout(15_000) });
      expect(response.status).toBe(200);
      const doc = (await response.json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, { format?: string }> } }> } }>> };
      const body = doc.paths['/api/v1/applications/{id}/evidence'].post.requestBody?.content['multipart/form-data'].schema;
      expect(body?.required).toEqual(['file']);
      expect(body?.properties?.file?.format).toBe('binary');
      expect(Object.keys(body?.properties ?? {}).sort()).toEqual(['achievementId', 'file', 'material']);
    }),
  );

  it(
    'the built API serves the built web application at / and at client routes, with the API left alone',
    step(async () => {
      const base = fromStep(environment, 'creating the environment').baseUrl;
      for (const path of ['/', '/programs/any/route']) {
        const page = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(15_000) });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root"></div>');
      }
      const html = await (await fetch(`${base}/`, { signal: AbortSignal.timeout(15_000) })).text();
      const entry = /<script[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      const bundle = await fetch(`${base}${entry}`, { signal: AbortSignal.timeout(15_000) });
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('cache-control')).toContain('immutable');
      const unknown = await fetch(`${base}/api/v1/no-such-route`, { signal: AbortSignal.timeout(15_000) });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { code: string }).code).toBeTruthy();
    }),
  );

  it(
    'the built audit:verify finds every tenant’s hash chain intact after all this',
    step(async () => {
      const output = await runBuiltCommand(AUDIT_VERIFY, fromStep(environment, 'creating the environment').env, { args: ['--tenant', TENANT] });
      expect(output).toMatch(/^Audit chains intact: 1 tenant\(s\), [1-9]\d* record\(s\) verified/);
    }),
  );
});
