import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { XLSX } from '../http/finance.controller';
import { uuidParam } from '../http/uuid-param';
import { EvaluationList, EvaluationLists } from './evaluation-list';
import { evaluationWorkbook } from './evaluation-workbook';
import { EvaluationListPageQueryDto, EvaluationListQueryDto, FundUseReceiptDto } from './evaluation.dto';
import { FundUseReceipt, RecordFundUseReceipt } from './record-receipt';
import { ApiFileResponse, ApiTotalCount, pageOfRows, withTotalCount } from '@subsidy/common';
import { EvaluationListResponse, FundUseReceiptResponse } from '../http/finance-responses';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance')
@Roles('finance_officer', 'program_officer')
export class EvaluationController {
  constructor(
    private readonly lists: EvaluationLists,
    private readonly receipts: RecordFundUseReceipt,
  ) {}

  @Get('programs/:id/evaluation-list')
  @ApiOperation({ summary: '绩效评价名单: awardees owing a use-of-funds report, due / overdue at dueBy (default CST today) or received' })
  @ApiTotalCount('The list with one page of its awardees (without page and pageSize: all of them); X-Total-Count: all that match')
  @ApiOkResponse({ type: EvaluationListResponse })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: EvaluationListPageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvaluationList> {
    const list = await this.lists.list(actor, id, { dueBy: query.dueBy, status: query.status });
    return { ...list, items: withTotalCount(response, pageOfRows(list.items, query)) };
  }

  @Get('programs/:id/evaluation-list.xlsx')
  @ApiProduces(XLSX)
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX)
  async listXlsx(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Query() query: EvaluationListQueryDto, @Res() response: Response): Promise<void> {
    const bytes = await evaluationWorkbook(await this.lists.list(actor, id, query));
    response.status(200).set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="evaluation-list-${id}.xlsx"` }).send(bytes);
  }

  @Post('fund-use-reports/:id/receipt')
  @HttpCode(200)
  @ApiOperation({ summary: "Record an awardee's use-of-funds report as received (once)" })
  @ApiOkResponse({ type: FundUseReceiptResponse })
  receipt(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: FundUseReceiptDto): Promise<FundUseReceipt> {
    return this.receipts.execute(actor, id, body);
  }
}
