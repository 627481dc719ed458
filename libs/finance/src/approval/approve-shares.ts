import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceStateError, FinanceValidationError } from '../finance-errors';
import { Ledger, transfer } from '../ledger';
import { assertPayerAccess, validPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { ShareRecord, ShareStore } from './share-store';

export type ShareAction = 'approve' | 'hold' | 'release';

export interface ApproveSharesCommand {
  programId: string;
  payer: string;
  /** Approve every share of the payer still committed, except those listed in `items` (held shares stay held until listed). */
  all?: boolean;
  items?: Array<{ shareId: string; action: ShareAction; reason?: string }>;
}

export interface ApprovalResult {
  programId: string;
  payer: string;
  approved: Array<{ shareId: string; amountFen: number }>;
  held: Array<{ shareId: string; reason: string }>;
  released: Array<{ shareId: string; amountFen: number; reason: string }>;
  approvedFen: number;
}

/**
 * A payer's finance officer approves its shares: the whole list or item by item. What is held back needs a reason
 * and stays committed; a released share gives its money back to the payer's budget. Approval makes the share's
 * first installments (condition `start`) due for payment.
 */
@Injectable()
export class ApproveShares {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: ApproveSharesCommand): Promise<ApprovalResult> {
    const payer = validPayer(command.payer);
    assertPayerAccess(actor, payer);
    const items = command.items ?? [];
    if (!command.all && items.length === 0) {
      throw new FinanceValidationError({ zh: '请选择要审批的资金份额，或选择全部', en: 'Invalid request: say what to approve' }, [
        { path: 'items', message: 'give items, or all: true', messageZh: '请逐项选择或选择全部' },
      ]);
    }
    items.forEach((item, index) => {
      if (item.action !== 'approve' && !item.reason?.trim()) {
        throw new FinanceValidationError({ zh: `第 ${index + 1} 项须填写理由`, en: `Invalid request: items[${index}].reason` }, [
          { path: `items[${index}].reason`, message: `a reason is required to ${item.action} a share`, messageZh: '须填写理由' },
        ]);
      }
    });
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, command.programId, true);
      const shares = await ShareStore.lockForPayer(manager, program.id, payer);
      const byId = new Map(shares.map((s) => [s.id, s]));
      const result: ApprovalResult = { programId: program.id, payer, approved: [], held: [], released: [], approvedFen: 0 };
      const listed = new Set<string>();
      for (const [index, item] of items.entries()) {
        const share = byId.get(item.shareId);
        if (!share) throw new FinanceValidationError({ zh: `第 ${index + 1} 项不是本项目中由您负责支付的资金份额`, en: `Invalid request: items[${index}].shareId` }, [
            { path: `items[${index}].shareId`, message: `no share of ${payer} in this program`, messageZh: '本项目中没有该资金份额' },
          ]);
        if (listed.has(share.id)) throw new FinanceValidationError({ zh: `第 ${index + 1} 项重复列出`, en: `Invalid request: items[${index}].shareId` }, [
            { path: `items[${index}].shareId`, message: 'listed twice', messageZh: '重复列出' },
          ]);
        listed.add(share.id);
        await this.apply(manager, actor, share, item.action, item.reason?.trim() ?? null, result);
      }
      if (command.all) {
        for (const share of shares) if (!listed.has(share.id) && share.status === 'committed') await this.apply(manager, actor, share, 'approve', null, result);
      }
      await this.audit.record(manager, {
        action: 'finance.shares-decided',
        entityType: 'program',
        entityId: program.id,
        data: { payer, approved: result.approved.length, held: result.held, released: result.released, approvedFen: result.approvedFen },
      });
      return result;
    });
  }

  private async apply(manager: EntityManager, actor: Actor, share: ShareRecord, action: ShareAction, reason: string | null, result: ApprovalResult): Promise<void> {
    const open = share.status === 'committed' || share.status === 'held';
    if (!open) throw new FinanceStateError({ zh: '该资金份额已审批处理过，不能再次审批', en: `Share ${share.id} is already ${share.status}` }, [
        { path: 'shareId', message: share.status },
      ]);
    const amount = BigInt(share.amountFen);
    const now = this.clock.now();
    const account = (kind: 'budget' | 'committed' | 'approved') => ({ kind, programId: share.programId, payer: share.payer });
    const reference = { shareId: share.id, awardId: share.awardId, applicationId: share.applicationId };
    if (action === 'approve') {
      await Ledger.post(manager, transfer('share_approved', account('committed'), account('approved'), amount, `${share.payer} approved share of ${share.achievementId}`, reference), actor.id);
      // The payee account the approval was given against: a batch line holds if it has been replaced since (create-batch.ts).
      await manager.query(
        `update finance_shares set status = 'approved', hold_reason = null, decided_by = $2, decided_at = $3, version = version + 1,
                payee_account_version = (select b.version from finance_awards a join organization_bank_accounts b on b.organization_id = a.organization_id where a.id = finance_shares.award_id)
          where id = $1`,
        [share.id, actor.id, now],
      );
      await manager.query(`update finance_installments set status = 'due', condition_met_at = $2, condition_met_by = $3 where share_id = $1 and status = 'scheduled' and condition = 'start'`, [share.id, now, actor.id]);
      result.approved.push({ shareId: share.id, amountFen: Number(amount) });
      result.approvedFen += Number(amount);
    } else if (action === 'hold') {
      await manager.query(`update finance_shares set status = 'held', hold_reason = $2, decided_by = $3, decided_at = $4, version = version + 1 where id = $1`, [share.id, reason, actor.id, now]);
      result.held.push({ shareId: share.id, reason: reason ?? '' });
    } else {
      await Ledger.post(manager, transfer('commitment_released', account('committed'), account('budget'), amount, `${share.payer} released share of ${share.achievementId}: ${reason}`, reference), actor.id);
      await manager.query(`update finance_shares set status = 'released', hold_reason = $2, decided_by = $3, decided_at = $4, version = version + 1 where id = $1`, [share.id, reason, actor.id, now]);
      await manager.query(`update finance_installments set status = 'cancelled' where share_id = $1`, [share.id]);
      result.released.push({ shareId: share.id, amountFen: Number(amount), reason: reason ?? '' });
    }
  }
}
