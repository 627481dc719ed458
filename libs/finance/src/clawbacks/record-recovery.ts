import { fenToYuan } from '../payments/yuan';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceNotFoundError, FinanceValidationError } from '../finance-errors';
import { Ledger, transfer } from '../ledger';
import { assertPayerAccess, validPayer } from '../payer-access';
import { findProgram } from '../program-lookup';

export interface RecoveryResult {
  clawbackId: string;
  payer: string;
  recoveredFen: number;
  outstandingFen: number;
  status: 'open' | 'recovered';
}

/** Money claimed back arrives at a payer: clawback_receivable → recovered, until the claim is settled. */
@Injectable()
export class RecordRecovery {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, clawbackId: string, payerInput: string, amountFen: number): Promise<RecoveryResult> {
    const payer = validPayer(payerInput);
    assertPayerAccess(actor, payer);
    return this.transactions.run(async (manager) => {
      const [claim] = await queryRows<{ programId: string }>(manager, `select program_id as "programId" from clawbacks where id = $1`, [clawbackId]);
      if (claim) await findProgram(manager, claim.programId, true);
      const [share] = await queryRows<{ programId: string; amountFen: string; recoveredFen: string }>(
        manager,
        `select c.program_id as "programId", cs.amount_fen::text as "amountFen", cs.recovered_fen::text as "recoveredFen"
           from clawback_shares cs join clawbacks c on c.id = cs.clawback_id
          where cs.clawback_id = $1 and cs.payer = $2 for update of cs, c`,
        [clawbackId, payer],
      );
      if (!share) throw new FinanceNotFoundError({ zh: '没有找到应退回您所在财政的该笔追回款', en: `No clawback ${clawbackId} owed to ${payer}` }, [
          { path: 'id', message: 'no such clawback for this payer', messageZh: '没有该笔追回款' },
        ]);
      const outstanding = Number(share.amountFen) - Number(share.recoveredFen);
      if (amountFen > outstanding) throw new FinanceValidationError({ zh: '收回金额超过尚未收回的金额', en: 'Invalid request: amountFen' }, [
          { path: 'amountFen', message: `at most ${outstanding} fen is outstanding`, messageZh: `最多 ${fenToYuan(outstanding)} 元` },
        ]);
      await Ledger.post(
        manager,
        transfer(
          'clawback_received',
          { kind: 'clawback_receivable', programId: share.programId, payer },
          { kind: 'recovered', programId: share.programId, payer },
          BigInt(amountFen),
          `clawback ${clawbackId} received by ${payer}`,
          { clawbackId },
        ),
        actor.id,
      );
      await manager.query(`update clawback_shares set recovered_fen = recovered_fen + $3 where clawback_id = $1 and payer = $2`, [clawbackId, payer, amountFen]);
      const [totals] = await queryRows<{ open: boolean }>(
        manager,
        `update clawbacks c set recovered_fen = c.recovered_fen + $2, version = version + 1,
                status = case when c.recovered_fen + $2 = c.amount_fen then 'recovered' else 'open' end
          where id = $1 returning status = 'open' as open`,
        [clawbackId, amountFen],
      );
      await this.audit.record(manager, { action: 'finance.clawback-recovered', entityType: 'clawback', entityId: clawbackId, data: { payer, amountFen } });
      return {
        clawbackId,
        payer,
        recoveredFen: Number(share.recoveredFen) + amountFen,
        outstandingFen: outstanding - amountFen,
        status: totals.open ? 'open' : 'recovered',
      };
    });
  }
}
