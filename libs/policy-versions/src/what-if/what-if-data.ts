import { queryRows } from '@subsidy/database';
import { Achievement, ApplicantKind, Sanction, SanctionKind } from '@subsidy/policy';
import { DecidedItemRow, decidedItemsOfOrganizations, ProgramNotFoundError, TenantLevel, tenantLevelOf } from '@subsidy/workflow';
import { EntityManager } from 'typeorm';

export interface WhatIfProgram {
  id: string;
  year: number;
  policyId: string;
  policyHash: string;
  budgetTotalFen: string;
}

export interface WhatIfApplicationRow {
  id: string;
  programId: string;
  organizationId: string;
  /** CST calendar date of the (last) submission: the application date the product prices at. */
  applicationDate: string;
  uscc: string;
  name: string;
  kind: ApplicantKind;
  districtName: string | null;
  /** In the order the applicant listed them. */
  achievements: Achievement[];
}

/** Everything a what-if reads, in a handful of set-based queries (never one round trip per application). */
export interface WhatIfData {
  programs: WhatIfProgram[];
  applications: WhatIfApplicationRow[];
  decided: Map<string, DecidedItemRow[]>;
  sanctions: Map<string, Sanction[]>;
  tenantLevel: TenantLevel;
}

/** Applications that pay nothing whatever the text says: never submitted, or withdrawn, lapsed or rejected. */
const LEFT_OUT = ['draft', 'withdrawn', 'lapsed', 'rejected'];

const PROGRAM_COLUMNS = `id, year, policy_id as "policyId", policy_hash as "policyHash", budget_total_fen::text as "budgetTotalFen"`;

function group<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(value(row));
    else map.set(key(row), [value(row)]);
  }
  return map;
}

/**
 * Reads, inside the caller's tenant transaction (row-level security keeps to the tenant), the applications of one
 * program or of every program of a year, with what the engine is normally told about each: the applicant as declared
 * at submission (the snapshot wins over the organization as it reads now, field by field, as applicantAsSubmitted
 * does), the achievements in the applicant's order, the organization's decided awards elsewhere and its sanctions.
 */
export async function readWhatIfData(manager: EntityManager, scope: { programId: string } | { year: number }): Promise<WhatIfData> {
  const programs =
    'programId' in scope
      ? await queryRows<WhatIfProgram>(manager, `select ${PROGRAM_COLUMNS} from programs where id = $1`, [scope.programId])
      : await queryRows<WhatIfProgram>(manager, `select ${PROGRAM_COLUMNS} from programs where year = $1 order by id`, [scope.year]);
  if ('programId' in scope && programs.length === 0) throw new ProgramNotFoundError();
  const [tenant] = await queryRows<{ divisionCode: string }>(manager, `select division_code as "divisionCode" from tenants where id = current_setting('app.tenant_id', true)`);
  const tenantLevel = tenantLevelOf(tenant?.divisionCode ?? '000000');
  if (programs.length === 0) return { programs, applications: [], decided: new Map(), sanctions: new Map(), tenantLevel };

  const field = (name: string) => `nullif(a.applicant_snapshot->>'${name}', '')`;
  // One row holding every application with its achievements as one JSON array: thousands of applications cost one
  // JSON parse in the driver instead of a row (and a parse) per achievement.
  const [{ applications }] = await queryRows<{ applications: WhatIfApplicationRow[] }>(
    manager,
    `select coalesce(json_agg(json_build_object(
              'id', a.id, 'programId', a.program_id, 'organizationId', a.organization_id,
              'applicationDate', to_char(a.submitted_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD'),
              'uscc', coalesce(${field('uscc')}, o.uscc), 'name', coalesce(${field('name')}, o.name), 'kind', coalesce(${field('kind')}, o.kind),
              'districtName', coalesce(${field('districtName')}, d.name_zh),
              'achievements', coalesce((select json_agg(aa.payload order by aa.position) from application_achievements aa
                                         where aa.tenant_id = a.tenant_id and aa.application_id = a.id), '[]'::json)
            ) order by a.submitted_at, a.id), '[]'::json) as applications
       from applications a
       join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id
       left join districts d on d.tenant_id = o.tenant_id and d.code = o.district_code
      where a.program_id = any($1::uuid[]) and a.submitted_at is not null and a.status <> all($2::text[])`,
    [programs.map((p) => p.id), LEFT_OUT],
  );
  const organizations = [...new Set(applications.map((a) => a.organizationId))];
  const sanctionRows = await queryRows<{ organizationId: string; kind: SanctionKind; on: string }>(
    manager,
    `select organization_id as "organizationId", kind, to_char(on_date, 'YYYY-MM-DD') as "on" from sanctions where organization_id = any($1::uuid[]) order by on_date, id`,
    [organizations],
  );
  return {
    programs,
    applications,
    decided: await decidedItemsOfOrganizations(manager, organizations),
    sanctions: group(sanctionRows, (r) => r.organizationId, (r) => ({ kind: r.kind, on: r.on })),
    tenantLevel,
  };
}
