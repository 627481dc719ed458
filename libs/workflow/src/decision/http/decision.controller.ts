import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { decisionWorkbook } from '../queries/decision-workbook';
import { DecisionList, DecisionListQuery } from '../queries/decision-list';
import { DecidedApplication } from '../decision-recorder';
import { DecideApplication } from '../use-cases/decide-application';
import { DecideProgram, ProgramDecision } from '../use-cases/decide-program';
import { CorrectDecision, CorrectedDecision } from '../use-cases/correct-decision';
import { CorrectDecisionDto } from './correct-decision.dto';
import { DecideApplicationDto } from './decide-application.dto';
import { DecideProgramDto } from './decide-program.dto';
import { ApiFileResponse, ApiTotalCount, PageQuery, pageOfRows, uuidParam, withTotalCount } from '@subsidy/common';
import { CorrectedDecisionResponse, DecidedApplicationResponse, DecisionListResponse, ProgramDecisionResponse } from './decision-responses';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('decision')
@ApiBearerAuth()
@Controller()
@Roles('program_officer')
export class DecisionController {
  constructor(
    private readonly decideApplication: DecideApplication,
    private readonly decideProgram: DecideProgram,
    private readonly correctDecision: CorrectDecision,
    private readonly lists: DecisionListQuery,
  ) {}

  @Put('applications/:id/decision')
  @ApiOkResponse({ type: DecidedApplicationResponse })
  decide(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: DecideApplicationDto): Promise<DecidedApplication> {
    return this.decideApplication.execute(actor, { applicationId: id, items: body.items });
  }

  /** Until the program's publicity opens; 409 publicity_already_opened after. */
  @Post('applications/:id/decision/corrections')
  @HttpCode(200)
  @ApiOkResponse({ type: CorrectedDecisionResponse })
  correct(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: CorrectDecisionDto): Promise<CorrectedDecision> {
    return this.correctDecision.execute(actor, { applicationId: id, items: body.items, reason: body.reason.trim() });
  }

  @Post('programs/:id/decide')
  @HttpCode(200)
  @ApiOkResponse({ type: ProgramDecisionResponse })
  decideAll(@Param('id', uuidParam('id')) id: string, @Body() body: DecideProgramDto): Promise<ProgramDecision> {
    return this.decideProgram.execute({ programId: id, decideWhileOpen: body.decideWhileOpen, partialLast: body.partialLast });
  }

  @Get('programs/:id/decision-list')
  @ApiTotalCount('The decision list with one page of its decided applications (without page and pageSize: all of them); X-Total-Count: all of them')
  @ApiOkResponse({
    type: DecisionListResponse,
    description:
      'The decided applications with their items; an item for which the organization already had an award for the same thing (another application, any program and year) carries earlierAwards',
  })
  async decisionList(@Param('id', uuidParam('id')) id: string, @Query() query: PageQuery, @Res({ passthrough: true }) response: Response): Promise<DecisionList> {
    // The totals, the budget effect and the pending applications stay the program's; only the decided rows are paged.
    const list = await this.lists.decisionList(id);
    return { ...list, applications: withTotalCount(response, pageOfRows(list.applications, query)) };
  }

  @Get('programs/:id/decision-list.xlsx')
  @ApiProduces(XLSX)
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX)
  async decisionListXlsx(@Param('id', uuidParam('id')) id: string, @Res() response: Response): Promise<void> {
    const list = await this.lists.decisionList(id);
    const lines = list.applications
      .filter((a) => a.status !== 'rejected')
      .flatMap((a) =>
        // The spreadsheet is the list of awards: items decided at nothing are in the JSON list (with their reason) only.
        a.items.filter((item) => item.decidedFen > 0).map((item) => ({
          applicant: a.organization.name,
          creditCode: a.organization.uscc,
          district: a.district.name ?? a.district.code,
          item: item.label,
          article: item.article ?? '',
          amountFen: item.decidedFen,
        })),
      );
    const bytes = await decisionWorkbook(`${list.program.title}`, lines);
    response
      .status(200)
      .set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="decision-list-${list.program.id}.xlsx"` })
      .send(bytes);
  }
}
