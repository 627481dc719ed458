import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { EvidenceStorage, newEvidenceKey } from '@subsidy/storage';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { createHash } from 'node:crypto';
import { ListKind } from '../kinds';
import { ListUnreadableError } from '../official-list-errors';
import { ParsedList } from '../parse/parse-list';
import { OFFICIAL_LIST_STORAGE } from './list-storage.provider';
import { readList } from './read-list';

export interface StartImportCommand {
  actor: Actor;
  kind: ListKind;
  title: string;
  sourceRef: string;
  listDate: string;
  fileName: string;
  bytes: Buffer;
}

export interface StartedImport {
  id: string;
  /** False when this file had been imported as this kind already: the earlier import is returned, nothing new made. */
  created: boolean;
}

/** Refuses a file that is not a readable list of the kind, naming what is wrong, before anything is stored. */
export function assertReadable(format: string | null, parsed: ParsedList | null): asserts parsed is ParsedList {
  if (!parsed) {
    throw new ListUnreadableError({ zh: '文件无法读取：请上传 xlsx 或 csv（UTF-8 或 GB18030）文件', en: 'The file is not a readable xlsx or csv list' }, [
      { path: 'file', message: format ? `the ${format} file could not be read` : 'not an xlsx or csv file', messageZh: '文件格式不正确或已损坏' },
    ]);
  }
  if (parsed.problems.length > 0) {
    throw new ListUnreadableError({ zh: parsed.problems.map((p) => p.zh).join('；'), en: parsed.problems.map((p) => p.en).join('; ') }, parsed.problems.map((p) => ({ path: 'file', message: p.en, messageZh: p.zh })));
  }
}

/**
 * Starts importing an official list: the file is checked (its header must have the kind's required columns), stored,
 * and recorded with the import's first chunk job in one transaction. The same file (by SHA-256) imported again as the
 * same kind returns the first import and stores nothing.
 */
@Injectable()
export class StartImport {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    @Inject(OFFICIAL_LIST_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async execute(command: StartImportCommand): Promise<StartedImport> {
    const tenantId = RequestContextStore.requireTenantId();
    const sha256 = createHash('sha256').update(command.bytes).digest('hex');
    const existing = await this.transactions.run((manager) => manager.query(`select id from official_lists where kind = $1 and file_sha256 = $2`, [command.kind, sha256]) as Promise<Array<{ id: string }>>);
    if (existing.length > 0) return { id: existing[0].id, created: false };
    const { format, parsed } = await readList(command.kind, command.fileName, command.bytes);
    assertReadable(format, parsed);
    const key = newEvidenceKey();
    await this.storage.put(tenantId, key, command.bytes);
    const started = await this.transactions.run(async (manager) => {
      const inserted = (await manager.query(
        `insert into official_lists (tenant_id, kind, title, source_ref, list_date, file_name, file_format, file_sha256, file_size, storage_key, status, header_row, mapping, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'importing', $11, $12, $13)
         on conflict (tenant_id, kind, file_sha256) do nothing returning id`,
        [tenantId, command.kind, command.title, command.sourceRef, command.listDate, command.fileName.slice(0, 255), format, sha256, command.bytes.length, key, parsed.headerRow, JSON.stringify(parsed.mapping), command.actor.id],
      )) as Array<{ id: string }>;
      if (inserted.length === 0) {
        // The same file arrived twice at once; the first insert won.
        const [winner] = (await manager.query(`select id from official_lists where kind = $1 and file_sha256 = $2`, [command.kind, sha256])) as Array<{ id: string }>;
        return { id: winner.id, created: false };
      }
      const id = inserted[0].id;
      await this.audit.record(manager, {
        action: 'official-list.import-started',
        entityType: 'official_list',
        entityId: id,
        data: { kind: command.kind, title: command.title, sourceRef: command.sourceRef, listDate: command.listDate, fileName: command.fileName, sha256, sizeBytes: command.bytes.length, rowsRead: parsed.rowsRead, entries: parsed.entries.length, rejected: parsed.rejected.length },
      });
      await this.outbox.enqueue(manager, 'lists', 'official-list.import-chunk', { tenantId, listId: id, fromItem: 0 }, { dedupeKey: `official-list:${id}:0` });
      return { id, created: true };
    });
    if (!started.created) await this.storage.delete(tenantId, key);
    return started;
  }
}
