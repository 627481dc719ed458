import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ProgramRecord, ProgramStatus, ProgramStore } from '../core';
import { ProgramInput } from './program-input';

export interface FundingSourceRecord {
  source: string;
  amountFen: string;
}

/** Writes to programs and their funding sources inside the caller's tenant transaction. */
export const ProgramRows = {
  async insert(manager: EntityManager, tenantId: string, createdBy: string, policyHash: string, input: ProgramInput, now: Date): Promise<ProgramRecord> {
    const [row] = await queryRows<ProgramRecord>(
      manager,
      `insert into programs (tenant_id, year, title, policy_id, policy_hash, status, window_kind, opens_at, closes_at, call, review,
                             budget_total_fen, budget_rule, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       returning ${ProgramStore.COLUMNS}`,
      [
        tenantId,
        input.year,
        input.title,
        input.policyId,
        policyHash,
        input.window.kind,
        input.window.opensAt,
        input.window.closesAt,
        JSON.stringify(input.call),
        JSON.stringify(input.review),
        input.budget.totalFen.toString(),
        input.budget.rule,
        createdBy,
        now,
      ],
    );
    await ProgramRows.replaceSources(manager, tenantId, row.id, input);
    return row;
  },

  /** Replaces every configurable field of a (locked) draft and bumps its version. */
  async replace(manager: EntityManager, program: ProgramRecord, policyHash: string, input: ProgramInput, now: Date): Promise<ProgramRecord> {
    const [row] = await queryRows<ProgramRecord>(
      manager,
      `update programs
          set year = $2, title = $3, policy_id = $4, policy_hash = $5, window_kind = $6, opens_at = $7, closes_at = $8,
              call = $9, review = $10, budget_total_fen = $11, budget_rule = $12, updated_at = $13, version = version + 1
        where id = $1
        returning ${ProgramStore.COLUMNS}`,
      [
        program.id,
        input.year,
        input.title,
        input.policyId,
        policyHash,
        input.window.kind,
        input.window.opensAt,
        input.window.closesAt,
        JSON.stringify(input.call),
        JSON.stringify(input.review),
        input.budget.totalFen.toString(),
        input.budget.rule,
        now,
      ],
    );
    await ProgramRows.replaceSources(manager, program.tenantId, program.id, input);
    return row;
  },

  async replaceSources(manager: EntityManager, tenantId: string, programId: string, input: ProgramInput): Promise<void> {
    await manager.query(`delete from program_funding_sources where program_id = $1`, [programId]);
    for (const source of input.budget.sources) {
      await manager.query(`insert into program_funding_sources (tenant_id, program_id, source, amount_fen) values ($1, $2, $3, $4)`, [
        tenantId,
        programId,
        source.source,
        source.amountFen.toString(),
      ]);
    }
  },

  /**
   * Moves a locked program to `to`, stamping `stampColumn` (opened_at, closed_at) when given. The version check makes a
   * move based on a stale read fail instead of overwriting.
   */
  async setStatus(
    manager: EntityManager,
    program: ProgramRecord,
    to: ProgramStatus,
    now: Date,
    stampColumn?: 'opened_at' | 'closed_at',
  ): Promise<ProgramRecord | undefined> {
    const stamp = stampColumn ? `, ${stampColumn} = $3` : '';
    const [row] = await queryRows<ProgramRecord>(
      manager,
      `update programs set status = $2, updated_at = $3, version = version + 1${stamp}
        where id = $1 and version = $4
        returning ${ProgramStore.COLUMNS}`,
      [program.id, to, now, program.version],
    );
    return row;
  },

  async sources(manager: EntityManager, programIds: string[]): Promise<Map<string, FundingSourceRecord[]>> {
    const rows = (await manager.query(
      `select program_id as "programId", source, amount_fen::text as "amountFen"
         from program_funding_sources where program_id = any($1::uuid[]) order by program_id, source`,
      [programIds],
    )) as Array<FundingSourceRecord & { programId: string }>;
    const byProgram = new Map<string, FundingSourceRecord[]>();
    for (const row of rows) {
      const list = byProgram.get(row.programId) ?? [];
      list.push({ source: row.source, amountFen: row.amountFen });
      byProgram.set(row.programId, list);
    }
    return byProgram;
  },

  async list(manager: EntityManager, statuses: readonly ProgramStatus[] | null): Promise<ProgramRecord[]> {
    return (await manager.query(
      `select ${ProgramStore.COLUMNS} from programs where ($1::text[] is null or status = any($1::text[])) order by year desc, opens_at desc, id`,
      [statuses],
    )) as ProgramRecord[];
  },

  /** One page of the programs with these statuses (null: all) matching the filters, and the count of all that match. */
  async page(
    manager: EntityManager,
    statuses: readonly ProgramStatus[] | null,
    filter: { status?: ProgramStatus; year?: number; q?: string; orderBy: string; limit: number; offset: number },
  ): Promise<{ rows: ProgramRecord[]; total: number }> {
    const where = `from programs where ($1::text[] is null or status = any($1::text[])) and ($2::text is null or status = $2)
      and ($3::int is null or year = $3) and ($4::text is null or strpos(lower(title), lower($4)) > 0)`;
    const params = [statuses, filter.status ?? null, filter.year ?? null, filter.q ?? null];
    const rows = (await manager.query(`select ${ProgramStore.COLUMNS} ${where} order by ${filter.orderBy} limit $5 offset $6`, [
      ...params,
      filter.limit,
      filter.offset,
    ])) as ProgramRecord[];
    const [count] = (await manager.query(`select count(*)::int as total ${where}`, params)) as Array<{ total: number }>;
    return { rows, total: count?.total ?? 0 };
  },
};
