import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { JobHandler, PublicityJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { PublicityStore } from '../publicity-record';

/** Lines listed in one digest; the rest are counted, and all are in the office's objection list. */
const LISTED = 50;

interface PendingObjection {
  id: string;
  applicationId: string;
  applicantName: string;
  createdAt: Date;
}

/** "2024-05-06 09:03" in China Standard Time. */
function cstMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Tells the program officers, in one notification (and one e-mail each where configured), about every objection of
 * the publicity not announced yet, and marks them announced in the same transaction. Idempotent: run again, it finds
 * nothing unannounced and does nothing. The publicity row lock orders it with SubmitObjection, which takes the same
 * lock, so an objection is either seen by this digest or scheduled into a later one.
 */
@JobHandler('workflow', 'publicity.objection-digest')
export class ObjectionDigestHandler implements QueueJobHandler<'workflow', 'publicity.objection-digest'> {
  constructor(
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: PublicityJobPayload): Promise<void> {
    const publicity = await PublicityStore.lock(manager, payload.publicityId);
    if (!publicity) return;
    const pending = await queryRows<PendingObjection>(
      manager,
      `select o.id, o.application_id as "applicationId", org.name as "applicantName", o.created_at as "createdAt"
         from objections o
         join applications a on a.id = o.application_id
         join organizations org on org.id = a.organization_id
        where o.publicity_id = $1 and o.officers_notified_at is null
        order by o.created_at, o.id
        for update of o`,
      [publicity.id],
    );
    if (pending.length === 0) return;
    const [program] = await queryRows<{ title: string }>(manager, `select title from programs where id = $1`, [publicity.programId]);
    const ids = pending.map((o) => o.id);
    await manager.query(`update objections set officers_notified_at = $2 where id = any($1::uuid[])`, [ids, this.clock.now()]);
    const lines = pending.slice(0, LISTED).map((o, i) => `${i + 1}. ${o.applicantName}（申请 ${o.applicationId}）：异议编号 ${o.id}，收到于 ${cstMinute(o.createdAt)}`);
    if (pending.length > LISTED) lines.push(`……另有 ${pending.length - LISTED} 件，见异议列表。`);
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'objection.digest',
      subject: `${program?.title ?? '公示'}：收到 ${pending.length} 件新异议`,
      body: `公示期（${publicity.startsOn} 至 ${publicity.endsOn}）内收到以下 ${pending.length} 件新异议，相关资助已转入异议复核：\n${lines.join('\n')}`,
      entity: { type: 'publicity', id: publicity.id },
    });
    await this.audit.record(manager, {
      action: 'publicity.objection-digest-sent',
      entityType: 'publicity',
      entityId: publicity.id,
      data: { objections: pending.length, objectionIds: ids },
    });
  }
}
