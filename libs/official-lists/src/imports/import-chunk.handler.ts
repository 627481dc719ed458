import { Inject, Optional } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { JobContext, JobHandler, OfficialListChunkPayload, Outbox, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ListKind } from '../kinds';
import { MatcherCache } from '../match/matcher-cache';
import { DEFAULT_CHUNK_SIZE, OFFICIAL_LIST_CHUNK_SIZE } from './list-storage.provider';
import { ParsedListCache } from './parsed-list-cache';
import { insertRows, rowRecord } from './row-records';

interface ListState {
  status: string;
  kind: ListKind;
  file_name: string;
  storage_key: string;
  next_item: number;
}

/**
 * One chunk of an import, in the job's one transaction: under the list's row lock, the items from the checkpoint are
 * matched and inserted, the checkpoint advances and the next chunk is queued (or the import completes). A chunk whose
 * `fromItem` is not the checkpoint any more (a stale copy re-queued after Redis lost its keys) does nothing; a chunk
 * delivered twice finds its outbox row completed. So however Redis fails, every item is stored exactly once.
 */
@JobHandler('lists', 'official-list.import-chunk')
export class ImportChunkHandler implements QueueJobHandler<'lists', 'official-list.import-chunk'> {
  constructor(
    private readonly cache: ParsedListCache,
    private readonly matchers: MatcherCache,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    @Optional() @Inject(OFFICIAL_LIST_CHUNK_SIZE) private readonly chunkSize: number = DEFAULT_CHUNK_SIZE,
  ) {}

  async handle(manager: EntityManager, payload: OfficialListChunkPayload, context: JobContext): Promise<void> {
    const [list] = (await manager.query(`select status, kind, file_name, storage_key, next_item from official_lists where id = $1 for update`, [payload.listId])) as ListState[];
    if (!list || list.status !== 'importing' || list.next_item !== payload.fromItem) return;
    const loaded = await this.cache.load(payload.tenantId, { id: payload.listId, kind: list.kind, fileName: list.file_name, storageKey: list.storage_key });
    if (!loaded.parsed || loaded.parsed.problems.length > 0) {
      // Checked when the import started; a stored file that no longer reads is a failure to show, not to retry.
      await manager.query(`update official_lists set status = 'failed', failure = $2, completed_at = now() where id = $1`, [payload.listId, '存储的文件无法再次读取 (the stored file could not be read again)']);
      await this.audit.record(manager, { action: 'official-list.import-failed', entityType: 'official_list', entityId: payload.listId, data: { outboxId: context.outboxId } });
      return;
    }
    const size = Math.max(1, this.chunkSize);
    const slice = loaded.items.slice(payload.fromItem, payload.fromItem + size);
    const matcher = await this.matchers.matcherFor(manager, payload.tenantId);
    const inserted = await insertRows(manager, payload.tenantId, payload.listId, slice.map((item) => rowRecord(item, matcher)));
    const next = payload.fromItem + slice.length;
    const done = next >= loaded.items.length;
    await manager.query(
      `update official_lists set next_item = $2, items_total = $3, rows_read = $4, status = $5, completed_at = case when $5 = 'completed' then now() else completed_at end where id = $1`,
      [payload.listId, next, loaded.items.length, loaded.parsed.rowsRead, done ? 'completed' : 'importing'],
    );
    await this.audit.record(manager, {
      action: done ? 'official-list.imported' : 'official-list.chunk-imported',
      entityType: 'official_list',
      entityId: payload.listId,
      data: { fromItem: payload.fromItem, items: slice.length, inserted, nextItem: next, itemsTotal: loaded.items.length, outboxId: context.outboxId },
    });
    if (done) {
      this.cache.forget(payload.tenantId, payload.listId);
      return;
    }
    await this.outbox.enqueue(manager, 'lists', 'official-list.import-chunk', { tenantId: payload.tenantId, listId: payload.listId, fromItem: next }, { dedupeKey: `official-list:${payload.listId}:${next}` });
  }
}
