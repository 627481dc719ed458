import { Global, Module } from '@nestjs/common';
import { ApplicationTransitions } from './application-transitions';

@Global()
@Module({ providers: [ApplicationTransitions], exports: [ApplicationTransitions] })
export class WorkflowCoreModule {}
