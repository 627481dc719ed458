import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { DraftInspector } from '../draft-inspector';
import { parseDocumentOrNull } from '../document-changes';
import { PolicyVersionRows } from '../policy-version-rows';
import { toSummary, type PolicyVersionSummary } from '../version-view';
import { RUNNING_PROGRAM_STATUSES } from './approve-version';

export interface PolicyVersionsOverview {
  inForceToday: PolicyVersionSummary | null;
  lapsed: boolean;
  latestPublished: PolicyVersionSummary | null;
  programsOnOlderVersion: Array<{ programId: string; title: string; policyId: string; newerPolicyId: string }>;
}

/**
 * For the 工作台: the version in force today (China Standard Time), whether the tenant's texts have lapsed (no version
 * in force: no new call can open until a successor is published), the latest published version, and the running
 * programs bound to a version older than the latest.
 */
@Injectable()
export class GetOverview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly inspector: DraftInspector,
  ) {}

  execute(): Promise<PolicyVersionsOverview> {
    const today = this.inspector.today();
    return this.transactions.run(async (manager) => {
      const published = (await PolicyVersionRows.published(manager)).map((row) => toSummary(row, parseDocumentOrNull(row.sourceText), today));
      // As the engine picks: among those in force, the latest start wins.
      const inForce = published.filter((v) => v.inForceToday).at(-1) ?? null;
      const latest = published.at(-1) ?? null;
      const programs = latest
        ? await queryRows<{ programId: string; title: string; policyId: string }>(
            manager,
            `select p.id::text as "programId", p.title, p.policy_id as "policyId"
               from programs p
               join policy_versions v on v.tenant_id = p.tenant_id and v.policy_id = p.policy_id and v.state = 'published'
              where p.status = any($1::text[]) and v.effective_from < $2::date
              order by p.created_at, p.id`,
            [RUNNING_PROGRAM_STATUSES, latest.effectiveFrom],
          )
        : [];
      return {
        inForceToday: inForce,
        lapsed: inForce === null,
        latestPublished: latest,
        programsOnOlderVersion: programs.map((p) => ({ ...p, newerPolicyId: latest!.policyId })),
      };
    });
  }
}
