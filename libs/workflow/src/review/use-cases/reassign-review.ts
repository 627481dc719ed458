import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { ApplicationRecord, ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { invalidField } from '../review-errors';
import { STAGE_NAMES } from '../stage-arrival';
import { stageHolders } from '../stage-deadlines';

export interface ReassignReviewCommand {
  applicationId: string;
  assigneeId: string;
  reason: string;
}

/** The stages whose work the officer may hand to one named reviewer, and the role that reviewer must have. */
const REASSIGNABLE = { district_review: 'district_reviewer', technical_review: 'technical_reviewer' } as const;

/**
 * The program officer hands a pending district review or technical review to one named reviewer of the tenant (a
 * district reviewer, of any district: the application's district may have none, or its reviewer be away; or a
 * technical reviewer), with a reason. The application's `review_assignee_id` then takes precedence over the stage's
 * reviewers until the application leaves the stage: only that reviewer (or an officer acting in the district
 * reviewer's place) does the review, and reminders go to them. Audited (`application.review-reassigned`, from and to);
 * the previous holders and the new one are told. The due date stays. Expert seats are not reassigned here: a panel
 * member leaves by declaring a conflict, or at the scoring deadline, and is replaced from the recorded seed.
 */
@Injectable()
export class ReassignReview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReassignReviewCommand): Promise<ApplicationRecord> {
    const reason = command.reason.trim();
    if (reason === '') throw invalidField('reason', { zh: '请说明改派理由', en: 'say why the work is reassigned' });
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      const stage = application.status as keyof typeof REASSIGNABLE;
      if (!(stage in REASSIGNABLE)) {
        throw new InvalidStateError({
          zh: '只有待办的区县初审或技术审查可以改派',
          en: `Only a pending district or technical review can be reassigned; the application is ${application.status}`,
        });
      }
      const [assignee] = (await manager.query(`select id, display_name as name, role, active from users where id = $1`, [command.assigneeId])) as Array<{
        id: string;
        name: string;
        role: string;
        active: boolean;
      }>;
      if (!assignee || !assignee.active || assignee.role !== REASSIGNABLE[stage]) {
        const role = stage === 'district_review' ? { zh: '区县初审人员', en: 'district reviewer' } : { zh: '技术审查人员', en: 'technical reviewer' };
        throw invalidField('assigneeId', { zh: `不是本地区在岗的${role.zh}`, en: `not an active ${role.en} of this tenant` });
      }
      if (assignee.id === application.reviewAssigneeId) {
        throw invalidField('assigneeId', { zh: '该申报已由此人办理', en: 'the work is already assigned to this reviewer' });
      }
      const previous = await stageHolders(manager, application);
      const program = await ProgramStore.get(manager, application.programId);
      const [updated] = await queryRows<ApplicationRecord>(
        manager,
        `update applications set review_assignee_id = $2, version = version + 1, updated_at = $3 where id = $1 returning ${ApplicationStore.COLUMNS}`,
        [application.id, assignee.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        action: 'application.review-reassigned',
        entityType: 'application',
        entityId: application.id,
        reason,
        data: { stage, from: application.reviewAssigneeId, to: assignee.id, dueOn: application.stageDueOn },
      });
      const stageZh = STAGE_NAMES[stage];
      await this.notifier.notify(manager, previous, {
        kind: 'application.review-reassigned',
        subject: `${stageZh}已改派他人办理 / Review reassigned`,
        body: `《${program.title}》申报 ${application.id} 的${stageZh}已由项目主管部门改派给${assignee.name}办理，理由：${reason}。 / The review was reassigned to ${assignee.name}: ${reason}`,
        entity: { type: 'application', id: application.id },
      });
      await this.notifier.notify(manager, [{ userId: assignee.id }], {
        kind: 'application.awaiting-review',
        subject: `待${stageZh}（改派）/ Review assigned to you`,
        body: `项目主管部门将《${program.title}》申报 ${application.id} 的${stageZh}改派给您办理${application.stageDueOn ? `，请于${application.stageDueOn}前完成` : ''}，理由：${reason}。 / The review is now yours${application.stageDueOn ? `, due on ${application.stageDueOn}` : ''}.`,
        entity: { type: 'application', id: application.id },
      });
      return updated;
    });
  }
}
