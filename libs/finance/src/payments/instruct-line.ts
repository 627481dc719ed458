import { EntityManager } from 'typeorm';
import { Ledger, transfer } from '../ledger';

export interface LineToInstruct {
  batchId: string;
  programId: string;
  payer: string;
  lineNo: number;
  installmentId: string;
  shareId: string;
  amountFen: string | number;
  payeeName: string;
}

/**
 * Instructs one batch line: its amount moves approved → payable and its installment becomes `instructed`. The one
 * place both the synchronous batch and the queued release post `payment_instructed`, so they cannot drift apart.
 * The caller holds the program lock and the line's installment lock, and has checked the line is not yet instructed.
 */
export async function instructLine(manager: EntityManager, line: LineToInstruct, actorId: string): Promise<void> {
  await manager.query(`update finance_installments set status = 'instructed' where id = $1`, [line.installmentId]);
  await Ledger.post(
    manager,
    transfer(
      'payment_instructed',
      { kind: 'approved', programId: line.programId, payer: line.payer },
      { kind: 'payable', programId: line.programId, payer: line.payer },
      BigInt(line.amountFen),
      `batch ${line.batchId} line ${line.lineNo}: ${line.payeeName}`,
      { batchId: line.batchId, lineNo: line.lineNo, installmentId: line.installmentId, shareId: line.shareId },
    ),
    actorId,
  );
}
