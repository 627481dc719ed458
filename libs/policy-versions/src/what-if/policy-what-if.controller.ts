import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@subsidy/auth';
import { uuidParam } from '@subsidy/common';
import { RunPolicyWhatIf } from './run-policy-what-if';
import { WhatIfReportDto, WhatIfRequestDto } from './what-if.dto';
import { whatIfScopeError } from './what-if-errors';

@ApiTags('policy-versions')
@ApiBearerAuth()
@Controller('policy-versions')
@Roles('program_officer')
export class PolicyWhatIfController {
  constructor(private readonly runWhatIf: RunPolicyWhatIf) {}

  /** A POST because it takes a body and computes; it changes nothing (no record, no audit). */
  @Post(':id/what-if')
  @HttpCode(200)
  @ApiOperation({
    summary: "Compares a policy version (typically a draft) with the versions in force over the tenant's real applications of one program or one year: per item, per applicant, in total and against the budget. Changes nothing.",
  })
  @ApiOkResponse({ type: WhatIfReportDto })
  whatIf(@Param('id', uuidParam('id')) id: string, @Body() body: WhatIfRequestDto): Promise<WhatIfReportDto> {
    const given = { programId: body.programId !== undefined, year: body.year !== undefined };
    if (given.programId === given.year) throw whatIfScopeError(given);
    return this.runWhatIf.execute(id, body.programId !== undefined ? { programId: body.programId } : { year: body.year as number });
  }
}
