import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@subsidy/auth';
import { CalcResult } from '@subsidy/policy';
import { CalculateAwards } from './calculate-awards';
import { CalcRequestDto, CalcResultDto } from './calc-contract.dto';

/**
 * The award calculation contract over HTTP (shared/domain/calc-contract.md). The body is validated by the engine
 * against the contract's JSON Schema, which names the JSON path of any bad field, so no DTO class repeats it here.
 */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('tenants/:tenantId/calculations')
export class CalculationsController {
  constructor(private readonly calculateAwards: CalculateAwards) {}

  @Post()
  @HttpCode(200)
  @Roles('program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer', 'platform_admin')
  @ApiOperation({ summary: 'Evaluate applicants and achievements under the tenant policy in force on applicationDate' })
  @ApiBody({ type: CalcRequestDto, description: 'Calculation request (calc-contract.md)' })
  @ApiOkResponse({ type: CalcResultDto, description: 'Calculation result with per-item trace, reasons and cost shares' })
  calculate(@Param('tenantId') tenantId: string, @Body() body: unknown): CalcResult {
    return this.calculateAwards.execute(tenantId, body);
  }
}
