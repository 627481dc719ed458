import { Module } from '@nestjs/common';
import { DecisionModule } from '../decision/decision.module';
import { PublicityController } from './http/publicity.controller';
import { PublicPublicityController } from './http/public-publicity.controller';
import { ClosePublicityHandler } from './jobs/close-publicity.handler';
import { ProgramPublicized } from './program-publicized';
import { PublicPublicities } from './queries/public-publicities';
import { HandOverToFinance } from './use-cases/hand-over-to-finance';
import { OpenPublicity } from './use-cases/open-publicity';
import { ResolveObjection } from './use-cases/resolve-objection';
import { SubmitObjection } from './use-cases/submit-objection';

/** Publicity, objections and the hand-over to finance (docs/design/workflow.md); runs the publicity.close job. */
@Module({
  imports: [DecisionModule],
  controllers: [PublicityController, PublicPublicityController],
  providers: [ClosePublicityHandler, ProgramPublicized, PublicPublicities, OpenPublicity, SubmitObjection, ResolveObjection, HandOverToFinance],
})
export class PublicityModule {}
