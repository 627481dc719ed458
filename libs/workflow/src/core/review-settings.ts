import { REVIEW_STAGES, ReviewStage } from './application-status';

export type CombineMethod = 'mean' | 'median' | 'trimmed_mean' | 'min';

/** How a program reviews: stored as the program's `review` JSON, validated by the programs module's DTO. */
export interface ReviewSettings {
  stages: Record<ReviewStage, boolean>;
  /** Working days the program office has to complete the formal check (Huangpu: 5); null = no deadline. */
  formalCheckWorkingDays: number | null;
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

/** The status an application takes after leaving `from` (or after submission when `from` is null). */
export function nextReviewStatus(settings: ReviewSettings, reviewLevel: 'district' | 'city', from: ReviewStage | null): ReviewStage | 'awaiting_decision' {
  const start = from === null ? 0 : REVIEW_STAGES.indexOf(from) + 1;
  for (const stage of REVIEW_STAGES.slice(start)) {
    if (!settings.stages[stage]) continue;
    if (stage === 'district_review' && reviewLevel === 'city') continue;
    return stage;
  }
  return 'awaiting_decision';
}
