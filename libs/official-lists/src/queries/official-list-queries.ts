import { Injectable } from '@nestjs/common';
import { PageQuery, Paged, pageWindow, SortSpec } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ListKind } from '../kinds';
import { OfficialListNotFoundError } from '../official-list-errors';
import { ListCounts, ListRowView, OfficialListView, ReviewRowView, ROW_COLUMNS, RowStatus } from './list-views';

export const LIST_SORT = new SortSpec({ createdAt: 'l.created_at', listDate: 'l.list_date', title: 'l.title' }, 'l.created_at desc', 'l.id');
export const ROW_SORT = new SortSpec({ rowNumber: 'r.row_number', partyName: 'r.party_name', status: 'r.status' }, 'r.row_number, r.party_rank nulls first', 'r.id');

const LIST_COLUMNS = `l.id, l.kind, l.title, l.source_ref as "sourceRef", to_char(l.list_date, 'YYYY-MM-DD') as "listDate", l.file_name as "fileName",
  l.file_format as "fileFormat", l.file_sha256 as sha256, l.status, l.header_row as "headerRow", l.mapping, l.items_total as "itemsTotal",
  l.next_item as "itemsDone", l.rows_read as "rowsRead", l.failure, l.created_by as "createdBy",
  to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(l.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "completedAt"`;

type ListRow = Omit<OfficialListView, 'counts'> & { rowsRead: number };

/** Imports, their progress and counts, their rows and the officer's review queue; reads only. */
@Injectable()
export class OfficialListQueries {
  constructor(private readonly transactions: TenantTransactions) {}

  list(query: PageQuery & { sort?: string; kind?: ListKind }): Promise<Paged<OfficialListView>> {
    const { limit, offset } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const where = query.kind ? `where l.kind = $1` : '';
      const params = query.kind ? [query.kind] : [];
      const rows = (await manager.query(`select ${LIST_COLUMNS} from official_lists l ${where} order by ${LIST_SORT.orderBy(query.sort)} limit ${limit} offset ${offset}`, params)) as ListRow[];
      const [{ total }] = (await manager.query(`select count(*)::int as total from official_lists l ${where}`, params)) as Array<{ total: number }>;
      const counts = await this.countsOf(manager, rows.map((r) => r.id));
      return { rows: rows.map((r) => view(r, counts.get(r.id))), total };
    });
  }

  get(id: string): Promise<OfficialListView> {
    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(`select ${LIST_COLUMNS} from official_lists l where l.id = $1`, [id])) as ListRow[];
      if (!row) throw new OfficialListNotFoundError();
      return view(row, (await this.countsOf(manager, [id])).get(id));
    });
  }

  rows(listId: string, query: PageQuery & { sort?: string; status?: RowStatus }): Promise<Paged<ListRowView>> {
    const { limit, offset } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const [exists] = (await manager.query(`select 1 from official_lists where id = $1`, [listId])) as unknown[];
      if (!exists) throw new OfficialListNotFoundError();
      const params: unknown[] = [listId];
      let where = 'where r.list_id = $1';
      if (query.status) {
        params.push(query.status);
        where += ` and r.status = $2`;
      }
      const rows = (await manager.query(
        `select ${ROW_COLUMNS} from official_list_rows r left join organizations o on o.id = r.organization_id ${where} order by ${ROW_SORT.orderBy(query.sort)} limit ${limit} offset ${offset}`,
        params,
      )) as ListRowView[];
      const [{ total }] = (await manager.query(`select count(*)::int as total from official_list_rows r ${where}`, params)) as Array<{ total: number }>;
      return { rows, total };
    });
  }

  /** Every entry waiting for an officer, oldest list first, each with its candidates and why they are candidates. */
  reviewQueue(query: PageQuery): Promise<Paged<ReviewRowView>> {
    const { limit, offset } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const rows = (await manager.query(
        `select ${ROW_COLUMNS}, l.title as "listTitle", l.kind as "listKind" from official_list_rows r
           join official_lists l on l.id = r.list_id left join organizations o on o.id = r.organization_id
          where r.status = 'review' order by l.created_at, r.row_number, r.party_rank nulls first, r.id limit ${limit} offset ${offset}`,
      )) as ReviewRowView[];
      const [{ total }] = (await manager.query(`select count(*)::int as total from official_list_rows where status = 'review'`)) as Array<{ total: number }>;
      return { rows, total };
    });
  }

  private async countsOf(manager: EntityManager, ids: string[]): Promise<Map<string, Omit<ListCounts, 'rowsRead'>>> {
    const out = new Map<string, Omit<ListCounts, 'rowsRead'>>();
    if (ids.length === 0) return out;
    const rows = (await manager.query(`select list_id, status, count(*)::int as n from official_list_rows where list_id = any($1) group by list_id, status`, [ids])) as Array<{ list_id: string; status: RowStatus; n: number }>;
    for (const id of ids) out.set(id, { items: 0, matched: 0, review: 0, unregistered: 0, rejected: 0, dismissed: 0 });
    for (const row of rows) {
      const counts = out.get(row.list_id)!;
      counts[row.status] = row.n;
      counts.items += row.n;
    }
    return out;
  }
}

function view(row: ListRow, counts: Omit<ListCounts, 'rowsRead'> | undefined): OfficialListView {
  const { rowsRead, ...rest } = row;
  return { ...rest, counts: { rowsRead, ...(counts ?? { items: 0, matched: 0, review: 0, unregistered: 0, rejected: 0, dismissed: 0 }) } };
}
