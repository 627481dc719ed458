import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@subsidy/idempotency';
import { QueueModule } from '@subsidy/queue';
import { ApproveShares } from './approval/approve-shares';
import { ShareList } from './approval/share-list';
import { BankAccounts } from './bank-accounts/bank-accounts';
import { SetBudget } from './budgets/set-budget';
import { ConfirmHandedOverBudget } from './budgets/confirm-handed-over-budget';
import { HandedOverBudgets } from './budgets/handed-over-budget';
import { RecordClawback } from './clawbacks/record-clawback';
import { RecordRecovery } from './clawbacks/record-recovery';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationLists } from './evaluation/evaluation-list';
import { RecordFundUseReceipt } from './evaluation/record-receipt';
import { BankAccountsController } from './http/bank-accounts.controller';
import { ClawbacksController } from './http/clawbacks.controller';
import { FinanceProgramsController } from './http/finance.controller';
import { PaymentsController } from './http/payments.controller';
import { RevenueSharingController } from './http/revenue-sharing.controller';
import { SharePolicy } from './intake/share-policy';
import { TakeInProgram } from './intake/take-in-program';
import { ConfirmPaymentBatch } from './payments/confirm-batch';
import { ConfirmLineAccount } from './payments/confirm-line-account';
import { CreatePaymentBatch } from './payments/create-batch';
import { InstructPaymentLineHandler } from './payments/instruct-line.handler';
import { MeetInstallmentCondition } from './payments/meet-condition';
import { ProgramReports } from './reports/program-report';
import { SetRevenueSharing } from './revenue-sharing/set-revenue-sharing';

/**
 * Finance (routes under /api/v1/finance): budgets, intake of handed-over programs into awards and cost shares,
 * approval per payer, payment batches, clawbacks, reports and the use-of-funds evaluation list, every movement of money a balanced ledger entry.
 * Job handler: finance/payment.instruct-line (the worker imports this module). Needs DatabaseModule, AuditModule, AwardsModule (POLICY_REPOSITORY) and ClockModule, all global.
 */
@Module({
  imports: [IdempotencyModule, QueueModule],
  controllers: [FinanceProgramsController, PaymentsController, BankAccountsController, ClawbacksController, EvaluationController, RevenueSharingController],
  providers: [
    SetBudget,
    HandedOverBudgets,
    ConfirmHandedOverBudget,
    SharePolicy,
    TakeInProgram,
    ShareList,
    ApproveShares,
    CreatePaymentBatch,
    InstructPaymentLineHandler,
    ConfirmPaymentBatch,
    ConfirmLineAccount,
    MeetInstallmentCondition,
    BankAccounts,
    RecordClawback,
    RecordRecovery,
    ProgramReports,
    EvaluationLists,
    RecordFundUseReceipt,
    SetRevenueSharing,
  ],
})
export class FinanceModule {}
