import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { uuidParam } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { AllocationApprovalRecord } from '../allocation-approval-record';
import { RecordAllocationApproval } from '../use-cases/record-allocation-approval';
import { RecordAllocationApprovalDto } from './record-allocation-approval.dto';
import { AllocationApprovalResponse } from '../../decision/http/decision-responses';

@ApiTags('publicity')
@ApiBearerAuth()
@Controller()
@Roles('program_officer')
export class AllocationApprovalController {
  constructor(private readonly recordApproval: RecordAllocationApproval) {}

  /** The higher authority's approval of the allocation, between publicity and hand-over (e.g. Foshan 第十三条). */
  @Post('programs/:id/allocation-approval')
  @ApiCreatedResponse({ type: AllocationApprovalResponse })
  record(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: RecordAllocationApprovalDto): Promise<AllocationApprovalRecord> {
    return this.recordApproval.execute(actor, { programId: id, ...body });
  }
}
