import type { Schemas } from '../../api/types';

/**
 * Shapes of the finance answers: the API's own, generated from its OpenAPI document (api/types.ts). Money is integer
 * fen (JSON numbers, always safe integers).
 */
export type ProgramSummary = Schemas['ProgramViewDto'];
export type HandedOverBudget = Schemas['HandedOverBudgetResponse'];
export type ShareItem = Schemas['ShareListItemResponse'];
export type BatchLine = Schemas['BatchLineResponse'];
export type Batch = Schemas['BatchResponse'];
export type FinanceFigures = Schemas['FinanceFiguresResponse'];
export type ProgramReport = Schemas['ProgramReportResponse'];
export type ClawbackItem = Schemas['ClawbackListItemResponse'];

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
