import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ForbiddenError } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { PolicyVersionStaleError } from '../../policy-version-errors';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';
import { requirePublishable, requireState, requireVersion } from '../version-checks';
import type { PolicyVersionDetail } from '../version-view';

/** The author sends a valid draft, every case passing, for a second officer's review; the other officers are told. */
@Injectable()
export class SubmitVersion {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly inspector: DraftInspector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, id, version }: { actor: Actor; id: string; version: number }): Promise<PolicyVersionDetail> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const row = await PolicyVersionRows.get(manager, id, true);
      requireState(row, ['draft', 'returned'], { zh: '提交审核', en: 'submitted' });
      requireVersion(row, version);
      if (row.author !== actor.id) {
        throw new ForbiddenError({ zh: '只有起草人可以提交该政策版本', en: 'Only the author submits a policy version' });
      }
      const report = await this.inspector.validate(manager, tenantId, row.policyId, row.sourceText);
      const cases = this.inspector.runCases(tenantId, row.policyId, report.compiled, row.casesText);
      requirePublishable(row, report, cases, (await PolicyVersionRows.publishedWithId(manager, row.policyId)) !== undefined);
      if (!(await PolicyVersionRows.transition(manager, row.id, version, row.state, 'submitted', { now: this.clock.now() }))) throw new PolicyVersionStaleError();
      await this.audit.record(manager, {
        action: 'policy_version.submitted',
        entityType: 'policy_version',
        entityId: row.id,
        data: { policyId: row.policyId, from: row.state, to: 'submitted', cases: { total: cases.total, passed: cases.passed } },
      });
      // The other program officers are the possible reviewers (four eyes): each hears that a version waits for review.
      const reviewers = await queryRows<{ id: string }>(manager, `select id::text as id from users where role = 'program_officer' and active and id::text <> $1 order by id`, [actor.id]);
      if (reviewers.length > 0) {
        await this.notifier.notify(manager, reviewers.map((r) => ({ userId: r.id })), {
          kind: 'policy_version.submitted',
          subject: `政策版本 ${row.policyId} 待审核`,
          body: `政策版本“${row.policyId}”已提交审核（${row.changeNote || '无修订说明'}）。请由起草人以外的项目主管审核：批准发布或退回修改。`,
          entity: { type: 'policy_version', id: row.id },
        });
      }
      return this.inspector.detail(manager, tenantId, await PolicyVersionRows.get(manager, row.id));
    });
  }
}
