/**
 * The answers of the programs and applications endpoints these screens read, as the API returns them
 * (libs/workflow/src/programs/program-view.ts, procedure-template.ts, applications/use-cases/application-queries.ts,
 * libs/policy/src/contract.ts). The OpenAPI document is gaining these response schemas (program-responses.ts,
 * application-responses.ts); until the generated client carries them, the screens read the bodies through these types.
 * Money: integer fen, shown only through format/money.ts.
 */

export type ReviewStage = 'formal_check' | 'district_review' | 'technical_review' | 'expert_review';
export const REVIEW_STAGES: readonly ReviewStage[] = ['formal_check', 'district_review', 'technical_review', 'expert_review'];
export type DeadlineStage = ReviewStage | 'correction';
export const DEADLINE_STAGES: readonly DeadlineStage[] = [...REVIEW_STAGES, 'correction'];

export interface ProcedureCitation {
  path: string;
  article: string;
  source: string;
  requirement: string;
}

export interface ReviewSettings {
  stages: Record<ReviewStage, boolean>;
  stageOrder?: ReviewStage[] | null;
  formalCheckWorkingDays: number | null;
  districtReviewWorkingDays?: number;
  technicalReviewWorkingDays?: number;
  expertReviewWorkingDays?: number;
  correctionWorkingDays: number;
  panel: {
    size: number;
    quorum: number;
    scoringDays: number;
    reminderHoursBefore: number;
    combine: string;
    rubric: { criteria: Array<{ key: string; label: string; maxPoints: number }> };
  } | null;
  publicity: { days: number; unit: 'calendar' | 'working' };
  cityReviewedKinds: string[];
}

export interface ProgramTemplate {
  policy: { id: string; title: string; effectiveFrom: string; effectiveTo: string | null };
  window: {
    kind: 'batch' | 'rolling';
    allowedKinds: Array<'batch' | 'rolling'>;
    earliestOpen: string;
    latestClose: string | null;
    months?: { from: string; to: string };
  };
  review: ReviewSettings;
  citations: ProcedureCitation[];
  defaults: Array<{ path: string; note: string }>;
}

export interface ProgramView {
  id: string;
  year: number;
  title: string;
  policyId: string;
  status: string;
  window: { kind: 'batch' | 'rolling'; opensAt: string; closesAt: string };
  call: { title: string; body: string; materials: Record<string, string[]>; receivingOffice?: string };
  review: ReviewSettings;
  budget: { totalFen: number; rule: 'pro_rata' | 'rank_order'; sources: Array<{ source: string; amountFen: number }> };
  version: number;
  procedure: { effectiveFrom: string; effectiveTo: string | null; citations: ProcedureCitation[] } | null;
}

export interface PolicyVersion {
  id: string;
  title: string;
  documentNo: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  inForce: boolean;
}

export interface ApplicationSummary {
  id: string;
  programId: string;
  organizationId: string;
  organizationName: string;
  districtCode: string;
  reviewLevel: 'district' | 'city';
  status: string;
  stageDueOn: string | null;
  estimateTotalFen: number | string | null;
  decidedTotalFen: number | string | null;
  rank: number | null;
  submittedAt: string | null;
  createdAt: string;
}

export interface EvidenceView {
  id: string;
  achievementId: string | null;
  material: string | null;
  mime: string;
  sizeBytes: number;
  originalName: string;
  uploadedAt: string;
}

export interface ReviewHistoryEntry {
  stage: string;
  outcome: string;
  reasons: unknown;
  missing: unknown;
  dueOn: string | null;
  actorId: string;
  actorRole: string | null;
  at: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  achievements: Array<Record<string, unknown> & { id: string; type: string }>;
  evidence: EvidenceView[];
  reviewHistory: ReviewHistoryEntry[];
  decision: Array<{ achievementId: string; article: string | null; basis: string; ceilingFen: number; decidedFen: number; reason: string | null }> | null;
  displayStatus: string;
}

export interface TraceEntry {
  rule: string;
  article: string;
  amountFen: number;
  source?: string;
  text: { zh: string; en: string };
}

export interface EstimateItem {
  achievementId: string;
  itemId: string | null;
  outcome: 'awarded' | 'rejected';
  amountFen: number;
  basis: 'fixed' | 'ceiling' | null;
  article: string | null;
  reasons: string[];
  trace: TraceEntry[];
}

export interface EarlierAward {
  achievementId: string;
  programTitle: string;
  programYear: number;
  decidedFen: number;
  applicationStatus: string;
}

export interface EstimateView {
  applicationDate: string;
  programYear: number;
  policy: { id: string; title: string };
  totalFen: number;
  items: EstimateItem[];
  earlierAwards: EarlierAward[];
}

/** GET /applications/:id/audit-trail: the application's audit records, oldest first. */
export interface AuditTrailEntry {
  seq: string;
  occurredAt: string;
  action: string;
  actorKind: string;
  actorRole: string | null;
  actorName: string | null;
  reason: string | null;
}
