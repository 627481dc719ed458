/**
 * Where an application stands. Each review stage has a status meaning "waiting for that stage"; the program's review
 * settings decide which stages an application passes through (docs/design/workflow.md).
 */
export const APPLICATION_STATUSES = [
  'draft',
  'formal_check',
  'correction_requested',
  'district_review',
  'technical_review',
  'expert_review',
  'awaiting_decision',
  'decided',
  'in_publicity',
  'objection_review',
  'approved',
  'handed_over',
  'rejected',
  'lapsed',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * The review stages in the order most policy texts run them, and the order of a program that sets none. A program
 * whose text fixes another order (Weihai 第二十一条、第二十二条: district first, then the city's formal check) stores
 * its own `review.stageOrder`, so any review stage may be followed by any other; `nextReviewStatus` picks which.
 */
export const REVIEW_STAGES = ['formal_check', 'district_review', 'technical_review', 'expert_review'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const TERMINAL_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['handed_over', 'rejected', 'lapsed', 'withdrawn']);

/** Every move the workflow may make; anything else is refused before it touches the database. */
export const ALLOWED_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['formal_check', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision', 'withdrawn'],
  formal_check: ['correction_requested', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision', 'rejected', 'withdrawn'],
  correction_requested: ['formal_check', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision', 'lapsed', 'withdrawn'],
  district_review: ['correction_requested', 'formal_check', 'technical_review', 'expert_review', 'awaiting_decision', 'rejected', 'withdrawn'],
  technical_review: ['formal_check', 'district_review', 'expert_review', 'awaiting_decision', 'rejected', 'withdrawn'],
  expert_review: ['formal_check', 'district_review', 'technical_review', 'awaiting_decision', 'rejected', 'withdrawn'],
  awaiting_decision: ['decided', 'rejected'],
  decided: ['in_publicity', 'awaiting_decision', 'rejected'],
  in_publicity: ['objection_review', 'approved'],
  objection_review: ['in_publicity', 'approved', 'rejected', 'decided'],
  approved: ['handed_over'],
  handed_over: [],
  rejected: [],
  lapsed: [],
  withdrawn: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
