import { unwrap } from '../../api/client';

/**
 * Shapes of the finance answers (libs/finance/src/http/finance-responses.ts). The OpenAPI document does not yet carry
 * these bodies, so they are written here; money is integer fen (JSON numbers, always safe integers).
 */
export interface ProgramSummary {
  id: string;
  year: number;
  title: string;
  status: string;
  budget: { totalFen: number; rule: string; sources: Array<{ source: string; amountFen: number }> };
}

export interface HandedOverBudget {
  programId: string;
  payer: string;
  payerName: string;
  handedOverFen: number;
  budgetFen: number;
  availableFen: number;
  changed?: boolean;
  reason?: string | null;
}

export interface ShareItem {
  shareId: string;
  awardId: string;
  applicationId: string;
  achievementId: string;
  itemLabel: string;
  organizationName: string;
  article: string | null;
  payer: string;
  payerName: string;
  amountFen: number;
  status: string;
  holdReason: string | null;
  installments: Array<{ installmentId: string; seq: number; condition: string; amountFen: number; status: string }>;
}

export interface BatchLine {
  lineNo: number;
  installmentId: string;
  amountFen: number;
  payeeName: string;
  payeeUscc: string;
  bankName: string;
  accountNo: string;
  purpose: string;
  article: string | null;
  status: string;
  bankReference: string | null;
}

export interface Batch {
  id: string;
  programId: string;
  programTitle: string;
  payer: string;
  payerName: string;
  status: string;
  totalFen: number;
  createdAt: string;
  lines: BatchLine[];
}

export interface FinanceFigures {
  budgetFen: number;
  availableFen: number;
  committedFen: number;
  approvedFen: number;
  paidFen: number;
  outstandingFen: number;
  clawedBackFen: number;
  recoveredFen: number;
  clawbackOutstandingFen: number;
}

export interface ProgramReport {
  programId: string;
  title: string;
  payers: Array<FinanceFigures & { payer: string; payerName: string }>;
  totals: FinanceFigures;
}

/** The body of a call whose answer the typed client does not describe yet. */
export function body<T>(outcome: { data?: unknown; error?: unknown; response: Response }): T {
  return unwrap(outcome) as unknown as T;
}

/** A list answer's rows ({ items } or a bare array) and the total from X-Total-Count. */
export function rowsOf<T>(outcome: { data?: unknown; error?: unknown; response: Response }): { rows: T[]; total: number } {
  const answer = unwrap(outcome) as unknown;
  const rows = (Array.isArray(answer) ? answer : ((answer as { items?: T[] } | undefined)?.items ?? [])) as T[];
  const header = outcome.response.headers.get('X-Total-Count');
  return { rows, total: header !== null && /^\d+$/.test(header) ? Number(header) : rows.length };
}

/** One key per user action on a money-moving endpoint: a retried request carries the same key, a new click a new one. */
export function idempotencyKey(): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': crypto.randomUUID() };
}

/**
 * Integer fen as a decimal string (from parseYuanToFen) → the JSON integer the API takes. Exact: refused beyond
 * Number.MAX_SAFE_INTEGER instead of rounding.
 */
export function fenForJson(fen: string): number | undefined {
  if (!/^\d+$/.test(fen) || BigInt(fen) > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(fen);
}
