import { ApiProperty } from '@nestjs/swagger';

/**
 * OpenAPI documentation of the finance endpoints' answers (BankAccountView, ClawbackView, BudgetView, IntakeResult,
 * ShareListItem, ApprovalResult, ProgramReport, BatchView, RevenueSharingRatio, EvaluationList, FundUseReceipt):
 * never instantiated, only read by the document builder. Money: integer fen (JSON numbers); payers are `city`,
 * `matching` or `district:<6-digit code>`.
 */
const fen = (description = 'Integer fen') => ({ type: 'integer', description, example: 2_000_000 }) as const;
const PAYER = { example: 'district:371002', description: 'city, matching or district:<6-digit code>' } as const;
const PAYER_NAME = { example: '市级财政', description: 'The payer as every list names it (市级财政, 环翠区财政, 配套资金)' } as const;

export class BankAccountResponse {
  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ example: '威海市标准化研究院' })
  declare accountName: string;

  @ApiProperty({ example: '中国工商银行威海分行' })
  declare bankName: string;

  @ApiProperty({ example: '6222020000000000000' })
  declare accountNo: string;

  @ApiProperty({ type: 'integer', description: '1 as first set, one more at every change' })
  declare version: number;

  @ApiProperty({ format: 'date-time' })
  declare updatedAt: string;
}

export class PayerAmountResponse {
  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(fen())
  declare amountFen: number;
}

export class FraudBanResponse {
  @ApiProperty({ enum: ['fraud_ban'] })
  declare kind: 'fraud_ban';

  @ApiProperty({ format: 'date' })
  declare on: string;
}

export class ClawbackResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ enum: ['fraud', 'misuse', 'unfinished_contract'], enumName: 'ClawbackReasonKind' })
  declare reasonKind: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty({ type: () => [PayerAmountResponse], description: 'The claim split between the payers in proportion to what each paid' })
  declare shares: PayerAmountResponse[];

  @ApiProperty({ type: () => FraudBanResponse, nullable: true, description: 'Fraud and misuse record a ban' })
  declare sanction: FraudBanResponse | null;
}

export class ClawbackShareResponse {
  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(PAYER_NAME)
  declare payerName: string;

  @ApiProperty(fen('What this payer is owed back'))
  declare amountFen: number;

  @ApiProperty(fen('What this payer has received back'))
  declare recoveredFen: number;
}

export class ClawbackListItemResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ description: 'The awardee as the decision named it' })
  declare organizationName: string;

  @ApiProperty({ enum: ['fraud', 'misuse', 'unfinished_contract'], enumName: 'ClawbackReasonKind' })
  declare reasonKind: string;

  @ApiProperty()
  declare reason: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty(fen())
  declare recoveredFen: number;

  @ApiProperty({ enum: ['open', 'recovered'], enumName: 'ClawbackStatus' })
  declare status: string;

  @ApiProperty({ format: 'date' })
  declare foundOn: string;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;

  @ApiProperty({ type: () => [ClawbackShareResponse] })
  declare shares: ClawbackShareResponse[];
}

export class ClawbackListResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ type: () => [ClawbackListItemResponse], description: "Newest first; a district-level officer sees those owed to its own payer, with that payer's share only" })
  declare clawbacks: ClawbackListItemResponse[];
}

export class RecoveryResponse {
  @ApiProperty({ format: 'uuid' })
  declare clawbackId: string;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(fen())
  declare recoveredFen: number;

  @ApiProperty(fen())
  declare outstandingFen: number;

  @ApiProperty({ enum: ['open', 'recovered'], enumName: 'ClawbackStatus' })
  declare status: 'open' | 'recovered';
}

export class BudgetResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(fen())
  declare budgetFen: number;

  @ApiProperty(fen('Budget not yet committed, integer fen'))
  declare availableFen: number;
}

export class HandedOverBudgetResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ example: 'city' })
  declare payer: string;

  @ApiProperty(PAYER_NAME)
  declare payerName: string;

  @ApiProperty(fen('The program budget as the program office handed it over'))
  declare handedOverFen: number;

  @ApiProperty(fen('The city budget finance holds for the program now; 0 until confirmed or set'))
  declare budgetFen: number;

  @ApiProperty(fen())
  declare availableFen: number;
}

export class ConfirmedBudgetResponse extends HandedOverBudgetResponse {
  @ApiProperty({ description: 'Whether finance set another figure than the handed-over one' })
  declare changed: boolean;

