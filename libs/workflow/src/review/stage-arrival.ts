import { Notifier, Recipient } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStatus, ProgramRecord, ReviewStage } from '../core';

export const STAGE_NAMES: Record<ReviewStage | 'awaiting_decision', string> = {
  formal_check: '形式审查',
  district_review: '区级初审',
  technical_review: '技术审查',
  expert_review: '专家评审',
  awaiting_decision: '审定',
};

/**
 * Who works on an application once it reaches `status`: the district's own reviewers for the district review, the
 * technical reviewers for the technical review, and the program office for the rest (the formal check, drawing the
 * expert panel, which then invites its experts, and the decision).
 */
export function reviewersOf(status: ApplicationStatus, districtCode: string): Recipient[] {
  switch (status) {
    case 'district_review':
      return [{ role: 'district_reviewer', districtCode }];
    case 'technical_review':
      return [{ role: 'technical_reviewer' }];
    default:
      return [{ role: 'program_officer' }];
  }
}

/**
 * Tells whoever works on the next stage that an application has arrived (`application.awaiting-review`), in the
 * transaction of the move, when one review stage hands it to the next (a submission tells them itself).
 */
export async function notifyStageArrival(
  notifier: Notifier,
  manager: EntityManager,
  application: ApplicationRecord,
  program: ProgramRecord,
  to: ReviewStage | 'awaiting_decision',
  stageDueOn: string | null,
): Promise<void> {
  const [organization] = (await manager.query(`select name from organizations where id = $1`, [application.organizationId])) as Array<{ name: string }>;
  const stage = STAGE_NAMES[to];
  const todo = to === 'expert_review' ? '，请抽取评审专家' : to === 'awaiting_decision' ? '，请审定资助金额' : '';
  await notifier.notify(manager, reviewersOf(to, application.districtCode), {
    kind: 'application.awaiting-review',
    subject: `待${stage}：${organization.name}`,
    body: `${organization.name}的《${program.title}》申报待${stage}${todo}${stageDueOn ? `，请于${stageDueOn}前完成` : ''}。`,
    entity: { type: 'application', id: application.id },
  });
}
