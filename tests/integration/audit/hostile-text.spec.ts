import { AuditChainVerification, canonicalJson, storableJson, storableText, verifyAuditChain } from '@subsidy/audit';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { appDataSource, recordEntries } from './audit-fixture';

/**
 * The HTTP edge refuses ill-formed text, but the audit log must not depend on it: whatever reaches AuditLog.record
 * is hashed exactly as PostgreSQL stores it, so the chain still verifies every night after.
 */
describe('audit records of text PostgreSQL would store differently', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let su: Client;

  async function verify(tenantId: string): Promise<AuditChainVerification> {
    const app = await db.appRole();
    try {
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await verifyAuditChain(app, tenantId);
    } finally {
      await app.query('rollback');
      await app.end();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await appDataSource(db.config);
    su = await db.superuser();
    await su.query(`insert into tenants (id, name_zh, name_en, division_code) values ('hostile', '测试', 'Test', '110000')`);
  });
  afterAll(async () => {
    await su.end();
    await dataSource.destroy();
    await db.drop();
  });

  it('stores and hashes a lone surrogate and a NUL as U+FFFD, in the reason, the ids and the data', async () => {
    await recordEntries(dataSource, 'hostile', [
      { action: 'application.withdrawn', entityType: 'application', entityId: 'app-\udfff', reason: '\udfff' },
      { action: 'clawback.recorded', entityType: 'clawback', entityId: 'c-1', reason: 'a\u0000b', data: { note: 'x\ud800y', ['k\udc00']: ['\u0000', 1] } },
      { action: 'program.updated', entityType: 'program', entityId: 'p-1', data: { when: new Date('2024-07-01T02:00:00Z') as unknown as string, gone: undefined, n: 1e21 } },
      { action: 'organization.renamed', entityType: 'organization', entityId: 'o-1', data: JSON.parse('{"__proto__":{"x":1},"name":"ok"}') as Record<string, unknown> },
    ]);
    expect(await verify('hostile')).toMatchObject({ ok: true, records: 4 });
    const { rows } = await su.query(`select entity_id, reason, data from audit_log where tenant_id = 'hostile' order by seq`);
    expect(rows[0]).toMatchObject({ entity_id: 'app-\ufffd', reason: '\ufffd' });
    expect(rows[1]).toMatchObject({ reason: 'a\ufffdb', data: { note: 'x\ufffdy', ['k\ufffd']: ['\ufffd', 1] } });
    expect(rows[2].data).toEqual({ when: '2024-07-01T02:00:00.000Z', n: 1e21 });
    expect(Object.keys(rows[3].data as object).sort()).toEqual(['__proto__', 'name']);
  });

  it('leaves well-formed text alone', () => {
    expect(storableText('标准文本 😀 é')).toBe('标准文本 😀 é');
    const data = { a: [1, 'b', { c: null }], d: '中' };
    expect(canonicalJson(storableJson(data))).toBe(canonicalJson(data));
  });
});
