import { queryRows } from '@subsidy/database';
import { AllocationApprovalReference, readAllocationApproval } from '@subsidy/finance';

export type { AllocationApprovalReference };
import { EntityManager } from 'typeorm';

/** A recorded approval of a program's allocation, as stored; money in integer fen. */
export interface AllocationApprovalRecord {
  programId: string;
  approvedBy: string;
  documentNo: string;
  /** CST calendar date YYYY-MM-DD. */
  approvedOn: string;
  approvedTotalFen: number;
  applicationIds: string[];
  article: string;
  source: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

interface Row {
  programId: string;
  approvedBy: string;
  documentNo: string;
  approvedOn: string;
  approvedTotalFen: string;
  applicationIds: string[];
  article: string;
  source: string;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export function toReference(record: AllocationApprovalRecord): AllocationApprovalReference {
  const { approvedBy, documentNo, approvedOn, approvedTotalFen, article, source } = record;
  return { approvedBy, documentNo, approvedOn, approvedTotalFen, article, source };
}

/** Row access inside a tenant transaction (row-level security supplies the tenant). Insert-only: an approval is a fact. */
export const AllocationApprovalStore = {
  async find(manager: EntityManager, programId: string): Promise<AllocationApprovalRecord | undefined> {
    const [row] = await queryRows<Row>(
      manager,
      `select program_id as "programId", approved_by as "approvedBy", document_no as "documentNo",
              to_char(approved_on, 'YYYY-MM-DD') as "approvedOn", approved_total_fen::text as "approvedTotalFen",
              application_ids::text[] as "applicationIds", article, source, note, recorded_by as "recordedBy", recorded_at as "recordedAt"
         from program_allocation_approvals where program_id = $1`,
      [programId],
    );
    if (!row) return undefined;
    return { ...row, approvedTotalFen: Number(row.approvedTotalFen), recordedAt: row.recordedAt.toISOString() };
  },

  /** What authorises the payment, as finance reads it too (no internal fields). */
  reference(manager: EntityManager, programId: string): Promise<AllocationApprovalReference | null> {
    return readAllocationApproval(manager, programId);
  },

  async insert(manager: EntityManager, tenantId: string, record: Omit<AllocationApprovalRecord, 'recordedAt'> & { recordedAt: Date }): Promise<void> {
    await manager.query(
      `insert into program_allocation_approvals (tenant_id, program_id, approved_by, document_no, approved_on, approved_total_fen, application_ids,
                                                 article, source, note, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10, $11, $12)`,
      [
        tenantId,
        record.programId,
        record.approvedBy,
        record.documentNo,
        record.approvedOn,
        record.approvedTotalFen,
        record.applicationIds,
        record.article,
        record.source,
        record.note,
        record.recordedBy,
        record.recordedAt,
      ],
    );
  },
};
