import { NotificationMessage } from '@subsidy/notifications';

const STAGE_LABELS = {
  formal_check: '形式审查 / formal check',
  district_review: '区级初审 / district review',
} as const;

/** What the applicant is told when a review stage rejects the application: the stage and every reason. */
export function rejectionNotice(applicationId: string, programTitle: string, stage: keyof typeof STAGE_LABELS, reasons: readonly string[]): NotificationMessage {
  return {
    kind: 'application.rejected',
    subject: `申报未通过${STAGE_LABELS[stage]}`,
    body: [`项目：${programTitle}`, '原因：', ...reasons.map((r) => `- ${r}`)].join('\n'),
    entity: { type: 'application', id: applicationId },
  };
}
