import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTenant } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The registration form's district choice (issue 10): GET /public/tenants/:tenantId/districts answers, without
 * sign-in, the districts of the tenant the path names (code, Chinese and English name), never another tenant's; an
 * unknown tenant, or the platform, is 404 unknown_tenant; a malformed id is 400 naming tenantId.
 */
describe('public districts of a tenant (registration form)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let platformId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    await createTenant(db, {
      id: 'beijing',
      nameZh: '北京市',
      divisionCode: '110000',
      districts: [
        { code: '110108', nameZh: '海淀区', nameEn: 'Haidian District' },
        { code: '110105', nameZh: '朝阳区', nameEn: 'Chaoyang District' },
      ],
    });
    await createTenant(db, { id: 'weihai', nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区', nameEn: 'Huancui District' }] });
    platformId = (await createTenant(db, { kind: 'platform' })).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists the tenant\'s own districts by code, without signing in', async () => {
    const res = await http().get('/api/v1/public/tenants/beijing/districts').expect(200);
    expect(res.body).toEqual({
      items: [
        { code: '110105', nameZh: '朝阳区', nameEn: 'Chaoyang District' },
        { code: '110108', nameZh: '海淀区', nameEn: 'Haidian District' },
      ],
    });
    const other = await http().get('/api/v1/public/tenants/weihai/districts').expect(200);
    expect(other.body).toEqual({ items: [{ code: '371002', nameZh: '环翠区', nameEn: 'Huancui District' }] });
  });

  it('answers 404 unknown_tenant for a tenant that does not exist, and for the platform', async () => {
    const missing = await http().get('/api/v1/public/tenants/nowhere/districts').set('Accept-Language', 'zh-CN').expect(404);
    expect(missing.body.code).toBe('unknown_tenant');
    expect(missing.body.message).toContain('nowhere');
    const platform = await http().get(`/api/v1/public/tenants/${platformId}/districts`).expect(404);
    expect(platform.body.code).toBe('unknown_tenant');
  });

  it('refuses a malformed tenant id with 400 naming tenantId', async () => {
    const res = await http().get('/api/v1/public/tenants/Not_A_Tenant/districts').expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'tenantId' })]);
  });
});
