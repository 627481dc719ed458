import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/** An evidence file as the API shows it (no storage key: keys never leave the server). */
export interface EvidenceView {
  id: string;
  applicationId: string;
  achievementId: string | null;
  material: string | null;
  mime: string;
  sizeBytes: number;
  sha256: string;
  originalName: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface EvidenceRecord extends EvidenceView {
  storageKey: string;
}

interface EvidenceRow extends Omit<EvidenceRecord, 'uploadedAt'> {
  uploadedAt: Date;
}

const COLUMNS = `id, application_id as "applicationId", achievement_id as "achievementId", material, storage_key as "storageKey",
  sha256, mime, size_bytes as "sizeBytes", original_name as "originalName", uploaded_by as "uploadedBy", uploaded_at as "uploadedAt"`;

const toRecord = (row: EvidenceRow): EvidenceRecord => ({ ...row, uploadedAt: row.uploadedAt.toISOString() });

export function viewOf(record: EvidenceRecord): EvidenceView {
  const { storageKey: _key, ...view } = record;
  return view;
}

/** Rows of evidence_files inside a tenant transaction (row-level security hides other tenants' files). */
export const EvidenceFiles = {
  async insert(
    manager: EntityManager,
    row: Omit<EvidenceRecord, 'id' | 'uploadedAt'> & { tenantId: string; uploadedAt: Date },
  ): Promise<EvidenceRecord> {
    const [inserted] = await queryRows<EvidenceRow>(
      manager,
      `insert into evidence_files (tenant_id, application_id, achievement_id, material, storage_key, sha256, mime, size_bytes, original_name, uploaded_by, uploaded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COLUMNS}`,
      [row.tenantId, row.applicationId, row.achievementId, row.material, row.storageKey, row.sha256, row.mime, row.sizeBytes, row.originalName, row.uploadedBy, row.uploadedAt],
    );
    return toRecord(inserted);
  },

  async find(manager: EntityManager, id: string): Promise<EvidenceRecord | undefined> {
    const rows = await queryRows<EvidenceRow>(manager, `select ${COLUMNS} from evidence_files where id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  },

  async list(manager: EntityManager, applicationId: string): Promise<EvidenceView[]> {
    const rows = await queryRows<EvidenceRow>(manager, `select ${COLUMNS} from evidence_files where application_id = $1 order by uploaded_at, id`, [applicationId]);
    return rows.map((row) => viewOf(toRecord(row)));
  },

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`delete from evidence_files where id = $1`, [id]);
  },
};