  @ApiProperty({ type: String, nullable: true })
  declare reason: string | null;
}

export class IntakeInstallmentResponse {
  @ApiProperty({ type: 'integer' })
  declare seq: number;

  @ApiProperty({ example: 'start', description: 'When the installment falls due' })
  declare condition: string;

  @ApiProperty(fen())
  declare amountFen: number;
}

export class IntakeShareResponse {
  @ApiProperty({ format: 'uuid' })
  declare shareId: string;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty({ type: () => [IntakeInstallmentResponse] })
  declare installments: IntakeInstallmentResponse[];
}

export class IntakeAwardResponse {
  @ApiProperty({ format: 'uuid' })
  declare awardId: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ description: 'The item as the decision names it (policy label and standard number)' })
  declare itemLabel: string;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty(fen())
  declare decidedFen: number;

  @ApiProperty({ type: () => [IntakeShareResponse] })
  declare shares: IntakeShareResponse[];
}

export class AllocationApprovalRefResponse {
  @ApiProperty()
  declare approvedBy: string;

  @ApiProperty()
  declare documentNo: string;

  @ApiProperty({ format: 'date' })
  declare approvedOn: string;

  @ApiProperty(fen())
  declare approvedTotalFen: number;

  @ApiProperty()
  declare article: string;

  @ApiProperty()
  declare source: string;
}

export class IntakeResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty(fen())
  declare totalFen: number;

  @ApiProperty({ type: () => [IntakeAwardResponse] })
  declare awards: IntakeAwardResponse[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Payer -> committed, integer fen', example: { city: 2_000_000 } })
  declare committedByPayer: Record<string, number>;

  @ApiProperty({ type: () => AllocationApprovalRefResponse, nullable: true })
  declare allocationApproval: AllocationApprovalRefResponse | null;
}

export class ShareInstallmentResponse {
  @ApiProperty({ format: 'uuid' })
  declare installmentId: string;

  @ApiProperty({ type: 'integer' })
  declare seq: number;

  @ApiProperty({ example: 'start' })
  declare condition: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty({ example: 'due' })
  declare status: string;
}

export class ShareListItemResponse {
  @ApiProperty({ format: 'uuid' })
  declare shareId: string;

  @ApiProperty({ format: 'uuid' })
  declare awardId: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ description: 'The item as the decision names it' })
  declare itemLabel: string;

  @ApiProperty({ description: 'The awardee as the decision named it' })
  declare organizationName: string;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(PAYER_NAME)
  declare payerName: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty({ example: 'committed' })
  declare status: string;

  @ApiProperty({ type: String, nullable: true })
  declare holdReason: string | null;

  @ApiProperty({ type: () => [ShareInstallmentResponse] })
  declare installments: ShareInstallmentResponse[];
}

export class ShareListResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ type: () => [ShareListItemResponse] })
  declare shares: ShareListItemResponse[];
}

export class ShareAmountResponse {
  @ApiProperty({ format: 'uuid' })
  declare shareId: string;

  @ApiProperty(fen())
  declare amountFen: number;
}

export class HeldShareResponse {
  @ApiProperty({ format: 'uuid' })
  declare shareId: string;

  @ApiProperty()
  declare reason: string;
}

export class ReleasedShareResponse extends ShareAmountResponse {
  @ApiProperty()
  declare reason: string;
}

export class ApprovalResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty({ type: () => [ShareAmountResponse] })
  declare approved: ShareAmountResponse[];

  @ApiProperty({ type: () => [HeldShareResponse] })
  declare held: HeldShareResponse[];

  @ApiProperty({ type: () => [ReleasedShareResponse] })
  declare released: ReleasedShareResponse[];

  @ApiProperty(fen())
  declare approvedFen: number;
}

export class FinanceFiguresResponse {
  @ApiProperty(fen())
  declare budgetFen: number;

  @ApiProperty(fen('Budget not yet committed'))
  declare availableFen: number;

  @ApiProperty(fen('Everything committed to awards'))
  declare committedFen: number;

  @ApiProperty(fen())
  declare approvedFen: number;

  @ApiProperty(fen('Paid out, before clawbacks'))
  declare paidFen: number;

  @ApiProperty(fen('Approved but not yet confirmed paid'))
  declare outstandingFen: number;

  @ApiProperty(fen())
  declare clawedBackFen: number;

  @ApiProperty(fen())
  declare recoveredFen: number;

  @ApiProperty(fen())
  declare clawbackOutstandingFen: number;
}

