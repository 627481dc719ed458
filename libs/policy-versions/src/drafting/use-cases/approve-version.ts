import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { PolicyVersionStaleError } from '../../policy-version-errors';
import { PolicyVersionCache } from '../../store/policy-version-cache';
import { documentChanges, parseDocumentOrNull } from '../document-changes';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';
import { requireNotAuthor, requirePublishable, requireState, requireVersion } from '../version-checks';
import type { PolicyVersionDetail } from '../version-view';

/** Program statuses in which a program still runs (its figures still matter to its officer). */
export const RUNNING_PROGRAM_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'decided', 'publicized'];

/** Every change is kept in the audit record of a publication, however many (the screen lists the first 500). */
const ALL_CHANGES = Number.MAX_SAFE_INTEGER;

/**
 * A second program officer (never the author) publishes a submitted version. The text is validated and its cases are
 * run once more (nothing invalid is ever published); the row becomes immutable with content_hash = sha256 of its
 * text — the hash programs created under it are bound to — and the validity of its text. The audit record holds the
 * whole diff against the version it came from; the officers of programs running under an older version hear that a
 * newer one exists; after the commit this process's engine reloads the tenant (others follow the trigger's NOTIFY).
 */
@Injectable()
export class ApproveVersion {
  private readonly logger = new Logger('PolicyVersions');

  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly inspector: DraftInspector,
    private readonly cache: PolicyVersionCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, id, version }: { actor: Actor; id: string; version: number }): Promise<PolicyVersionDetail> {
    const tenantId = RequestContextStore.requireTenantId();
    const detail = await this.transactions.run(async (manager) => {
      const row = await PolicyVersionRows.get(manager, id, true);
      requireState(row, ['submitted'], { zh: '批准发布', en: 'approved' });
      requireNotAuthor(row, actor);
      requireVersion(row, version);
      const report = await this.inspector.validate(manager, tenantId, row.policyId, row.sourceText);
      const cases = this.inspector.runCases(tenantId, row.policyId, report.compiled, row.casesText);
      requirePublishable(row, report, cases, (await PolicyVersionRows.publishedWithId(manager, row.policyId)) !== undefined);
      const compiled = report.compiled!;
      const published = await PolicyVersionRows.transition(manager, row.id, version, 'submitted', 'published', {
        now: this.clock.now(),
        reviewer: actor.id,
        contentHash: compiled.hash,
        effectiveFrom: compiled.effectiveFrom,
        effectiveTo: compiled.effectiveTo,
      });
      if (!published) throw new PolicyVersionStaleError();
      const basedOn = row.basedOnId ? await PolicyVersionRows.find(manager, row.basedOnId) : undefined;
      await this.audit.record(manager, {
        action: 'policy_version.published',
        entityType: 'policy_version',
        entityId: row.id,
        reason: row.changeNote || null,
        data: {
          policyId: row.policyId,
          contentHash: compiled.hash,
          effectiveFrom: compiled.effectiveFrom,
          effectiveTo: compiled.effectiveTo,
          author: row.author,
          reviewer: actor.id,
          basedOn: basedOn ? { id: basedOn.id, policyId: basedOn.policyId, contentHash: basedOn.contentHash } : null,
          changes: documentChanges(basedOn ? parseDocumentOrNull(basedOn.sourceText) : {}, parseDocumentOrNull(row.sourceText), '', ALL_CHANGES),
          cases: { total: cases.total, passed: cases.passed },
        },
      });
      await this.tellOfficersOfOlderPrograms(manager, row.policyId, compiled.effectiveFrom, compiled.title);
      return this.inspector.detail(manager, tenantId, await PolicyVersionRows.get(manager, row.id));
    });
    // After the commit: this process prices with the new version from the next request on.
    await this.cache.reload(tenantId).catch((error: unknown) => this.logger.error(`could not reload the policy versions of ${tenantId}: ${error instanceof Error ? error.message : String(error)}`));
    return detail;
  }

  /** The officer who created each running program under an older published version is told a newer one exists. */
  private async tellOfficersOfOlderPrograms(manager: EntityManager, policyId: string, effectiveFrom: string, title: string): Promise<void> {
    // A program made by a seed or an import has no person as creator: then every program officer is told instead.
    const programs = await queryRows<{ id: string; title: string; policyId: string; creatorId: string | null }>(
      manager,
      `select p.id::text as id, p.title, p.policy_id as "policyId",
              (select u.id::text from users u where u.tenant_id = p.tenant_id and u.id::text = p.created_by) as "creatorId"
         from programs p
         join policy_versions v on v.tenant_id = p.tenant_id and v.policy_id = p.policy_id and v.state = 'published'
        where p.status = any($1::text[]) and p.policy_id <> $2 and v.effective_from < $3::date
        order by p.id`,
      [RUNNING_PROGRAM_STATUSES, policyId, effectiveFrom],
    );
    for (const program of programs) {
      await this.notifier.notify(manager, [program.creatorId ? { userId: program.creatorId } : { role: 'program_officer' }], {
        kind: 'policy_version.newer_published',
        subject: `政策有新版本：${policyId}`,
        body: `项目“${program.title}”依据的政策版本“${program.policyId}”已有新版本“${policyId}”（${title}，${effectiveFrom}起施行）。已设置的项目仍按原版本执行；新项目可选用新版本。`,
        entity: { type: 'program', id: program.id },
      });
    }
  }
}
