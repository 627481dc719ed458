import { EntityManager } from 'typeorm';

export interface ApplicantIdentity {
  organizationId: string;
  uscc: string;
  name: string;
  kind: string;
  districtName: string | null;
}

interface Row {
  organizationId: string;
  snapshot: Record<string, unknown> | null;
  uscc: string;
  name: string;
  kind: string;
  districtName: string | null;
}

/**
 * Who applied, as declared on submission (`applicant_snapshot`) where it says so, else as the organization reads now.
 * The snapshot wins because the review must judge what was declared, even if the organization has changed since.
 */
export async function loadApplicantIdentity(manager: EntityManager, applicationId: string): Promise<ApplicantIdentity> {
  const [row] = (await manager.query(
    `select a.organization_id as "organizationId", a.applicant_snapshot as snapshot, o.uscc, o.name, o.kind, d.name_zh as "districtName"
       from applications a
       join organizations o on o.id = a.organization_id
       left join districts d on d.code = a.district_code
      where a.id = $1`,
    [applicationId],
  )) as Row[];
  const snapshot = row.snapshot ?? {};
  const text = (key: string, fallback: string): string => (typeof snapshot[key] === 'string' && snapshot[key] !== '' ? (snapshot[key] as string) : fallback);
  return {
    organizationId: row.organizationId,
    uscc: text('uscc', row.uscc),
    name: text('name', row.name),
    kind: text('kind', row.kind),
    districtName: row.districtName,
  };
}