export class PayerReportResponse extends FinanceFiguresResponse {
  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(PAYER_NAME)
  declare payerName: string;
}

export class ProgramReportResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty()
  declare title: string;

  @ApiProperty({ type: () => [PayerReportResponse] })
  declare payers: PayerReportResponse[];

  @ApiProperty({ type: () => FinanceFiguresResponse })
  declare totals: FinanceFiguresResponse;
}

export class BatchLineResponse {
  @ApiProperty({ type: 'integer' })
  declare lineNo: number;

  @ApiProperty({ format: 'uuid' })
  declare installmentId: string;

  @ApiProperty(fen())
  declare amountFen: number;

  @ApiProperty()
  declare payeeName: string;

  @ApiProperty()
  declare payeeUscc: string;

  @ApiProperty()
  declare bankName: string;

  @ApiProperty()
  declare accountNo: string;

  @ApiProperty()
  declare purpose: string;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty({ enum: ['pending', 'instructed', 'paid', 'failed', 'held_account_changed'], enumName: 'BatchLineStatus' })
  declare status: string;

  @ApiProperty({ type: String, nullable: true })
  declare bankReference: string | null;
}

export class BatchResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty()
  declare programTitle: string;

  @ApiProperty(PAYER)
  declare payer: string;

  @ApiProperty(PAYER_NAME)
  declare payerName: string;

  @ApiProperty({ enum: ['releasing', 'instructed', 'partially_confirmed', 'confirmed'], enumName: 'BatchStatus' })
  declare status: string;

  @ApiProperty(fen())
  declare totalFen: number;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;

  @ApiProperty({ type: () => [BatchLineResponse] })
  declare lines: BatchLineResponse[];
}

export class BatchListResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ type: () => [BatchResponse], description: 'Newest first; a district-level officer sees its own payer\'s only' })
  declare batches: BatchResponse[];
}

export class InstallmentDueResponse {
  @ApiProperty({ format: 'uuid' })
  declare installmentId: string;

  @ApiProperty({ enum: ['due'] })
  declare status: 'due';
}

export class RevenueSharingRatioResponse {
  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty({ example: '环翠区' })
  declare districtName: string;

  @ApiProperty({ type: 'integer', example: 40 })
  declare cityParts: number;

  @ApiProperty({ type: 'integer', example: 60 })
  declare districtParts: number;

  @ApiProperty({ description: 'The document that sets the ratio' })
  declare basis: string;

  @ApiProperty({ type: 'integer' })
  declare version: number;

  @ApiProperty({ format: 'uuid' })
  declare setBy: string;

  @ApiProperty({ format: 'date-time' })
  declare setAt: string;
}

export class RevenueSharingListResponse {
  @ApiProperty({ type: () => [RevenueSharingRatioResponse] })
  declare ratios: RevenueSharingRatioResponse[];
}

export class EvaluationListItemResponse {
  @ApiProperty({ format: 'uuid' })
  declare reportId: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'uuid' })
  declare awardId: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty()
  declare awardeeName: string;

  @ApiProperty()
  declare creditCode: string;

  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty()
  declare districtName: string;

  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ description: 'The item as the decision names it' })
  declare itemLabel: string;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty(fen())
  declare decidedFen: number;

  @ApiProperty(fen("Every payer's confirmed payments so far"))
  declare paidFen: number;

  @ApiProperty({ format: 'date' })
  declare paidOn: string;

  @ApiProperty({ format: 'date' })
  declare dueOn: string;

  @ApiProperty({ enum: ['due', 'overdue', 'received'], enumName: 'FundUseReportStatus' })
  declare status: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  declare receivedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  declare note: string | null;
}

export class EvaluationListResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty()
  declare title: string;

  @ApiProperty({ format: 'date', description: 'The date status is judged at' })
  declare asOf: string;

  @ApiProperty({ enum: ['due', 'overdue', 'received', 'all'], enumName: 'FundUseReportFilter' })
  declare status: string;

  @ApiProperty({ type: () => [EvaluationListItemResponse] })
  declare items: EvaluationListItemResponse[];
}

export class FundUseReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  declare reportId: string;

  @ApiProperty({ format: 'uuid' })
  declare awardId: string;

  @ApiProperty({ format: 'date' })
  declare dueOn: string;

  @ApiProperty({ format: 'date' })
  declare receivedOn: string;

  @ApiProperty({ format: 'uuid' })
  declare receivedBy: string;

  @ApiProperty({ type: String, nullable: true })
  declare note: string | null;
}
