import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { amountProblem, amountProblemZh } from '../../pricing/amount-problem';
import { ApplicationPricing } from '../../pricing/application-pricing';
import { invalidField } from '../review-errors';
import { ReviewSteps } from '../review-steps';
import { assertHoldsReassignedWork } from '../stage-deadlines';

export type ItemOpinion = 'support' | 'reduce' | 'reject';

export interface TechnicalOpinionCommand {
  applicationId: string;
  achievementId: string;
  opinion: ItemOpinion;
  amountFen?: number;
  comment: string;
  actor: Actor;
}

export interface TechnicalOpinionView {
  applicationId: string;
  achievementId: string;
  opinion: ItemOpinion;
  amountFen: number;
  ceilingFen: number;
  comment: string;
}

/**
 * The entrusted institute's opinion on one item. `support` without an amount means the engine ceiling; `reduce` needs
 * an amount below it; `reject` means 0. Recording again replaces the same reviewer's opinion.
 */
@Injectable()
export class RecordTechnicalOpinion {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly pricing: ApplicationPricing,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: TechnicalOpinionCommand): Promise<TechnicalOpinionView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      assertHoldsReassignedWork(command.actor, application);
      if (application.status !== 'technical_review') {
        throw new InvalidStateError({
          zh: `只有技术审查中的申报可以出具技术审查意见；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `Technical opinions are only possible while the application is in technical_review; it is ${application.status}`,
        });
      }
      const program = await ProgramStore.get(manager, application.programId);
      const ceiling = (await this.pricing.ceilings(manager, application, program)).get(command.achievementId);
      if (!ceiling) throw invalidField('achievementId', { zh: '所选成果不属于本申报', en: `${command.achievementId} is not an achievement of this application` });
      const amountFen = opinionAmount(command, ceiling.ceilingFen);
      const problem = amountProblem(amountFen, ceiling);
      if (problem) throw invalidField('amountFen', { zh: amountProblemZh(amountFen, ceiling) ?? problem, en: problem });
      await manager.query(
        `insert into item_opinions (tenant_id, application_id, achievement_id, stage, author_id, opinion, amount_fen, comment)
         values ($1, $2, $3, 'technical_review', $4, $5, $6, $7)
         on conflict (tenant_id, application_id, achievement_id, stage, author_id)
         do update set opinion = excluded.opinion, amount_fen = excluded.amount_fen, comment = excluded.comment, created_at = now()`,
        [tenantId, application.id, command.achievementId, command.actor.id, command.opinion, amountFen, command.comment],
      );
      await ReviewSteps.append(manager, tenantId, {
        applicationId: application.id,
        stage: 'technical_review',
        outcome: `opinion_${command.opinion}`,
        reasons: [`${command.achievementId}: ${command.comment}`],
        actor: command.actor,
        at: this.clock.now(),
      });
      await this.audit.record(manager, {
        action: 'application.technical-opinion-recorded',
        entityType: 'application',
        entityId: application.id,
        reason: command.comment,
        data: { achievementId: command.achievementId, opinion: command.opinion, amountFen, ceilingFen: ceiling.ceilingFen },
      });
      return { applicationId: application.id, achievementId: command.achievementId, opinion: command.opinion, amountFen, ceilingFen: ceiling.ceilingFen, comment: command.comment };
    });
  }
}

function opinionAmount(command: TechnicalOpinionCommand, ceilingFen: number): number {
  switch (command.opinion) {
    case 'support':
      return command.amountFen ?? ceilingFen;
    case 'reduce':
      if (command.amountFen === undefined) throw invalidField('amountFen', { zh: '核减须填写核减后的金额', en: 'a reduction needs the reduced amount in fen' });
      if (command.amountFen === ceilingFen && ceilingFen > 0) throw invalidField('amountFen', { zh: '核减后的金额须低于该项上限', en: `a reduction must be below the ceiling of ${ceilingFen} fen` });
      return command.amountFen;
    case 'reject':
      if (command.amountFen !== undefined && command.amountFen !== 0) throw invalidField('amountFen', { zh: '不予支持的项目金额为 0，无需填写金额', en: 'a rejected item gets 0 fen; leave amountFen out' });
      return 0;
  }
}
