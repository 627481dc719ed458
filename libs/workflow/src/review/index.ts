export * from './review.module';
export { buildPanelExclusion, type ExclusionPlan, type ExclusionSources } from './panel/panel-exclusion';
export { topUpAsFarAsPossible, type TopUpOutcome } from './panel/top-up';
export { combinePanel, type CombinedItem, type PanelResult } from './panel/combine-panel';
export { panelSeed } from './use-cases/draw-expert-panel';
export { CorrectionLapseHandler } from './jobs/correction-lapse.handler';
export { FormalCheckDeadlineHandler } from './jobs/formal-check-deadline.handler';
export { PanelReminderHandler } from './jobs/panel-reminder.handler';
export { PanelDeadlineHandler } from './jobs/panel-deadline.handler';
