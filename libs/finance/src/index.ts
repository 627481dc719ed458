/** @subsidy/finance: budget allocation of a decision (pure), the double-entry ledger, and the FinanceModule. */
export * from './allocation';
export * from './ledger';
export { SanctionStore } from './clawbacks/sanction-store';
export { readAllocationApproval, type AllocationApprovalReference } from './intake/approved-list';
export { splitDecidedAmount, financePayer, type SplitShare } from './intake/cost-shares';
export { payerFigures, type PayerReport, type ProgramReport } from './reports/program-report';
export { addMonths, FUND_USE_REPORT_MONTHS } from './evaluation/report-due-date';
export { reportStatus, type EvaluationList, type EvaluationListItem } from './evaluation/evaluation-list';
export { fenToYuan } from './payments/yuan';
export { applicationPayment, type ApplicationPayment, type ApplicationPaymentStatus } from './payments/application-payment';
export { FinanceModule } from './finance.module';
