import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceStateError, OverCommitmentError } from '../finance-errors';
import { accountCode, AccountRef, Ledger, net, transfer } from '../ledger';
import { assertCityLevel } from '../payer-access';
import { findProgram } from '../program-lookup';
import { AllocationApprovalReference, readAllocationApproval, readApprovedList } from './approved-list';
import { financePayer, revenueSharingWeights, SplitShare, splitDecidedAmount } from './cost-shares';
import { revenueSharingRatiosFor } from './revenue-sharing-ratios';
import { SharePolicy } from './share-policy';
import { AWARD_ITEM_LABEL_SQL } from '../award-item-label';

export interface IntakeResult {
  programId: string;
  totalFen: number;
  awards: Array<{
    awardId: string;
    applicationId: string;
    achievementId: string;
    /** The item as the decision names it (policy label and standard number), never the id. */
    itemLabel: string;
    article: string | null;
    decidedFen: number;
    shares: Array<{ shareId: string; payer: string; amountFen: number; installments: Array<{ seq: number; condition: string; amountFen: number }> }>;
  }>;
  committedByPayer: Record<string, number>;
  /** The approval that authorises paying this list, where the policy requires one (see readAllocationApproval). */
  allocationApproval: AllocationApprovalReference | null;
}

interface PlannedAward {
  applicationId: string;
  organizationId: string;
  districtCode: string;
  achievementId: string;
  article: string | null;
  decidedFen: number;
  shares: SplitShare[];
}

/**
 * Takes a handed-over program into finance: one award per decided item, its cost shares between payers as the policy
 * says (split of the decided amount), each share scheduled in installments, and each committed against its payer's
 * budget. All or nothing: an over-commitment of any payer refuses the whole intake.
 */
@Injectable()
export class TakeInProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly sharePolicy: SharePolicy,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, programId: string): Promise<IntakeResult> {
    assertCityLevel(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId, true);
      if (program.status !== 'handed_over') throw new FinanceStateError({ zh: '该项目尚未移交财务，移交后方可接收', en: `The program is ${program.status}; finance takes a program in once it is handed over` });
      const [existing] = await queryRows<{ programId: string }>(manager, `select program_id as "programId" from finance_intakes where program_id = $1`, [program.id]);
      if (existing) throw new FinanceStateError({ zh: '财务已接收该项目', en: 'This program was already taken in by finance' });

      const policy = this.sharePolicy.resolve(program);
      const priced = (await readApprovedList(manager, program.id)).map((application) => ({ application, engineItems: this.sharePolicy.itemsOf(policy, program, application) }));
      const ratios = await revenueSharingRatiosFor(manager, priced);
      const planned: PlannedAward[] = [];
      for (const { application, engineItems } of priced) {
        const toPayer = (policyPayer: string): string => {
          const payer = financePayer(policyPayer, application.districtCode);
          if (!payer) throw new FinanceStateError({ zh: '政策文件指定的支付方在财务中没有对应账户，请联系系统运维人员', en: `The policy names a payer "${policyPayer}" that finance has no account for` });
          return payer;
        };
        for (const item of application.items) {
          const engine = engineItems.get(item.achievementId);
          // A text that shares by the fiscal revenue-sharing ratio without stating it: the district's recorded ratio.
          const engineShares = engine?.revenueSharing ? revenueSharingWeights(ratios.get(application.districtCode)!) : engine?.shares;
          planned.push({
            applicationId: application.applicationId,
            organizationId: application.organizationId,
            districtCode: application.districtCode,
            achievementId: item.achievementId,
            article: item.article,
            decidedFen: item.decidedFen,
            shares: splitDecidedAmount(item.decidedFen, engineShares, engine?.payment, toPayer, 'city'),
          });
        }
      }
      if (planned.length === 0) throw new FinanceStateError({ zh: '该项目没有已移交且已审定金额的申报', en: 'The program has no handed-over application with a decided amount' });

      const needed = new Map<string, bigint>();
      for (const award of planned) for (const share of award.shares) needed.set(share.payer, (needed.get(share.payer) ?? 0n) + BigInt(share.amountFen));
      await this.assertBudgetsCover(manager, program.id, needed);

