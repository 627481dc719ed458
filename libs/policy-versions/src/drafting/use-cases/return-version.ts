import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { PolicyVersionStaleError } from '../../policy-version-errors';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';
import { requireNotAuthor, requireState, requireVersion } from '../version-checks';
import type { PolicyVersionDetail } from '../version-view';

/** A second officer (never the author) sends a submitted version back to its author with reasons. */
@Injectable()
export class ReturnVersion {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly inspector: DraftInspector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, id, version, reason }: { actor: Actor; id: string; version: number; reason: string }): Promise<PolicyVersionDetail> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const row = await PolicyVersionRows.get(manager, id, true);
      requireState(row, ['submitted'], { zh: '退回', en: 'returned' });
      requireNotAuthor(row, actor);
      requireVersion(row, version);
      const returned = await PolicyVersionRows.transition(manager, row.id, version, 'submitted', 'returned', { now: this.clock.now(), reviewer: actor.id, returnReason: reason });
      if (!returned) throw new PolicyVersionStaleError();
      await this.audit.record(manager, {
        action: 'policy_version.returned',
        entityType: 'policy_version',
        entityId: row.id,
        reason,
        data: { policyId: row.policyId, from: 'submitted', to: 'returned' },
      });
      await this.notifier.notify(manager, [{ userId: row.author }], {
        kind: 'policy_version.returned',
        subject: `政策版本 ${row.policyId} 被退回修改`,
        body: `您提交审核的政策版本“${row.policyId}”被退回。退回理由：${reason}`,
        entity: { type: 'policy_version', id: row.id },
      });
      return this.inspector.detail(manager, tenantId, await PolicyVersionRows.get(manager, row.id));
    });
  }
}
