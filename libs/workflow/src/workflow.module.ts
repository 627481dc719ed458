import { Module } from '@nestjs/common';
import { NotificationsModule } from '@subsidy/notifications';
import { WorkflowCoreModule } from './core';
import { AllocationApprovalModule } from './allocation-approval/allocation-approval.module';
import { ApplicationsModule } from './applications/applications.module';
import { DecisionModule } from './decision/decision.module';
import { ProgramsModule } from './programs/programs.module';
import { PublicityModule } from './publicity/publicity.module';
import { ReviewModule } from './review/review.module';
import { WorkbenchModule } from './workbench/workbench.module';

/** Programs and applications from call to hand-over; the API serves its controllers, the worker runs its job handlers. */
@Module({
  imports: [WorkflowCoreModule, NotificationsModule, ProgramsModule, ApplicationsModule, ReviewModule, DecisionModule, PublicityModule, AllocationApprovalModule, WorkbenchModule],
})
export class WorkflowModule {}
