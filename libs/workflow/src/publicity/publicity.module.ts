import { Module } from '@nestjs/common';
import { DecisionModule } from '../decision/decision.module';
import { PublicityController } from './http/publicity.controller';
import { PublicPublicityController } from './http/public-publicity.controller';
import { PublicityRedisCloser, publicityRedisProvider } from './flood/publicity-redis.provider';
import { ObjectionAddressLimitGuard } from './flood/objection-address-limit.guard';
import { ClosePublicityHandler } from './jobs/close-publicity.handler';
import { ObjectionDigestHandler } from './jobs/objection-digest.handler';
import { ProgramPublicized } from './program-publicized';
import { PublicPublicities } from './queries/public-publicities';
import { HandOverToFinance } from './use-cases/hand-over-to-finance';
import { OpenPublicity } from './use-cases/open-publicity';
import { ResolveObjection } from './use-cases/resolve-objection';
import { SubmitObjection } from './use-cases/submit-objection';

/** Publicity, objections and the hand-over to finance (docs/design/workflow.md); runs the publicity.close and publicity.objection-digest jobs. */
@Module({
  imports: [DecisionModule],
  controllers: [PublicityController, PublicPublicityController],
  providers: [
    ClosePublicityHandler,
    ObjectionDigestHandler,
    ProgramPublicized,
    PublicPublicities,
    OpenPublicity,
    SubmitObjection,
    ResolveObjection,
    HandOverToFinance,
    publicityRedisProvider,
    PublicityRedisCloser,
    ObjectionAddressLimitGuard,
  ],
})
export class PublicityModule {}
