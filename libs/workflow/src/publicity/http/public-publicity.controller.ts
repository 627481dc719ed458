import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@subsidy/auth';
import type { Response } from 'express';
import { uuidParam } from '@subsidy/common';
import { decisionWorkbook } from '../../decision/queries/decision-workbook';
import { PublicPublicities, PublicPublicity, PublicPublicitySummary } from '../queries/public-publicities';
import { ObjectionReceipt, SubmitObjection } from '../use-cases/submit-objection';
import { SubmitObjectionDto } from './submit-objection.dto';
import { TenantIdPipe } from './tenant-param';

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
  async list(@Param('tenantId', TenantIdPipe) tenantId: string): Promise<{ items: PublicPublicitySummary[] }> {
    return { items: await this.publicities.list(tenantId) };
  }

  @Get(':id')
  detail(@Param('tenantId', TenantIdPipe) tenantId: string, @Param('id', uuidParam('id')) id: string): Promise<PublicPublicity> {
    return this.publicities.detail(tenantId, id);
  }

  @Get(':id/list.xlsx')
  @ApiProduces(XLSX)
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
  object(@Param('tenantId', TenantIdPipe) tenantId: string, @Param('id', uuidParam('id')) id: string, @Body() body: SubmitObjectionDto): Promise<ObjectionReceipt> {
    return this.submitObjection.execute({ tenantId, publicityId: id, ...body });
  }
}
