import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ProgramRecord, ProgramStatus, ProgramStore, ReviewSettings } from '../../core';

/**
 * Writes of a running call, each on a locked program and guarded by its version (a move based on a stale read
 * returns undefined instead of overwriting). Every write bumps the version, which keys the jobs queued for it.
 */
export const RunningCallRows = {
  /**
   * New window instants, and optionally a new status with one stamp column set (close early: closed_at = now) or
   * cleared (reopen: closed_at = null, the next closing stamps it again).
   */
  async moveWindow(
    manager: EntityManager,
    program: ProgramRecord,
    window: { opensAt: Date; closesAt: Date },
    now: Date,
    status?: { to: ProgramStatus; stamp: 'closed_at'; value: Date | null },
  ): Promise<ProgramRecord | undefined> {
    const change = status ? `, status = $6, ${status.stamp} = $7` : '';
    const [row] = await queryRows<ProgramRecord>(
      manager,
      `update programs set opens_at = $2, closes_at = $3, updated_at = $4, version = version + 1${change}
        where id = $1 and version = $5
        returning ${ProgramStore.COLUMNS}`,
      [program.id, window.opensAt, window.closesAt, now, program.version, ...(status ? [status.to, status.value] : [])],
    );
    return row;
  },

  async replaceReview(manager: EntityManager, program: ProgramRecord, review: ReviewSettings, now: Date): Promise<ProgramRecord | undefined> {
    const [row] = await queryRows<ProgramRecord>(
      manager,
      `update programs set review = $2, updated_at = $3, version = version + 1
        where id = $1 and version = $4
        returning ${ProgramStore.COLUMNS}`,
      [program.id, JSON.stringify(review), now, program.version],
    );
    return row;
  },
};
