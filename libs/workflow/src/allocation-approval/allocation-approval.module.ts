import { Module } from '@nestjs/common';
import { AllocationApprovalController } from './http/allocation-approval.controller';
import { RecordAllocationApproval } from './use-cases/record-allocation-approval';

/**
 * The approval of a program's allocation by a higher authority where the policy requires one (procedure.allocationApproval,
 * e.g. Foshan 第十三条), recorded between publicity and hand-over; HandOverToFinance refuses without it.
 * ProgramPolicy comes from the global ProgramsModule.
 */
@Module({
  controllers: [AllocationApprovalController],
  providers: [RecordAllocationApproval],
})
export class AllocationApprovalModule {}
