import { Injectable } from '@nestjs/common';
import { DomainError, Localized } from '@subsidy/common';
import { ReassignReview } from './reassign-review';

export interface BulkReassignOutcome {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

/**
 * 批量分配: the single reassignment (ReassignReview), applied to each selected application in turn, each in its own
 * transaction with its own audit record and notices, exactly as if the officer had reassigned them one by one. One
 * application refused (another stage, the same reviewer already) does not undo or stop the others: the answer says,
 * per application, whether it moved and why not.
 */
@Injectable()
export class BulkReassignReview {
  constructor(private readonly reassign: ReassignReview) {}

  async execute(command: { applicationIds: string[]; assigneeId: string; reason: string }, language: keyof Localized): Promise<BulkReassignOutcome[]> {
    const outcomes: BulkReassignOutcome[] = [];
    for (const id of command.applicationIds) {
      try {
        await this.reassign.execute({ applicationId: id, assigneeId: command.assigneeId, reason: command.reason });
        outcomes.push({ id, ok: true });
      } catch (error) {
        // Only refusals the product words for people are reported per row; anything else is a fault of the server.
        if (!(error instanceof DomainError)) throw error;
        // A refused field (the reviewer already holds it) says more about this row than the request-wide summary.
        const detail = error.details[0];
        const fieldMessage = detail ? (language === 'zh' ? detail.messageZh ?? detail.message : detail.message) : undefined;
        outcomes.push({ id, ok: false, error: { code: error.code, message: fieldMessage ?? error.localized[language] } });
      }
    }
    return outcomes;
  }
}
