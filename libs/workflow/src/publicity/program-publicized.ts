import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/**
 * A program is publicized once its publicity has closed and no application is still shown or under objection review.
 * Checked when a publicity closes and again after each objection is resolved.
 */
@Injectable()
export class ProgramPublicized {
  constructor(private readonly audit: AuditLog) {}

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
    return true;
  }
}
