import { queryRows } from '@subsidy/database';
import { CompiledPolicy } from '@subsidy/policy';
import { EntityManager } from 'typeorm';

/**
 * What a decided item is called on every list that follows the decision, fixed when the decision is made
 * (`decision_items.policy_label`, `standard_no`, `achievement_label`): the policy's own name for what it pays, so a
 * published list never carries a label the applicant typed, plus the standard number, which anyone can look up.
 */
export interface ItemSnapshot {
  /** The names of the policy items the engine priced the achievement under (e.g. "国家标准 主持制定"); null when none. */
  policyLabel: string | null;
  standardNo: string | null;
  /** The applicant's own reference (standard number, title or name, else the id): shown only where no policy label exists. */
  achievementLabel: string;
}

/** What the achievement is, as the applicant described it: its standard number, title or name, else its id. */
export function achievementLabel(achievementId: string, payload: Record<string, unknown>): string {
  for (const key of ['standardNo', 'title', 'name']) {
    const value = payload[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return achievementId;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The snapshot of one item as the decision stores it, from the achievement and the policy items that priced it. */
export function itemSnapshot(achievementId: string, payload: Record<string, unknown>, itemIds: readonly string[], policy: CompiledPolicy): ItemSnapshot {
  const names = itemIds.map((id) => policy.items.find((item) => item.id === id)?.name.zh).filter((name): name is string => !!name && name.trim() !== '');
  return {
    policyLabel: names.length > 0 ? [...new Set(names)].join('、') : null,
    standardNo: text(payload.standardNo),
    achievementLabel: achievementLabel(achievementId, payload),
  };
}

/**
 * The label a list shows for a decided item: the policy label with the standard number (国家标准 主持制定（GB/T 1-2023）),
 * the policy label alone, or, for an item the policy did not name (or a row decided before snapshots existed), the
 * applicant's reference as it read at the decision.
 */
export function publishedItemLabel(snapshot: { policyLabel: string | null; standardNo: string | null; achievementLabel: string }): string {
  if (!snapshot.policyLabel) return snapshot.achievementLabel;
  return snapshot.standardNo ? `${snapshot.policyLabel}（${snapshot.standardNo}）` : snapshot.policyLabel;
}

/**
 * Fixes who was decided: the organization's name and credit code as they read at this moment, and returns them for
 * the decision's audit record. Every list after the decision (publicity, approved list, hand-over, finance) reads
 * these, so a later rename does not rewrite them.
 */
export async function snapshotDecidedOrganization(manager: EntityManager, applicationId: string): Promise<{ name: string; uscc: string }> {
  const [decided] = await queryRows<{ name: string; uscc: string }>(
    manager,
    `update applications a set decided_organization_name = o.name, decided_organization_uscc = o.uscc
       from organizations o where o.tenant_id = a.tenant_id and o.id = a.organization_id and a.id = $1
     returning a.decided_organization_name as name, a.decided_organization_uscc as uscc`,
    [applicationId],
  );
  return decided;
}

/**
 * SQL for the snapshot columns of a decided application (alias `a`) and item (alias `i`, with its achievement `aa`),
 * falling back to the live organization row and the achievement only for rows written without a snapshot (never by
 * the decision; the migration backfilled older rows), so every list reads the same values the same way.
 */
export const SNAPSHOT_SQL = {
  organizationName: `coalesce(a.decided_organization_name, o.name)`,
  organizationUscc: `coalesce(a.decided_organization_uscc, o.uscc)`,
  policyLabel: `i.policy_label`,
  standardNo: `coalesce(i.standard_no, nullif(btrim(aa.payload->>'standardNo'), ''))`,
  achievementLabel: `i.achievement_label`,
} as const;

/** A row read with SNAPSHOT_SQL's item columns: the published label, computing the applicant's reference if not stored. */
export function labelOfRow(row: { achievementId: string; payload: Record<string, unknown>; policyLabel: string | null; standardNo: string | null; achievementLabel: string | null }): string {
  return publishedItemLabel({
    policyLabel: row.policyLabel,
    standardNo: row.standardNo,
    achievementLabel: row.achievementLabel ?? achievementLabel(row.achievementId, row.payload),
  });
}
