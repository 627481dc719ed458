import { ApplicantKind } from '@subsidy/policy';
import { EntityManager } from 'typeorm';

/** Who applied, as the award policy needs it; frozen into the application at submission. */
export interface ApplicantSnapshot {
  organizationId: string;
  uscc: string;
  name: string;
  kind: ApplicantKind;
  districtCode: string;
  /** The district's Chinese name, as the policy texts (and so the policies) name districts. */
  districtName: string;
}

/** The organization and its district as they are now. */
export async function currentApplicant(manager: EntityManager, organizationId: string): Promise<ApplicantSnapshot> {
  const rows = (await manager.query(
    `select o.id as "organizationId", o.uscc, o.name, o.kind, o.district_code as "districtCode", d.name_zh as "districtName"
       from organizations o join districts d on d.tenant_id = o.tenant_id and d.code = o.district_code
      where o.id = $1`,
    [organizationId],
  )) as ApplicantSnapshot[];
  if (!rows[0]) throw new Error(`organization ${organizationId} of an application does not exist`);
  return rows[0];
}

const SNAPSHOT_TEXT_FIELDS = ['organizationId', 'uscc', 'name', 'kind', 'districtCode', 'districtName'] as const;

/**
 * Who applied as the figures must see it: as frozen into the application at submission (`applicant_snapshot`) where it
 * says so, else as the organization reads now (a draft, or a row written before snapshots existed). The snapshot wins
 * because review and decision judge what was declared, even if the organization has changed since.
 */
export async function applicantAsSubmitted(manager: EntityManager, application: { id: string; organizationId: string }): Promise<ApplicantSnapshot> {
  const [row] = (await manager.query(`select applicant_snapshot as snapshot from applications where id = $1`, [application.id])) as Array<{
    snapshot: Record<string, unknown> | null;
  }>;
  const snapshot = row?.snapshot ?? {};
  const declared: Partial<Record<(typeof SNAPSHOT_TEXT_FIELDS)[number], string>> = {};
  for (const field of SNAPSHOT_TEXT_FIELDS) {
    const value = snapshot[field];
    if (typeof value === 'string' && value !== '') declared[field] = value;
  }
  if (Object.keys(declared).length === SNAPSHOT_TEXT_FIELDS.length) return declared as ApplicantSnapshot;
  return { ...(await currentApplicant(manager, application.organizationId)), ...declared } as ApplicantSnapshot;
}
