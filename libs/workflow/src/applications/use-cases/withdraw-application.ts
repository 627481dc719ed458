import { applicationStatusZh } from '../../core/status-names';
import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { ApplicationStatus, ApplicationTransitions, canMove, InvalidStateError } from '../../core';
import { ApplicationAccess } from '../application-access';

export interface WithdrawApplicationCommand {
  actor: Actor;
  applicationId: string;
  reason: string | null;
}

/** The applicant takes its application back, possible until a decision is being made on it. */
@Injectable()
export class WithdrawApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly notifier: Notifier,
  ) {}

  async execute(command: WithdrawApplicationCommand): Promise<{ applicationId: string; status: ApplicationStatus }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
      if (!canMove(application.status, 'withdrawn')) {
        throw new InvalidStateError({ zh: `申报当前为“${applicationStatusZh(application.status)}”，不能再撤回`, en: `The application is ${application.status}; it can no longer be withdrawn` });
      }
      const moved = await this.transitions.move(manager, application, { to: 'withdrawn', action: 'application.withdrawn', reason: command.reason });
      if (application.status !== 'draft') {
        await this.notifier.notify(manager, [{ role: 'program_officer' }], {
          kind: 'application.withdrawn',
          subject: '申报已撤回',
          body: `申报 ${application.id} 已由申报单位撤回${command.reason ? `：${command.reason}` : ''}。`,
          entity: { type: 'application', id: application.id },
        });
      }
      return { applicationId: moved.id, status: moved.status };
    });
  }
}
