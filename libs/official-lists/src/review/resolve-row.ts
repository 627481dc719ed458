import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { ListRowNotFoundError, ListRowNotOpenError, ResolutionOrganizationNotFoundError } from '../official-list-errors';
import { ListRowView, ROW_COLUMNS } from '../queries/list-views';

export type ResolveRowCommand = { rowId: string; reason: string } & ({ organizationId: string; reject?: undefined } | { organizationId?: undefined; reject: true });

/**
 * An officer decides an entry in review (or one still waiting for its enterprise): it names this organization (then
 * it is matched, by the officer), or none of ours (dismissed). Either way with a reason, audited, under the row lock
 * so two officers cannot both decide it.
 */
@Injectable()
export class ResolveRow {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(command: ResolveRowCommand, actorId: string): Promise<ListRowView> {
    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(`select id, status, party_name, list_id, candidates from official_list_rows where id = $1 for update`, [command.rowId])) as Array<{ id: string; status: string; party_name: string; list_id: string; candidates: Array<{ organizationId: string }> }>;
      if (!row) throw new ListRowNotFoundError();
      if (row.status !== 'review' && row.status !== 'unregistered') throw new ListRowNotOpenError(row.status);
      if (command.organizationId !== undefined) {
        const [organization] = (await manager.query(`select id, name from organizations where id = $1 and registration_status <> 'rejected'`, [command.organizationId])) as Array<{ id: string; name: string }>;
        if (!organization) throw new ResolutionOrganizationNotFoundError();
        await manager.query(
          `update official_list_rows set status = 'matched', organization_id = $2, match_method = 'officer', resolved_by = $3, resolution_note = $4, resolved_at = now(), updated_at = now() where id = $1`,
          [row.id, organization.id, actorId, command.reason],
        );
        await this.audit.record(manager, {
          action: 'official-list.row-matched-by-officer',
          entityType: 'official_list_row',
          entityId: row.id,
          reason: command.reason,
          data: { listId: row.list_id, from: row.status, partyName: row.party_name, organizationId: organization.id, organizationName: organization.name, wasCandidate: row.candidates.some((c) => c.organizationId === organization.id) },
        });
      } else {
        await manager.query(
          `update official_list_rows set status = 'dismissed', organization_id = null, match_method = null, resolved_by = $2, resolution_note = $3, resolved_at = now(), updated_at = now() where id = $1`,
          [row.id, actorId, command.reason],
        );
        await this.audit.record(manager, {
          action: 'official-list.row-dismissed',
          entityType: 'official_list_row',
          entityId: row.id,
          reason: command.reason,
          data: { listId: row.list_id, from: row.status, partyName: row.party_name },
        });
      }
      const [view] = (await manager.query(`select ${ROW_COLUMNS} from official_list_rows r left join organizations o on o.id = r.organization_id where r.id = $1`, [row.id])) as ListRowView[];
      return view;
    });
  }
}
