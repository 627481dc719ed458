import { Logger } from '@nestjs/common';
import { CheckAuditChain } from '@subsidy/audit';
import { Notifier } from '@subsidy/notifications';
import { JobContext, JobHandler, QueueJobHandler, VerifyAuditChainPayload } from '@subsidy/queue';
import { EntityManager } from 'typeorm';

/**
 * The worker's handler of `maintenance/audit.verify-chain` (queued nightly by AuditChainSchedule, or by anyone who
 * wants a check now): verifies the tenant's chain, stores the day's result and, when the chain is broken, logs it and
 * alerts the tenant's program officers and platform administrators once that day.
 *
 * Notifications live in the tenant whose chain broke: the job's transaction is that tenant's (row-level security), so
 * platform administrators are reached there when they have an account in that tenant; those of the platform tenant see
 * the error log line and every tenant's results through GET /api/v1/audit/chain-checks with X-Tenant-Id.
 */
@JobHandler('maintenance', 'audit.verify-chain')
export class AuditChainCheckHandler implements QueueJobHandler<'maintenance', 'audit.verify-chain'> {
  private readonly logger = new Logger('AuditChainCheck');

  constructor(
    private readonly check: CheckAuditChain,
    private readonly notifier: Notifier,
  ) {}

  async handle(manager: EntityManager, payload: VerifyAuditChainPayload, context: JobContext): Promise<void> {
    const outcome = await this.check.run(manager, { outboxId: context.outboxId });
    if (outcome.verification.ok) return;
    const { broken, records } = outcome.verification;
    this.logger.error(
      `Audit chain of tenant ${payload.tenantId} is broken at seq ${broken.seq} (${broken.kind}): ${broken.message}; ${records} record(s) before it verified`,
    );
    if (!outcome.alert) return;
    await this.notifier.notify(manager, [{ role: 'program_officer' }, { role: 'platform_admin' }], {
      kind: 'audit.chain-broken',
      subject: `审计日志校验失败（第 ${broken.seq} 条）/ Audit trail check failed at record ${broken.seq}`,
      body:
        `${outcome.checkedOn} 的例行校验发现本租户的审计日志哈希链自第 ${broken.seq} 条记录起不可信（${broken.kind}）：${broken.message}。` +
        `记录可能被改动或删除，请立即联系平台管理员核查。`,
      entity: { type: 'audit_chain', id: payload.tenantId },
    });
  }
}
