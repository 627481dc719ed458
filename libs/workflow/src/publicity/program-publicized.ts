import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { fenToYuan } from '../decision/yuan';

/**
 * A program is publicized once its publicity has closed and no application is still shown or under objection review.
 * Checked when a publicity closes and again after each objection is resolved. The program officers are then told the
 * program can be handed over to finance (`program.publicized`), with the approved list's size and total.
 */
@Injectable()
export class ProgramPublicized {
  constructor(
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  async settleIfDone(manager: EntityManager, programId: string, now: Date): Promise<boolean> {
    const [program] = await queryRows<{ status: string }>(manager, `select status from programs where id = $1 for update`, [programId]);
    if (!program || program.status !== 'decided') return false;
    const [pending] = await queryRows<{ open: number; applications: number }>(
      manager,
      `select (select count(*)::int from publicities where program_id = $1 and status = 'open') as open,
              (select count(*)::int from applications where program_id = $1 and status in ('in_publicity', 'objection_review')) as applications`,
      [programId],
    );
    if (pending.open > 0 || pending.applications > 0) return false;
    await manager.query(`update programs set status = 'publicized', updated_at = $2, version = version + 1 where id = $1`, [programId, now]);
    await this.audit.record(manager, { action: 'program.publicized', entityType: 'program', entityId: programId, data: { from: 'decided', to: 'publicized' } });
    const [approved] = await queryRows<{ title: string; count: number; totalFen: string }>(
      manager,
      `select p.title, count(a.id)::int as count, coalesce(sum(a.decided_total_fen), 0)::text as "totalFen"
         from programs p left join applications a on a.program_id = p.id and a.status = 'approved'
        where p.id = $1 group by p.title`,
      [programId],
    );
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'program.publicized',
      subject: `${approved.title}：公示结束，可移交财务`,
      body: `《${approved.title}》公示期已结束，异议均已处理，共 ${approved.count} 个项目获批（合计 ${fenToYuan(approved.totalFen)} 元），可以将资助名单移交财务。`,
      entity: { type: 'program', id: programId },
    });
    return true;
  }
}
