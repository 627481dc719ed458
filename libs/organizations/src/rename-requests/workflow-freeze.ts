import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/**
 * Application statuses in which an organization's name is not in the workflow: a draft (nothing submitted yet) and
 * the workflow's terminal statuses (libs/workflow/src/core/application-status.ts TERMINAL_STATUSES: handed over to
 * finance, rejected, lapsed, withdrawn). Kept here because this library sits below the workflow; a unit test holds the
 * two lists together. After hand-over, finance pays what the decision fixed (decision snapshots), so a rename no
 * longer reaches any list.
 */
export const OUTSIDE_WORKFLOW_STATUSES = ['draft', 'handed_over', 'rejected', 'lapsed', 'withdrawn'] as const;

/** The organization's applications between submission and a terminal status: while any exists, renames wait for an officer. */
export async function applicationsInWorkflow(manager: EntityManager, organizationId: string): Promise<Array<{ id: string; status: string }>> {
  return queryRows<{ id: string; status: string }>(
    manager,
    `select id, status from applications where organization_id = $1 and status <> all($2::text[]) order by created_at, id`,
    [organizationId, OUTSIDE_WORKFLOW_STATUSES],
  );
}
