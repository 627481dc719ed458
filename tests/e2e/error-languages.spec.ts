import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTenant, createUser, login, Session, TenantFixture, UserFixture } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Every error answers in Chinese unless the reader's first language is English (issue 10): domain errors, validation,
 * sign-in and role refusals, unknown routes and the throttler alike, with the same stable code in both languages.
 */
const HAN = /[\u3400-\u9fff]/;
const IDENTIFIER = /(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])[a-z]+[A-Z][A-Za-z0-9]*(?![A-Za-z0-9_])/;

describe('error messages by Accept-Language', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let tenant: TenantFixture;
  let officer: UserFixture;
  let officerSession: Session;
  const http = () => request(app.getHttpServer());

  /** The same request twice: with no Accept-Language (Chinese), and in English. */
  async function both(send: (lang: string | undefined) => request.Test, status: number): Promise<{ zh: request.Response; en: request.Response }> {
    const zh = await send(undefined).expect(status);
    const en = await send('en-US,en;q=0.9,zh-CN;q=0.5').expect(status);
    expect(zh.body.code).toBe(en.body.code);
    expect(zh.body.message).toMatch(HAN);
    expect(zh.body.message).not.toMatch(IDENTIFIER);
    expect(en.body.message).not.toMatch(HAN);
    return { zh, en };
  }

  const withLanguage = (test: request.Test, lang: string | undefined): request.Test => (lang ? test.set('Accept-Language', lang) : test);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    tenant = await createTenant(db);
    officer = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
    officerSession = await login(app, officer);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('a domain error: no such program', async () => {
    const { zh, en } = await both((lang) => withLanguage(http().get(`/api/v1/programs/${randomUUID()}`).set(officerSession.headers), lang), 404);
    expect(zh.body).toMatchObject({ code: 'program_not_found', message: '没有找到该项目', details: [] });
    expect(en.body).toMatchObject({ code: 'program_not_found', message: 'No such program' });
  });

  it('a validation error, beside its field in the reader’s language', async () => {
    const { zh, en } = await both((lang) => withLanguage(http().post('/api/v1/auth/login').send({ tenant: tenant.id, username: officer.username }), lang), 400);
    expect(zh.body).toMatchObject({ code: 'validation_failed', message: '提交的内容有误，请按各项提示修改' });
    expect(zh.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password', message: expect.stringMatching(HAN) })]));
    expect(en.body.message).toBe('Invalid request: password');
    expect(en.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password', message: expect.not.stringMatching(HAN) })]));
  });

  it('wrong credentials, a missing token and a role the account lacks', async () => {
    const wrong = await both(
      (lang) => withLanguage(http().post('/api/v1/auth/login').send({ tenant: tenant.id, username: officer.username, password: 'not-the-password' }), lang),
      401,
    );
    expect(wrong.zh.body).toMatchObject({ code: 'invalid_credentials', message: '所选地区、用户名或密码不正确' });
    expect(wrong.en.body.message).toBe('The tenant, username or password is not correct');

    const anonymous = await both((lang) => withLanguage(http().get('/api/v1/programs'), lang), 401);
    expect(anonymous.zh.body).toMatchObject({ code: 'unauthenticated', message: '请先登录后再访问' });
    expect(anonymous.en.body.message).toMatch(/^Sign in first/);

    const role = await both((lang) => withLanguage(http().get('/api/v1/finance/revenue-sharing').set(officerSession.headers), lang), 403);
    expect(role.zh.body.code).toBe('forbidden_role');
    expect(role.zh.body.message).toContain('财务人员');
    expect(role.en.body.message).toContain('finance_officer');
  });

  it('an unknown route, answered by Nest itself', async () => {
    const { zh, en } = await both((lang) => withLanguage(http().get('/api/v1/no-such-route'), lang), 404);
    expect(zh.body).toMatchObject({ code: 'not_found', message: '没有找到所请求的地址或记录', details: [] });
    expect(en.body.message).toContain('/api/v1/no-such-route');
  });

  it('Chinese for a reader whose first language is Chinese, even when English is also accepted', async () => {
    const response = await http().get('/api/v1/no-such-route').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8').expect(404);
    expect(response.body.message).toBe('没有找到所请求的地址或记录');
  });

  it('the throttler, past the per-minute limit', async () => {
    const throttled = await createApp({ ...db.config, http: { ...db.config.http, rateLimitPerMinute: 2 } });
    try {
      const server = throttled.getHttpServer();
      const answers: request.Response[] = [];
      for (let i = 0; i < 4; i++) {
        answers.push(await request(server).post('/api/v1/auth/login').set('Accept-Language', i === 3 ? 'en' : 'zh-CN').send({}));
      }
      const [zh, en] = [answers[2], answers[3]];
      expect([zh.status, en.status]).toEqual([429, 429]);
      expect(zh.body).toMatchObject({ code: 'too_many_requests', message: '操作过于频繁，请稍后再试', details: [] });
      expect(en.body.code).toBe('too_many_requests');
      expect(en.body.message).not.toMatch(HAN);
    } finally {
      await throttled.close();
    }
  });
});
