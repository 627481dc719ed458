import { Body, Controller, Get, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@subsidy/auth';
import type { Response } from 'express';
import { ApiFileResponse, ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { ListPublicPublicitiesQuery, PUBLIC_PUBLICITY_SORT } from './list-public-publicities.query';
import { decisionWorkbook } from '../../decision/queries/decision-workbook';
import { PublicPublicities, PublicPublicity, PublicPublicitySummary } from '../queries/public-publicities';
import { ObjectionReceipt, SubmitObjection } from '../use-cases/submit-objection';
import { ObjectionAddressLimitGuard } from '../flood/objection-address-limit.guard';
import { SubmitObjectionDto } from './submit-objection.dto';
import { TenantIdPipe } from './tenant-param';
import { ObjectionReceiptResponse, PublicPublicityListResponse, PublicPublicityResponse } from './publicity-responses';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What anyone may see and do during a publicity, without signing in; the tenant comes from the path. */
@ApiTags('public')
@Public()
@Controller('public/tenants/:tenantId/publicities')
export class PublicPublicityController {
  constructor(
    private readonly publicities: PublicPublicities,
    private readonly submitObjection: SubmitObjection,
  ) {}

  @Get()
  @ApiTotalCount('One page of the publicities that have begun; X-Total-Count: all that match', PublicPublicityListResponse)
  async list(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: ListPublicPublicitiesQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: PublicPublicitySummary[] }> {
    const page = await this.publicities.page(tenantId, { status: query.status, year: query.year, q: query.q, orderBy: PUBLIC_PUBLICITY_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Get(':id')
  @ApiOkResponse({ type: PublicPublicityResponse })
  detail(@Param('tenantId', TenantIdPipe) tenantId: string, @Param('id', uuidParam('id')) id: string): Promise<PublicPublicity> {
    return this.publicities.detail(tenantId, id);
  }

  @Get(':id/list.xlsx')
  @ApiProduces(XLSX)
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX)
  async workbook(@Param('tenantId', TenantIdPipe) tenantId: string, @Param('id', uuidParam('id')) id: string, @Res() response: Response): Promise<void> {
    const publicity = await this.publicities.detail(tenantId, id);
    const lines = publicity.awards.flatMap((award) =>
      award.items.map((item) => ({
        applicant: award.applicantName,
        creditCode: award.creditCode,
        district: award.district ?? '',
        item: item.item,
        article: item.article ?? '',
        amountFen: item.amountFen,
      })),
    );
    const bytes = await decisionWorkbook(publicity.programTitle, lines);
    response.status(200).set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="publicity-${publicity.id}.xlsx"` }).send(bytes);
  }

  @Post(':id/objections')
  @UseGuards(ObjectionAddressLimitGuard)
  @ApiCreatedResponse({ type: ObjectionReceiptResponse, description: 'The objection is recorded; keep the reference (`repeated: false`)' })
  @ApiOkResponse({ type: ObjectionReceiptResponse, description: 'This contact already objected to this award in this publicity: the first reference (`repeated: true`); nothing new is recorded' })
  @ApiResponse({ status: 409, description: '`objection_already_resolved` (this contact\'s objection to the award was answered), `too_many_open_objections`, `publicity_closed`' })
  @ApiResponse({ status: 429, description: '`objection_rate_limited`: too many objections from this address; see Retry-After' })
  async object(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SubmitObjectionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ObjectionReceipt> {
    const receipt = await this.submitObjection.execute({ tenantId, publicityId: id, ...body });
    if (receipt.repeated) response.status(200);
    return receipt;
  }
}
