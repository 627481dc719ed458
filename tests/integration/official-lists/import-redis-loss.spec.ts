import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AuditModule } from '@subsidy/audit';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { OFFICIAL_LIST_CHUNK_SIZE, OfficialListJobsModule, officialListStorageProvider, StartImport } from '@subsidy/official-lists';
import { WorkerModule } from '@subsidy/queue';
import { RequestContextStore } from '@subsidy/tenancy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createOrganization, createTenant, makeUscc } from '../../support/factories';
import { waitFor } from '../../support/polling';
import { deleteRedisKeys } from '../../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const CHUNK = 10;
const MATCHED = 90;
const NEAR = 30;
const UNREGISTERED = 170;
const BAD = 10;
const ITEMS = MATCHED + NEAR + UNREGISTERED + BAD;

/** StartImport without the HTTP layer (its controller module pulls in authentication). */
@Module({ providers: [officialListStorageProvider, StartImport] })
class ImportStarterModule {}

function worker(config: AppConfig): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, WorkerModule.forRoot({ relay: { recheckMs: 300 }, queues: ['lists'] }), OfficialListJobsModule, ImportStarterModule],
  })
    .overrideProvider(OFFICIAL_LIST_CHUNK_SIZE)
    .useValue(CHUNK)
    .compile();
}

/** A leader list: registered names, near misses (legal form differs), enterprises not here, rows without a standard number. */
function listCsv(): Buffer {
  const lines = ['产品类别,序号,企业名称,企业标准编号,标准名称,评估机构'];
  let seq = 0;
  const row = (category: string, name: string, code: string) => lines.push(`${category},${(seq += 1)},${name},${code},名称${seq},机构`);
  for (let i = 0; i < MATCHED; i += 1) row(i % 10 === 0 ? '面粉' : '', `郑州登记企业${i}有限公司`, `Q/M ${i}-2022`);
  for (let i = 0; i < NEAR; i += 1) row('', `郑州相近企业${i}有限公司`, `Q/N ${i}-2022`);
  for (let i = 0; i < UNREGISTERED; i += 1) row('', `外地企业${i}股份有限公司`, `Q/U ${i}-2022`);
  for (let i = 0; i < BAD; i += 1) row('', `缺编号企业${i}有限公司`, '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

describe('an official-list import losing Redis half way', () => {
  let db: TestDatabase;
  let su: Client;
  let config: AppConfig;
  let storageDir: string;
  let tenantId: string;
  let running: TestingModule | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    storageDir = mkdtempSync(join(tmpdir(), 'official-lists-'));
    config = { ...db.config, outbox: { pollMs: 50 }, storage: { dir: storageDir } };
    const tenant = await createTenant(db, { divisionCode: '410100', districts: [{ code: '410102' }] });
    tenantId = tenant.id;
    for (let i = 0; i < MATCHED; i += 1) await createOrganization(db, { tenantId, districtCode: '410102', uscc: makeUscc({ division: '410102' }), name: `郑州登记企业${i}有限公司` });
    for (let i = 0; i < NEAR; i += 1) await createOrganization(db, { tenantId, districtCode: '410102', name: `郑州相近企业${i}有限责任公司` });
  });

  afterAll(async () => {
    await running?.close();
    await deleteRedisKeys(config);
    await su.end();
    await db.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('stores every entry exactly once, continuing from the checkpoint after the keys are gone', async () => {
    running = await worker(config);
    await running.init();
    const start = () =>
      RequestContextStore.run({ tenantId, actor: { kind: 'user', id: 'officer-1', role: 'program_officer' } }, () =>
        running!.get(StartImport).execute({ actor: { kind: 'user', id: 'officer-1' }, kind: 'leader_list', title: '测试名单', sourceRef: '测试〔2022〕1号', listDate: '2022-10-12', fileName: 'list.csv', bytes: listCsv() }),
      );
    const { id, created } = await start();
    expect(created).toBe(true);
    const progress = async () => (await su.query<{ next_item: number; status: string }>(`select next_item, status from official_lists where id = $1`, [id])).rows[0];

    // Part way: every Redis key goes while the worker runs, then the worker stops and the keys go again.
    await waitFor('a few chunks committed', async () => (await progress()).next_item >= 3 * CHUNK, 30_000);
    await deleteRedisKeys(config);
    await running.close();
    running = undefined;
    expect(await deleteRedisKeys(config)).toBeGreaterThanOrEqual(0);
    const midway = await progress();
    expect(midway.status).toBe('importing');
    expect(midway.next_item).toBeLessThan(ITEMS);
    expect(midway.next_item % CHUNK).toBe(0);
    // A stale copy of the first chunk's job (as a re-queue from before the loss would be) must change nothing.
    await su.query(`insert into outbox (tenant_id, queue, job_name, payload) values ($1, 'lists', 'official-list.import-chunk', $2)`, [tenantId, JSON.stringify({ tenantId, listId: id, fromItem: 0 })]);

    running = await worker(config);
    await running.init();
    await waitFor('the import to complete', async () => (await progress()).status === 'completed', 60_000);
    await waitFor('every lists job done', async () => (await su.query(`select 1 from outbox where queue = 'lists' and completed_at is null`)).rowCount === 0, 30_000);

    const counts = Object.fromEntries(
      (await su.query<{ status: string; n: number }>(`select status, count(*)::int as n from official_list_rows where list_id = $1 group by status`, [id])).rows.map((r) => [r.status, r.n]),
    );
    expect(counts).toEqual({ matched: MATCHED, review: NEAR, unregistered: UNREGISTERED, rejected: BAD });
    const distinct = await su.query<{ rows: number; places: number }>(`select count(*)::int as rows, count(distinct (row_number, party_rank))::int as places from official_list_rows where list_id = $1`, [id]);
    expect(distinct.rows[0]).toEqual({ rows: ITEMS, places: ITEMS });
    // Each chunk took effect once: one audit record per chunk, their ranges tiling the list.
    const chunks = (await su.query<{ from_item: number; items: number; inserted: number }>(
      `select (data->>'fromItem')::int as from_item, (data->>'items')::int as items, (data->>'inserted')::int as inserted from audit_log
        where tenant_id = $1 and action in ('official-list.chunk-imported', 'official-list.imported') order by 1`,
      [tenantId],
    )).rows;
    expect(chunks.map((c) => c.from_item)).toEqual(Array.from({ length: Math.ceil(ITEMS / CHUNK) }, (_, i) => i * CHUNK));
    expect(chunks.reduce((sum, c) => sum + c.inserted, 0)).toBe(ITEMS);

    // The same file again: the same import, nothing new.
    expect(await start()).toEqual({ id, created: false });
    expect((await su.query(`select count(*)::int as n from official_lists`)).rows[0].n).toBe(1);
    expect((await su.query(`select count(*)::int as n from official_list_rows`)).rows[0].n).toBe(ITEMS);
  }, 120_000);
});
