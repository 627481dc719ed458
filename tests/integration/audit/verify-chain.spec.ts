import { AuditChainVerification, verifyAuditChain } from '@subsidy/audit';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { appDataSource, recordEntries, sampleEntries } from './audit-fixture';

const ROOT = join(__dirname, '..', '..', '..');

describe('audit chain verification', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let su: Client;

  async function newTenantWithChain(id: string, records = 6): Promise<void> {
    await su.query(`insert into tenants (id, name_zh, name_en, division_code) values ($1, '测试', 'Test', '110000')`, [id]);
    await recordEntries(dataSource, id, sampleEntries(records));
  }

  /** Verifies as the application role with the tenant set, as the job and the CLI do. */
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
  });
  afterAll(async () => {
    await su.end();
    await dataSource.destroy();
    await db.drop({ skipIntegrityCheck: true }); // this file breaks chains on purpose
  });

  it('passes an untampered chain and reports its head', async () => {
    await newTenantWithChain('intact');
    const result = await verify('intact');
    const [head] = (await su.query(`select seq::text as seq, hash from audit_heads where tenant_id = 'intact'`)).rows;
    expect(result).toEqual({ ok: true, tenantId: 'intact', records: 6, headSeq: '6', headHash: head.hash });
  });

  it('walks the chain in numeric seq order (seq 10 after seq 9, not after seq 1)', async () => {
    await newTenantWithChain('long', 23);
    expect(await verify('long')).toMatchObject({ ok: true, records: 23, headSeq: '23' });
    await su.query(`delete from audit_log where tenant_id = 'long' and seq = 12`);
    expect(await verify('long')).toMatchObject({ ok: false, records: 11, broken: { seq: '12', kind: 'missing' } });
  });

  it('passes a tenant with no records', async () => {
    await su.query(`insert into tenants (id, name_zh, name_en, division_code) values ('empty', '空', 'Empty', '110000')`);
    expect(await verify('empty')).toMatchObject({ ok: true, records: 0, headSeq: '0' });
  });

  it('works through a TypeORM EntityManager as well as a pg client', async () => {
    await newTenantWithChain('via-manager', 3);
    const result = await dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('app.tenant_id', 'via-manager', true)`);
      return verifyAuditChain(manager, 'via-manager');
    });
    expect(result).toMatchObject({ ok: true, records: 3, headSeq: '3' });
  });

  it('names an edited record', async () => {
    await newTenantWithChain('edited');
    await su.query(`update audit_log set reason = 'quietly changed' where tenant_id = 'edited' and seq = 3`);
    expect(await verify('edited')).toMatchObject({ ok: false, records: 2, broken: { seq: '3', kind: 'edited' } });
  });

  it('names an edit inside the JSON data', async () => {
    await newTenantWithChain('edited-data');
    await su.query(`update audit_log set data = jsonb_set(data, '{index}', '99') where tenant_id = 'edited-data' and seq = 5`);
    expect(await verify('edited-data')).toMatchObject({ ok: false, broken: { seq: '5', kind: 'edited' } });
  });

  it('names a deleted record in the middle of the chain', async () => {
    await newTenantWithChain('deleted');
    await su.query(`delete from audit_log where tenant_id = 'deleted' and seq = 4`);
    const result = await verify('deleted');
    expect(result).toMatchObject({ ok: false, records: 3, broken: { seq: '4', kind: 'missing' } });
    if (!result.ok) expect(result.broken.message).toMatch(/seq 4 missing \(deleted\)/);
  });

  it('names deleted first records', async () => {
    await newTenantWithChain('deleted-head', 4);
    await su.query(`delete from audit_log where tenant_id = 'deleted-head' and seq in (1, 2)`);
    const result = await verify('deleted-head');
    expect(result).toMatchObject({ ok: false, records: 0, broken: { seq: '1', kind: 'missing' } });
    if (!result.ok) expect(result.broken.message).toBe('seqs 1..2 missing (deleted): the chain starts at seq 3');
  });

  it('names a deleted last record by the head', async () => {
    await newTenantWithChain('deleted-tail');
    await su.query(`delete from audit_log where tenant_id = 'deleted-tail' and seq = 6`);
    expect(await verify('deleted-tail')).toMatchObject({ ok: false, records: 5, broken: { seq: '6', kind: 'missing' } });
  });

  it('names two swapped records as out of order at the first of them', async () => {
    await newTenantWithChain('swapped');
    await su.query('begin');
    await su.query(`update audit_log set seq = 1000 where tenant_id = 'swapped' and seq = 2`);
    await su.query(`update audit_log set seq = 2 where tenant_id = 'swapped' and seq = 5`);
    await su.query(`update audit_log set seq = 5 where tenant_id = 'swapped' and seq = 1000`);
    await su.query('commit');
    const result = await verify('swapped');
    expect(result).toMatchObject({ ok: false, records: 1, broken: { seq: '2', kind: 'out_of_order' } });
    if (!result.ok) expect(result.broken.message).toBe('seq 2 holds the record written as seq 5 (records swapped or renumbered)');
  });

  it('names the next link when a record was rewritten with a recomputed hash', async () => {
    await newTenantWithChain('rehashed');
    const { auditHash } = await import('@subsidy/audit');
    const [row] = (
      await su.query(
        `select tenant_id as "tenantId", seq::text as seq,
                to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "occurredAt",
                actor_kind as "actorKind", actor_id as "actorId", actor_role as "actorRole", action,
                entity_type as "entityType", entity_id as "entityId", reason, data, prev_hash as "prevHash"
           from audit_log where tenant_id = 'rehashed' and seq = 3`,
      )
    ).rows;
    const forged = { ...row, reason: 'forged' };
    await su.query(`update audit_log set reason = 'forged', hash = $1 where tenant_id = 'rehashed' and seq = 3`, [auditHash(forged)]);
    expect(await verify('rehashed')).toMatchObject({ ok: false, records: 3, broken: { seq: '4', kind: 'link_broken' } });
  });

  it('names a head that no longer matches the last record', async () => {
    await newTenantWithChain('bad-head', 2);
    await su.query(`update audit_heads set hash = repeat('a', 64) where tenant_id = 'bad-head'`);
    expect(await verify('bad-head')).toMatchObject({ ok: false, broken: { seq: '2', kind: 'head_mismatch' } });
  });

  it('runs as the audit:verify command: exit 0 with a summary, exit 1 naming the first broken link', () => {
    const env = { ...process.env, DATABASE_NAME: db.name, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    // The first call goes through scripts/built.js exactly as `npm run audit:verify` does (building dist/ if stale);
    // the rest run the same compiled file directly, so sources edited meanwhile cannot trigger a rebuild mid-test.
    const viaScript = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'built.js'), 'apps/cli/src/audit-verify', ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist', 'apps', 'cli', 'src', 'audit-verify.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });

    const intact = viaScript('--tenant', 'intact');
    if (intact.status !== 0) throw new Error(`audit:verify --tenant intact exited ${intact.status}: ${intact.stderr}`);
    expect({ status: intact.status, stdout: intact.stdout.trim() }).toEqual({
      status: 0,
      stdout: 'Audit chains intact: 1 tenant(s), 6 record(s) verified',
    });

    const broken = run('--tenant', 'swapped');
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim()).toBe(
      'tenant swapped: audit chain broken at seq 2 (out_of_order): seq 2 holds the record written as seq 5 (records swapped or renumbered)',
    );

    const all = run();
    expect(all.status).toBe(1);
    expect(all.stderr).toMatch(/^tenant deleted: audit chain broken at seq 4 \(missing\)/m);
    expect(all.stderr).not.toMatch(/tenant intact:/);

    const unknown = run('--tenant', 'nowhere');
    expect({ status: unknown.status, stderr: unknown.stderr.trim() }).toEqual({ status: 1, stderr: 'Unknown tenant: nowhere' });
  }, 240_000);
});
