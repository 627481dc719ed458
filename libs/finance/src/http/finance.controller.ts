import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Idempotent } from '@subsidy/idempotency';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { ApprovalResult, ApproveShares } from '../approval/approve-shares';
import { ShareList, ShareListItem } from '../approval/share-list';
import { BudgetView, SetBudget } from '../budgets/set-budget';
import { ConfirmedBudget, ConfirmHandedOverBudget } from '../budgets/confirm-handed-over-budget';
import { HandedOverBudgets, HandedOverBudgetView } from '../budgets/handed-over-budget';
import { IntakeResult, TakeInProgram } from '../intake/take-in-program';
import { ProgramReport, ProgramReports } from '../reports/program-report';
import { reportWorkbook } from '../reports/report-workbook';
import { ApproveSharesDto, ConfirmHandedOverBudgetDto, SetBudgetDto } from './finance.dto';
import { uuidParam } from './uuid-param';
import { ApiFileResponse, ApiTotalCount, PageQuery, pageOfRows, withTotalCount } from '@subsidy/common';
import { ApprovalResponse, BudgetResponse, ConfirmedBudgetResponse, HandedOverBudgetResponse, IntakeResponse, ProgramReportResponse, ShareListResponse } from './finance-responses';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/programs/:id')
@Roles('finance_officer')
export class FinanceProgramsController {
  constructor(
    private readonly setBudget: SetBudget,
    private readonly handedOverBudgets: HandedOverBudgets,
    private readonly confirmHandedOverBudget: ConfirmHandedOverBudget,
    private readonly takeIn: TakeInProgram,
    private readonly shareList: ShareList,
    private readonly approveShares: ApproveShares,
    private readonly reports: ProgramReports,
  ) {}

  @Put('budget')
  @Idempotent('finance.budget.set')
  @ApiOperation({ summary: "Set a payer's budget for the program (the ledger posts the difference); needs an Idempotency-Key" })
  @ApiOkResponse({ type: BudgetResponse })
  budget(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: SetBudgetDto): Promise<BudgetView> {
    return this.setBudget.execute(actor, { programId: id, payer: body.payer, amountFen: body.amountFen });
  }

  @Get('budget/handed-over')
  @ApiOperation({ summary: 'The program budget the program office handed over, to confirm as the city budget (city finance)' })
  @ApiOkResponse({ type: HandedOverBudgetResponse })
  handedOverBudget(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandedOverBudgetView> {
    return this.handedOverBudgets.view(actor, id);
  }

  @Put('budget/handed-over')
  @Idempotent('finance.budget.handed-over')
  @ApiOperation({ summary: 'Confirm the handed-over budget as the city budget, or set another figure with a reason (422 naming reason); needs an Idempotency-Key' })
  @ApiOkResponse({ type: ConfirmedBudgetResponse })
  confirmBudget(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ConfirmHandedOverBudgetDto): Promise<ConfirmedBudget> {
    return this.confirmHandedOverBudget.execute(actor, { programId: id, amountFen: body.amountFen, reason: body.reason });
  }

  @Post('intake')
  @HttpCode(200)
  @Idempotent('finance.intake')
  @ApiOperation({ summary: 'Take a handed-over program in: awards, cost shares, commitments (city finance); needs an Idempotency-Key' })
  @ApiOkResponse({ type: IntakeResponse })
  intake(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<IntakeResult> {
    return this.takeIn.execute(actor, id);
  }

  @Get('shares')
  @ApiTotalCount('One page of the program\'s payer shares (without page and pageSize: all of them); X-Total-Count: all of them')
  @ApiOkResponse({ type: ShareListResponse })
  async shares(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ programId: string; shares: ShareListItem[] }> {
    const list = await this.shareList.list(actor, id);
    return { ...list, shares: withTotalCount(response, pageOfRows(list.shares, query)) };
  }

  @Post('approvals')
  @HttpCode(200)
  @Idempotent('finance.approvals')
  @ApiOperation({ summary: "Approve, hold or release a payer's shares; needs an Idempotency-Key" })
  @ApiOkResponse({ type: ApprovalResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ApproveSharesDto): Promise<ApprovalResult> {
    return this.approveShares.execute(actor, { programId: id, payer: body.payer, all: body.all, items: body.items });
  }

  @Get('report')
  @ApiOkResponse({ type: ProgramReportResponse })
  report(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ProgramReport> {
    return this.reports.report(actor, id);
  }

  @Get('report.xlsx')
  @ApiProduces(XLSX)
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX)
  async reportXlsx(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Res() response: Response): Promise<void> {
    const bytes = await reportWorkbook(await this.reports.report(actor, id));
    response.status(200).set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="finance-report-${id}.xlsx"` }).send(bytes);
  }
}