      const totalFen = planned.reduce((sum, a) => sum + a.decidedFen, 0);
      await manager.query(
        `insert into finance_intakes (tenant_id, program_id, policy_id, policy_hash, total_fen, taken_by, taken_at) values ($1, $2, $3, $4, $5, $6, $7)`,
        [program.tenantId, program.id, program.policyId, program.policyHash, totalFen, actor.id, this.clock.now()],
      );
      const awards: IntakeResult['awards'] = [];
      for (const award of planned) awards.push(await this.record(manager, program.tenantId, program.id, award, actor.id));
      const committedByPayer = Object.fromEntries([...needed.entries()].sort().map(([payer, fen]) => [payer, Number(fen)]));
      const allocationApproval = await readAllocationApproval(manager, program.id);
      const revenueSharing = Object.fromEntries([...ratios.values()].map((r) => [r.districtCode, { cityParts: r.cityParts, districtParts: r.districtParts, basis: r.basis, version: r.version }]));
      await this.audit.record(manager, {
        action: 'finance.program-taken-in',
        entityType: 'program',
        entityId: program.id,
        data: { awards: awards.length, totalFen, committedByPayer, ...(allocationApproval ? { allocationApproval } : {}), ...(ratios.size > 0 ? { revenueSharing } : {}) },
      });
      return { programId: program.id, totalFen, awards, committedByPayer, allocationApproval };
    });
  }

  private async assertBudgetsCover(manager: EntityManager, programId: string, needed: Map<string, bigint>): Promise<void> {
    const budgets: AccountRef[] = [...needed.keys()].map((payer) => ({ kind: 'budget', programId, payer }));
    const totals = await Ledger.lockBalances(manager, budgets);
    const shortfalls = budgets
      .map((account) => ({ payer: account.payer, availableFen: net(totals.get(accountCode(account))!), neededFen: needed.get(account.payer)! }))
      .filter((s) => s.availableFen < s.neededFen);
    if (shortfalls.length > 0) throw new OverCommitmentError(shortfalls);
  }

  private async record(manager: EntityManager, tenantId: string, programId: string, award: PlannedAward, actorId: string): Promise<IntakeResult['awards'][number]> {
    const [row] = await queryRows<{ id: string; itemLabel: string }>(
      manager,
      `with a as (
         insert into finance_awards (tenant_id, program_id, application_id, achievement_id, organization_id, district_code, article, decided_fen)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, application_id, achievement_id)
       select a.id, ${AWARD_ITEM_LABEL_SQL} as "itemLabel" from a`,
      [tenantId, programId, award.applicationId, award.achievementId, award.organizationId, award.districtCode, award.article, award.decidedFen],
    );
    const shares: IntakeResult['awards'][number]['shares'] = [];
    for (const share of award.shares) {
      const [shareRow] = await queryRows<{ id: string }>(
        manager,
        `insert into finance_shares (tenant_id, award_id, program_id, payer, amount_fen) values ($1, $2, $3, $4, $5) returning id`,
        [tenantId, row.id, programId, share.payer, share.amountFen],
      );
      for (const installment of share.installments) {
        await manager.query(
          `insert into finance_installments (tenant_id, share_id, seq, condition, percent, amount_fen) values ($1, $2, $3, $4, $5, $6)`,
          [tenantId, shareRow.id, installment.seq, installment.condition, installment.percent, installment.amountFen],
        );
      }
      await Ledger.post(
        manager,
        transfer(
          'award_committed',
          { kind: 'budget', programId, payer: share.payer },
          { kind: 'committed', programId, payer: share.payer },
          BigInt(share.amountFen),
          `award ${award.achievementId} of application ${award.applicationId}: ${share.payer} share committed`,
          { awardId: row.id, shareId: shareRow.id, applicationId: award.applicationId },
        ),
        actorId,
      );
      shares.push({
        shareId: shareRow.id,
        payer: share.payer,
        amountFen: share.amountFen,
        installments: share.installments.map((i) => ({ seq: i.seq, condition: i.condition, amountFen: i.amountFen })),
      });
    }
    return { awardId: row.id, applicationId: award.applicationId, achievementId: award.achievementId, itemLabel: row.itemLabel, article: award.article, decidedFen: award.decidedFen, shares };
  }
}
