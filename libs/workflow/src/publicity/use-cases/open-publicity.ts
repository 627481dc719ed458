import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { CalendarDate, Clock, compareDates, cstEndOfDay, cstToday, publicityEnd } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';

export interface OpenPublicityCommand {
  programId: string;
  startsOn: CalendarDate;
}

export interface OpenedPublicity {
  id: string;
  programId: string;
  startsOn: string;
  endsOn: string;
  applicationIds: string[];
}

/**
 * Puts every application decided with money (> 0) on public display for the program's publicity period. The closing
 * job is due at the end (CST) of the last day, computed in calendar or working days as the program's review says;
 * it is in the outbox, so it survives restarts of the worker.
 */
@Injectable()
export class OpenPublicity {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: OpenPublicityCommand): Promise<OpenedPublicity> {
    const today = cstToday(this.clock);
    if (compareDates(command.startsOn, today) < 0) {
      throw new ValidationFailedError({ zh: '公示开始日期不能早于今天', en: 'Invalid request: startsOn' }, [
        { path: 'startsOn', message: `must be today (${today}) or later`, messageZh: `须为今天（${today}）或以后` },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, command.programId);
      if (program.status !== 'decided') throw new InvalidStateError({ zh: `只有已审定的项目可以公示；本项目当前为“${programStatusZh(program.status)}”`, en: `Only a decided program can be publicized; this one is ${program.status}` });
      const [open] = await queryRows<{ id: string }>(manager, `select id from publicities where program_id = $1 and status = 'open'`, [program.id]);
      if (open) throw new InvalidStateError({ zh: '该项目已有正在进行的公示', en: 'The program already has an open publicity' });
      const shown = await queryRows<ApplicationRecord>(
        manager,
        `select ${ApplicationStore.COLUMNS} from applications where program_id = $1 and status = 'decided' and decided_total_fen > 0 order by id for update`,
        [program.id],
      );
      if (shown.length === 0) throw new InvalidStateError({ zh: '没有获得资助、等待公示的申报', en: 'No decided application with an award is waiting for publicity' });
      const endsOn = publicityEnd(command.startsOn, program.review.publicity);
      const [publicity] = await queryRows<{ id: string }>(
        manager,
        `insert into publicities (tenant_id, program_id, starts_on, ends_on, created_at) values ($1, $2, $3, $4, $5) returning id`,
        [program.tenantId, program.id, command.startsOn, endsOn, this.clock.now()],
      );
      for (const application of shown) {
        await this.transitions.move(manager, application, { to: 'in_publicity', action: 'application.in-publicity', data: { publicityId: publicity.id, endsOn } });
      }
      await this.audit.record(manager, {
        action: 'publicity.opened',
        entityType: 'publicity',
        entityId: publicity.id,
        data: { programId: program.id, startsOn: command.startsOn, endsOn, period: program.review.publicity, applications: shown.length },
      });
      await this.outbox.enqueue(
        manager,
        'workflow',
        'publicity.close',
        { tenantId: program.tenantId, publicityId: publicity.id },
        { runAt: cstEndOfDay(endsOn), dedupeKey: `publicity.close:${publicity.id}` },
      );
      await this.notifier.notify(
        manager,
        [...new Set(shown.map((a) => a.organizationId))].map((organizationId) => ({ organizationId })),
        {
          kind: 'publicity.opened',
          subject: `${program.title}：拟资助名单公示`,
          body: `拟资助名单自 ${command.startsOn} 起公示，至 ${endsOn} 止。公示期间无异议的，资助将予确认。`,
          entity: { type: 'publicity', id: publicity.id },
        },
      );
      return { id: publicity.id, programId: program.id, startsOn: command.startsOn, endsOn, applicationIds: shown.map((a) => a.id) };
    });
  }
}
