import { Module } from '@nestjs/common';
import { PricingModule } from '../pricing/pricing.module';
import { CorrectionRequests } from './correction-requests';
import { BulkReassignController } from './http/bulk-reassign.controller';
import { BulkReassignReview } from './use-cases/bulk-reassign-review';
import { DeclareNoConflict } from './use-cases/declare-no-conflict';
import { ExpertPanelController } from './http/expert-panel.controller';
import { ExpertsController } from './http/experts.controller';
import { ReviewersController } from './http/reviewers.controller';
import { ReviewStagesController } from './http/review-stages.controller';
import { CorrectionLapseHandler } from './jobs/correction-lapse.handler';
import { FormalCheckDeadlineHandler } from './jobs/formal-check-deadline.handler';
import { PanelDeadlineHandler } from './jobs/panel-deadline.handler';
import { PanelReminderHandler } from './jobs/panel-reminder.handler';
import { PanelYearRescreenHandler } from './jobs/panel-year-rescreen.handler';
import { StageOverdueHandler } from './jobs/stage-overdue.handler';
import { StageReminderHandler } from './jobs/stage-reminder.handler';
import { PanelSchedule } from './panel/panel-schedule';
import { PanelTopUps } from './panel/panel-top-ups';
import { ReviewRoute } from './review-route';
import { CompleteExpertReview } from './use-cases/complete-expert-review';
import { CompleteTechnicalReview } from './use-cases/complete-technical-review';
import { DeclareConflict } from './use-cases/declare-conflict';
import { DistrictReview } from './use-cases/district-review';
import { DrawExpertPanel } from './use-cases/draw-expert-panel';
import { FormalCheck } from './use-cases/formal-check';
import { ExpertProfiles } from './use-cases/manage-expert-profiles';
import { PanelQueries } from './use-cases/panel-queries';
import { ReassignReview } from './use-cases/reassign-review';
import { RecordTechnicalOpinion } from './use-cases/record-technical-opinion';
import { ScoreApplication } from './use-cases/score-application';

/**
 * Review stages (docs/design/workflow.md): formal check, district pre-review, technical review and the expert panel,
 * with the deadline jobs they schedule. The API serves the controllers; the worker runs the job handlers.
 */
@Module({
  imports: [PricingModule],
  controllers: [BulkReassignController, ReviewStagesController, ExpertPanelController, ExpertsController, ReviewersController],
  providers: [
    CorrectionLapseHandler,
    FormalCheckDeadlineHandler,
    PanelReminderHandler,
    PanelDeadlineHandler,
    PanelYearRescreenHandler,
    StageReminderHandler,
    StageOverdueHandler,
    CorrectionRequests,
    ReviewRoute,
    PanelSchedule,
    PanelTopUps,
    FormalCheck,
    DistrictReview,
    RecordTechnicalOpinion,
    CompleteTechnicalReview,
    ExpertProfiles,
    DrawExpertPanel,
    DeclareConflict,
    ScoreApplication,
    CompleteExpertReview,
    PanelQueries,
    ReassignReview,
    BulkReassignReview,
    DeclareNoConflict,
  ],
})
export class ReviewModule {}
