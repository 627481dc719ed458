import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Idempotent } from '@subsidy/idempotency';
import { Actor } from '@subsidy/tenancy';
import { ClawbackView, RecordClawback } from '../clawbacks/record-clawback';
import { RecordRecovery, RecoveryResult } from '../clawbacks/record-recovery';
import { RecordClawbackDto, RecoveryDto } from './finance.dto';
import { uuidParam } from './uuid-param';
import { ClawbackResponse, RecoveryResponse } from './finance-responses';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/clawbacks')
export class ClawbacksController {
  constructor(
    private readonly recordClawback: RecordClawback,
    private readonly recordRecovery: RecordRecovery,
  ) {}

  @Post()
  @Roles('program_officer')
  @Idempotent('finance.clawback.record')
  @ApiOperation({ summary: 'Claim money back from an application (fraud, misuse, unfinished contract); needs an Idempotency-Key' })
  @ApiCreatedResponse({ type: ClawbackResponse })
  record(@CurrentActor() actor: Actor, @Body() body: RecordClawbackDto): Promise<ClawbackView> {
    return this.recordClawback.execute(actor, body);
  }

  @Post(':id/recoveries')
  @Roles('finance_officer')
  @Idempotent('finance.clawback.recovery')
  @ApiOperation({ summary: 'Money claimed back arrived at a payer; needs an Idempotency-Key' })
  @ApiCreatedResponse({ type: RecoveryResponse })
  recover(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: RecoveryDto): Promise<RecoveryResult> {
    return this.recordRecovery.execute(actor, id, body.payer, body.amountFen);
  }
}
