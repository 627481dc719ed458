/**
 * The programs and applications screens' shapes: the API's own, generated from its OpenAPI document (api/types.ts).
 * Money: integer fen, shown only through format/money.ts.
 */
import type { ReviewStage } from '../../api/types';

export type {
  ApplicationDetail,
  ApplicationSummary,
  AuditTrailEntry,
  EarlierAward,
  EstimateItem,
  EstimateView,
  EvidenceView,
  PolicyVersion,
  ProcedureCitation,
  ProgramTemplate,
  ProgramView,
  ReviewHistoryEntry,
  ReviewSettings,
  ReviewStage,
  TraceEntry,
} from '../../api/types';

export const REVIEW_STAGES: readonly ReviewStage[] = ['formal_check', 'district_review', 'technical_review', 'expert_review'];
export type DeadlineStage = ReviewStage | 'correction';
export const DEADLINE_STAGES: readonly DeadlineStage[] = [...REVIEW_STAGES, 'correction'];
