import { NotificationMessage } from '@subsidy/notifications';
import { fenToYuan } from '../decision/yuan';

/** What an applicant is told when its award is approved: the publicity is over (and any objection answered). */
export function approvalNotice(applicationId: string, programTitle: string, decidedTotalFen: string | number | null): NotificationMessage {
  return {
    kind: 'application.approved',
    subject: `${programTitle}：资助已获批准`,
    body: `公示期满，您的申请获批资助 ${fenToYuan(decidedTotalFen ?? 0)} 元，将移交财政部门拨付。`,
    entity: { type: 'application', id: applicationId },
  };
}

/** What an applicant is told when its approved award goes to finance for payment. */
export function handOverNotice(applicationId: string, programTitle: string, decidedTotalFen: string | number | null): NotificationMessage {
  return {
    kind: 'application.handed-over',
    subject: `${programTitle}：资助已移交财政部门拨付`,
    body: `您获批的资助 ${fenToYuan(decidedTotalFen ?? 0)} 元已移交财政部门拨付，到账后另行通知。请确认本单位收款账户信息准确。`,
    entity: { type: 'application', id: applicationId },
  };
}
