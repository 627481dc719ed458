import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { RevenueSharingRatio, RevenueSharingStore } from '../revenue-sharing/revenue-sharing-store';
import { SetRevenueSharing } from '../revenue-sharing/set-revenue-sharing';
import { SetRevenueSharingDto } from './revenue-sharing.dto';
import { RevenueSharingListResponse, RevenueSharingRatioResponse } from './finance-responses';

/**
 * The city:district fiscal revenue-sharing ratio per district, by which finance splits the awards a policy shares
 * "按照现行财政收入分享比例" without stating the ratio (cost_share byRevenueSharing; Linyi 第六条).
 */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/revenue-sharing')
@Roles('finance_officer')
export class RevenueSharingController {
  constructor(
    private readonly setRatio: SetRevenueSharing,
    private readonly transactions: TenantTransactions,
  ) {}

  @Get()
  @ApiOperation({ summary: "Every district's recorded city:district revenue-sharing ratio" })
  @ApiOkResponse({ type: RevenueSharingListResponse })
  async list(): Promise<{ ratios: RevenueSharingRatio[] }> {
    return { ratios: await this.transactions.run((manager) => RevenueSharingStore.list(manager)) };
  }

  @Put(':districtCode')
  @ApiOperation({ summary: "Record a district's city:district revenue-sharing ratio (city finance)" })
  @ApiOkResponse({ type: RevenueSharingRatioResponse })
  set(@CurrentActor() actor: Actor, @Param('districtCode') districtCode: string, @Body() body: SetRevenueSharingDto): Promise<RevenueSharingRatio> {
    return this.setRatio.execute(actor, { districtCode, cityParts: body.cityParts, districtParts: body.districtParts, basis: body.basis });
  }
}
