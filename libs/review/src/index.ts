/** @subsidy/review: expert panel draws, combining experts' amounts and scores, and scoring rubrics. Pure library. */
export { ReviewError, PanelPoolExhaustedError, type ReviewErrorCode, type ReviewErrorDetail } from './review-error';
export { SeededRandom } from './seeded-random';
export type { Expert, PanelExclusion, ExclusionReason, ExcludedExpert, ExclusionGrounds, ExclusionRuleCitation } from './expert';
export { drawPanel, topUpPanel, screenExperts, mergeGrounds, PANEL_DRAW_ALGORITHM, type PanelDraw, type DrawPanelInput, type TopUpInput } from './panel-draw';
export { combineExpertAmounts, combineScores, type CombineMethod } from './combine';
export {
  validateRubric,
  validateScoreSheet,
  scoreSheetTotal,
  rubricMaxTotal,
  type Rubric,
  type RubricCriterion,
  type ScoreSheet,
  type FieldError,
} from './rubric';
