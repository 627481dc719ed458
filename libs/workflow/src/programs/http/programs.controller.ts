import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { CancelProgramDto, ProgramDto } from '../dto/program.dto';
import { ProgramTemplateQuery } from '../dto/program-template.query';
import { toProgramInput } from '../dto/to-program-input';
import { ProgramTemplate } from '../procedure-template';
import { ProgramView } from '../program-view';
import { CancelProgram } from '../use-cases/cancel-program';
import { CreateProgram } from '../use-cases/create-program';
import { GetProgram } from '../use-cases/get-program';
import { GetProgramTemplate } from '../use-cases/get-program-template';
import { ListPrograms } from '../use-cases/list-programs';
import { ScheduleProgram } from '../use-cases/schedule-program';
import { UpdateProgram } from '../use-cases/update-program';
import { ChangeWindowDto, CloseEarlyDto, deadlineStageParam, ReopenDto, StageDeadlineDto } from '../dto/running-call.dto';
import { ChangeProgramWindow } from '../running-call/change-program-window';
import { ChangeStageDeadline, DEADLINE_STAGES, DeadlineStage } from '../running-call/change-stage-deadline';
import { CloseProgramEarly } from '../running-call/close-program-early';
import { ReopenProgram } from '../running-call/reopen-program';
import { parseInstant } from '@subsidy/calendar';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { ListProgramsQuery, PROGRAM_SORT } from '../dto/list-programs.query';
import { ProgramDetailDto, ProgramListDto, ProgramTemplateDto, ProgramViewDto } from './program-responses';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly createProgram: CreateProgram,
    private readonly updateProgram: UpdateProgram,
    private readonly scheduleProgram: ScheduleProgram,
    private readonly cancelProgram: CancelProgram,
    private readonly listPrograms: ListPrograms,
    private readonly getProgram: GetProgram,
    private readonly getProgramTemplate: GetProgramTemplate,
    private readonly changeProgramWindow: ChangeProgramWindow,
    private readonly closeProgramEarly: CloseProgramEarly,
    private readonly reopenProgram: ReopenProgram,
    private readonly changeStageDeadline: ChangeStageDeadline,
  ) {}

  @Post()
  @Roles('program_officer')
  @ApiOperation({ summary: 'Draft a program: policy version, window, call, review settings and budget' })
  @ApiUnprocessableEntityResponse({ description: 'contradicts_policy: the window lies outside the policy validity, or a setting contradicts its text' })
  @ApiCreatedResponse({ type: ProgramViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: ProgramDto): Promise<ProgramView> {
    return this.createProgram.execute({ actor, input: toProgramInput(body) });
  }

  // Declared before :id so that "template" is never taken for a program id.
  @Get('template')
  @Roles('program_officer')
  @ApiOperation({ summary: "A program configuration drawn from a policy version's text: validity, allowed calls, review settings with articles" })
  @ApiOkResponse({ type: ProgramTemplateDto })
  template(@Query() query: ProgramTemplateQuery): ProgramTemplate {
    return this.getProgramTemplate.execute(query.policyId);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's programs (applicants: announced ones only)" })
  @ApiTotalCount("One page of the tenant's programs; X-Total-Count: all that match", ProgramListDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListProgramsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ProgramView[] }> {
    const page = await this.listPrograms.page(actor, { status: query.status, year: query.year, q: query.q, orderBy: PROGRAM_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ProgramView> {
    return this.getProgram.execute(actor, id);
  }

  @Put(':id')
  @Roles('program_officer')
  @ApiOperation({ summary: "Replace a draft program's configuration" })
  @ApiUnprocessableEntityResponse({ description: 'contradicts_policy: the window lies outside the policy validity, or a setting contradicts its text' })
  @ApiConflictResponse({ description: 'invalid_state: the program is no longer a draft' })
  @ApiOkResponse({ type: ProgramViewDto })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: ProgramDto): Promise<ProgramView> {
    return this.updateProgram.execute({ programId: id, input: toProgramInput(body) });
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Announce a draft: it opens at window.opensAt and closes at window.closesAt' })
  @ApiConflictResponse({ description: 'invalid_state, policy_version_changed' })
  @ApiOkResponse({ type: ProgramViewDto })
  schedule(@Param('id', uuidParam('id')) id: string): Promise<ProgramView> {
    return this.scheduleProgram.execute({ programId: id });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Cancel a draft, scheduled or open program (not once applications were submitted)' })
  @ApiConflictResponse({ description: 'invalid_state' })
  @ApiOkResponse({ type: ProgramViewDto })
  cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CancelProgramDto): Promise<ProgramView> {
    return this.cancelProgram.execute({ programId: id, reason: body.reason });
  }

  @Post(':id/window')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Extend (延期) or shorten the window of a scheduled or open call, with a reason; the close job follows the new closing time' })
  @ApiConflictResponse({ description: 'invalid_state: not scheduled or open' })
  @ApiUnprocessableEntityResponse({ description: "contradicts_policy: the new window lies outside the text's validity or application window" })
  @ApiOkResponse({ type: ProgramViewDto })
  changeWindow(@Param('id', uuidParam('id')) id: string, @Body() body: ChangeWindowDto): Promise<ProgramView> {
    return this.changeProgramWindow.execute({
      programId: id,
      opensAt: body.opensAt === undefined ? undefined : parseInstant(body.opensAt),
      closesAt: parseInstant(body.closesAt),
      reason: body.reason,
    });
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Close an open call now, before its closing time, with a reason' })
  @ApiConflictResponse({ description: 'invalid_state: not open' })
  @ApiOkResponse({ type: ProgramViewDto })
  closeEarly(@Param('id', uuidParam('id')) id: string, @Body() body: CloseEarlyDto): Promise<ProgramView> {
    return this.closeProgramEarly.execute({ programId: id, reason: body.reason });
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Reopen a closed (undecided) call until closesAt, with a reason: drafts may be completed and submitted again' })
  @ApiConflictResponse({ description: 'invalid_state: not closed' })
  @ApiUnprocessableEntityResponse({ description: "contradicts_policy: closesAt lies outside the text's validity or application window" })
  @ApiOkResponse({ type: ProgramViewDto })
  reopen(@Param('id', uuidParam('id')) id: string, @Body() body: ReopenDto): Promise<ProgramView> {
    return this.reopenProgram.execute({ programId: id, closesAt: parseInstant(body.closesAt), reason: body.reason });
  }

  @Put(':id/stage-deadlines/:stage')
  @Roles('program_officer')
  @ApiOperation({
    summary: "Change a stage's deadline in working days, with a reason: for applications entering it from now on, and for a review stage also the due dates running in it (re-scheduling their reminder and escalation)",
  })
  @ApiParam({
    name: 'stage',
    enum: DEADLINE_STAGES,
    description: "formal_check, district_review, technical_review, expert_review: the review stage's deadline; correction: the applicant's correction period",
  })
  @ApiConflictResponse({ description: 'invalid_state: a draft, cancelled or handed-over program' })
  @ApiUnprocessableEntityResponse({ description: "contradicts_policy: beyond the text's formal-check days or below its correction days" })
  @ApiOkResponse({ type: ProgramViewDto })
  stageDeadline(
    @Param('id', uuidParam('id')) id: string,
    @Param('stage', deadlineStageParam()) stage: DeadlineStage,
    @Body() body: StageDeadlineDto,
  ): Promise<ProgramView> {
    return this.changeStageDeadline.execute({ programId: id, stage, workingDays: body.workingDays, reason: body.reason });
  }
}
