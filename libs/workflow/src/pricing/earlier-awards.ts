import { EntityManager } from 'typeorm';
import { ApplicationStatus } from '../core';
import { DecidedItemRow, TenantLevel, tenantLevelOf } from './earlier-award-facts';

/**
 * The statuses in which a decision on an application stands: decided, in publicity, under objection review, approved
 * and handed over. A rejected, withdrawn or lapsed application pays nothing, and one not yet decided has no amount.
 */
export const STANDING_DECISION_STATUSES: readonly ApplicationStatus[] = ['decided', 'in_publicity', 'objection_review', 'approved', 'handed_over'];

interface Row {
  organizationId: string;
  applicationId: string;
  applicationStatus: string;
  programId: string;
  programTitle: string;
  programYear: number;
  payload: DecidedItemRow['payload'];
  decidedFen: string;
  shares: Array<{ payer: string; amountFen: string }>;
}

/**
 * Every item this product decided with an amount for the organization in its OTHER applications of the tenant, any
 * program and any year, with finance's payer shares once finance took the program in. The amount is the decided one:
 * that is what the tenant committed to pay (and pays in full unless a clawback follows, which is per application and
 * not per item, and comes with the policies' own fraud bans).
 */
export async function decidedItemsOf(manager: EntityManager, organizationId: string, exceptApplicationId: string): Promise<DecidedItemRow[]> {
  const byOrganization = await decidedItemsOfOrganizations(manager, [organizationId]);
  return (byOrganization.get(organizationId) ?? []).filter((row) => row.applicationId !== exceptApplicationId);
}

/** decidedItemsOf for many organizations in one query (a decision list), keyed by organization id. */
export async function decidedItemsOfOrganizations(manager: EntityManager, organizationIds: readonly string[]): Promise<Map<string, DecidedItemRow[]>> {
  const byOrganization = new Map<string, DecidedItemRow[]>();
  if (organizationIds.length === 0) return byOrganization;
  const rows = (await manager.query(
    `select a.organization_id as "organizationId", a.id as "applicationId", a.status as "applicationStatus", p.id as "programId", p.title as "programTitle", p.year as "programYear",
            aa.payload, di.decided_fen::text as "decidedFen",
            coalesce((select json_agg(json_build_object('payer', fs.payer, 'amountFen', fs.amount_fen::text) order by fs.payer)
                        from finance_awards fa
                        join finance_shares fs on fs.tenant_id = fa.tenant_id and fs.award_id = fa.id
                       where fa.tenant_id = di.tenant_id and fa.application_id = di.application_id and fa.achievement_id = di.achievement_id), '[]'::json) as shares
       from decision_items di
       join applications a on a.tenant_id = di.tenant_id and a.id = di.application_id
       join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
       join application_achievements aa on aa.tenant_id = di.tenant_id and aa.application_id = di.application_id and aa.achievement_id = di.achievement_id
      where a.organization_id = any($1::uuid[]) and a.status = any($2::text[]) and di.decided_fen > 0
      order by p.year, p.id, a.id, aa.position`,
    [[...new Set(organizationIds)], STANDING_DECISION_STATUSES],
  )) as Row[];
  for (const row of rows) {
    const list = byOrganization.get(row.organizationId) ?? [];
    list.push(decidedItem(row));
    byOrganization.set(row.organizationId, list);
  }
  return byOrganization;
}

function decidedItem(row: Row): DecidedItemRow {
  return {
    applicationId: row.applicationId,
    applicationStatus: row.applicationStatus,
    programId: row.programId,
    programTitle: row.programTitle,
    programYear: row.programYear,
    payload: row.payload,
    decidedFen: Number(row.decidedFen),
    shares: row.shares.map((s) => ({ payer: s.payer, amountFen: Number(s.amountFen) })),
  };
}

/** The level of the tenant the application belongs to (RLS admits only the current tenant's application). */
export async function tenantLevelOfApplication(manager: EntityManager, applicationId: string): Promise<TenantLevel> {
  const [row] = (await manager.query(
    `select t.division_code as "divisionCode" from applications a join tenants t on t.id = a.tenant_id where a.id = $1`,
    [applicationId],
  )) as Array<{ divisionCode: string }>;
  return tenantLevelOf(row?.divisionCode ?? '000000');
}

/** The level of the tenant a program belongs to. */
export async function tenantLevelOfProgram(manager: EntityManager, programId: string): Promise<TenantLevel> {
  const [row] = (await manager.query(
    `select t.division_code as "divisionCode" from programs p join tenants t on t.id = p.tenant_id where p.id = $1`,
    [programId],
  )) as Array<{ divisionCode: string }>;
  return tenantLevelOf(row?.divisionCode ?? '000000');
}
