import { REVIEW_STAGES, ReviewStage } from './application-status';

export type CombineMethod = 'mean' | 'median' | 'trimmed_mean' | 'min';

/** How a program reviews: stored as the program's `review` JSON, validated by the programs module's DTO. */
export interface ReviewSettings {
  stages: Record<ReviewStage, boolean>;
  /**
   * The order the stages run in, every one of the four exactly once (whether on or not); absent = REVIEW_STAGES
   * (formal check, district review, technical review, expert review). Set where the text fixes another order.
   */
  stageOrder?: ReviewStage[];
  /** Working days the program office has to complete the formal check (Huangpu: 5); null = no deadline. */
  formalCheckWorkingDays: number | null;
  /**
   * Working days the district pre-review, the technical review and the expert review each have from the day an
   * application arrives (no seed text sets one); absent = the product's default, 10 (review/stage-deadlines.ts). Changed
   * on a running call with PUT /programs/:id/stage-deadlines/:stage.
   */
  districtReviewWorkingDays?: number;
  technicalReviewWorkingDays?: number;
  expertReviewWorkingDays?: number;
  /** Working days an applicant has to make a correction before the application lapses. */
  correctionWorkingDays: number;
  panel: {
    size: number;
    quorum: number;
    /** Calendar days the experts have to score after the panel is drawn. */
    scoringDays: number;
    /** Reminder this many hours before the scoring deadline. */
    reminderHoursBefore: number;
    combine: CombineMethod;
    rubric: { criteria: Array<{ key: string; label: string; maxPoints: number }> };
  } | null;
  publicity: { days: number; unit: 'calendar' | 'working' };
  /** Organization kinds the city reviews directly instead of a district (e.g. city-level institutions). */
  cityReviewedKinds: string[];
}

/** The order a program runs its stages in: its own `stageOrder`, else REVIEW_STAGES. */
export function stageOrderOf(settings: Pick<ReviewSettings, 'stageOrder'>): readonly ReviewStage[] {
  return settings.stageOrder && settings.stageOrder.length === REVIEW_STAGES.length ? settings.stageOrder : REVIEW_STAGES;
}

const NONE: ReadonlySet<ReviewStage> = new Set();

/**
 * The status an application takes after leaving `from` (or after submission when `from` is null): the next stage in
 * the program's order that is on, is not the district review of an application the city reviews directly, and is not
 * in `skipped` (stages the policy text requires for other items only, e.g. Beijing's expert review of 标准制修订 items
 * for an application without one). A stage already passed is never revisited, so a correction, which returns to the
 * stage that asked for it, goes on from that stage.
 */
export function nextReviewStatus(
  settings: ReviewSettings,
  reviewLevel: 'district' | 'city',
  from: ReviewStage | null,
  skipped: ReadonlySet<ReviewStage> = NONE,
): ReviewStage | 'awaiting_decision' {
  const order = stageOrderOf(settings);
  const start = from === null ? 0 : order.indexOf(from) + 1;
  for (const stage of order.slice(start)) {
    if (!settings.stages[stage] || skipped.has(stage)) continue;
    if (stage === 'district_review' && reviewLevel === 'city') continue;
    return stage;
  }
  return 'awaiting_decision';
}
