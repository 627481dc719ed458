import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, PageQuery, pageOfRows, withTotalCount } from '@subsidy/common';
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
  @ApiTotalCount('One page of the ratios (without page and pageSize: all of them); X-Total-Count: all of them')
  @ApiOkResponse({ type: RevenueSharingListResponse })
  async list(@Query() query: PageQuery, @Res({ passthrough: true }) response: Response): Promise<{ ratios: RevenueSharingRatio[] }> {
    const ratios = await this.transactions.run((manager) => RevenueSharingStore.list(manager));
    return { ratios: withTotalCount(response, pageOfRows(ratios, query)) };
  }

  @Put(':districtCode')
  @ApiOperation({ summary: "Record a district's city:district revenue-sharing ratio (city finance)" })
  @ApiOkResponse({ type: RevenueSharingRatioResponse })
  set(@CurrentActor() actor: Actor, @Param('districtCode') districtCode: string, @Body() body: SetRevenueSharingDto): Promise<RevenueSharingRatio> {
    return this.setRatio.execute(actor, { districtCode, cityParts: body.cityParts, districtParts: body.districtParts, basis: body.basis });
  }
}
