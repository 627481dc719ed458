import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { fenToYuan } from './yuan';

export interface ConfirmedLine {
  installmentId: string;
  amountFen: number;
  outcome: 'paid' | 'failed';
  bankReference: string;
}

/**
 * Tells each awardee what the bank did with its lines of a batch, in the confirming transaction: one notice per
 * application and outcome (`payment.paid`, `payment.failed`), with the sum and the bank references. A refused line
 * falls due again, so the failure notice asks the organization to check its payee account before the next batch.
 */
export async function notifyPaymentOutcomes(notifier: Notifier, manager: EntityManager, programTitle: string, lines: readonly ConfirmedLine[]): Promise<void> {
  if (lines.length === 0) return;
  const owners = await queryRows<{ installmentId: string; applicationId: string; organizationId: string }>(
    manager,
    `select i.id as "installmentId", a.application_id as "applicationId", a.organization_id as "organizationId"
       from finance_installments i join finance_shares s on s.id = i.share_id join finance_awards a on a.id = s.award_id
      where i.id = any($1::uuid[])`,
    [lines.map((l) => l.installmentId)],
  );
  const ownerOf = new Map(owners.map((o) => [o.installmentId, o]));
  const groups = new Map<string, { applicationId: string; organizationId: string; outcome: 'paid' | 'failed'; fen: bigint; references: Set<string> }>();
  for (const line of lines) {
    const owner = ownerOf.get(line.installmentId);
    if (!owner) continue;
    const key = `${owner.applicationId}|${line.outcome}`;
    const group = groups.get(key) ?? { ...owner, outcome: line.outcome, fen: 0n, references: new Set<string>() };
    group.fen += BigInt(line.amountFen);
    group.references.add(line.bankReference);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const yuan = fenToYuan(group.fen);
    const references = [...group.references].join('、');
    await notifier.notify(manager, [{ organizationId: group.organizationId }], group.outcome === 'paid'
      ? {
          kind: 'payment.paid',
          subject: `${programTitle}：资助资金已拨付`,
          body: `《${programTitle}》资助资金 ${yuan} 元已拨付至本单位收款账户（银行回单号：${references}）。`,
          entity: { type: 'application', id: group.applicationId },
        }
      : {
          kind: 'payment.failed',
          subject: `${programTitle}：资助资金拨付未成功`,
          body: `《${programTitle}》资助资金 ${yuan} 元被银行退回（${references}）。请核对本单位收款账户信息，款项将在下一批次重新拨付。`,
          entity: { type: 'application', id: group.applicationId },
        });
  }
}
