import { Module } from '@nestjs/common';
import { PricingModule } from '../pricing/pricing.module';
import { DecisionController } from './http/decision.controller';
import { DecisionListQuery } from './queries/decision-list';
import { DecideApplication } from './use-cases/decide-application';
import { DecideProgram } from './use-cases/decide-program';
import { CorrectDecision } from './use-cases/correct-decision';
import { DecisionRecorder } from './decision-recorder';

/** Decision: each application's amounts within the policy ceilings, then the program's budget rule (docs/design/workflow.md). */
@Module({
  imports: [PricingModule],
  controllers: [DecisionController],
  providers: [DecisionRecorder, DecideApplication, CorrectDecision, DecideProgram, DecisionListQuery],
  exports: [DecisionListQuery],
})
export class DecisionModule {}
