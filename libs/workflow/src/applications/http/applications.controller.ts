import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Idempotent } from '@subsidy/idempotency';
import { Achievement } from '@subsidy/policy';
import { Actor } from '@subsidy/tenancy';
import { ApplicationRecord, ApplicationStatus } from '../../core';
import { ApplicationDetail, ApplicationQueries, ApplicationSummary } from '../use-cases/application-queries';
import { CreateApplication } from '../use-cases/create-application';
import { DeclareTruth } from '../use-cases/declare-truth';
import { EstimateAward, EstimateView } from '../use-cases/estimate-award';
import { ReplaceAchievements } from '../use-cases/replace-achievements';
import { SubmissionResult, SubmitApplication } from '../use-cases/submit-application';
import { WithdrawApplication } from '../use-cases/withdraw-application';
import { DeclarationDto } from './dto/declaration.dto';
import { APPLICATION_SORT, ListApplicationsQuery } from './dto/list-applications.query';
import { ReplaceAchievementsDto } from './dto/replace-achievements.dto';
import { WithdrawDto } from './dto/withdraw.dto';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { AchievementsReplacedDto, ApplicationDetailDto, ApplicationListDto, ApplicationRecordDto, ApplicationStatusResultDto, DeclarationResultDto, SubmissionResultDto } from './application-responses';
import { EstimateResponse } from '../../pricing/http/estimate.response';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly createApplication: CreateApplication,
    private readonly replaceAchievements: ReplaceAchievements,
    private readonly estimateAward: EstimateAward,
    private readonly declareTruth: DeclareTruth,
    private readonly submitApplication: SubmitApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly queries: ApplicationQueries,
  ) {}

  @Post('programs/:programId/applications')
  @Roles('applicant')
  @ApiOperation({ summary: "Start the organization's application to an open program (one per program; 409 application_exists)" })
  @ApiCreatedResponse({ type: ApplicationRecordDto })
  create(@CurrentActor() actor: Actor, @Param('programId', uuidParam('programId')) programId: string): Promise<ApplicationRecord> {
    return this.createApplication.execute({ actor, programId });
  }

  @Get('applications')
  @ApiOperation({
    summary:
      "Applications the caller may see: an applicant its organization's, district reviewers their district's, experts those they hold a panel seat on, technical reviewers those that reached technical review",
  })
  @ApiTotalCount('One page of the applications (default 100 a page, as before paging); X-Total-Count: all that match', ApplicationListDto)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListApplicationsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: ApplicationSummary[] }> {
    // The first page has always held 100; the older limit/offset still win when given.
    const window = query.limit !== undefined || query.offset !== undefined ? { limit: query.limit ?? 100, offset: query.offset ?? 0 } : pageWindow(query, 100);
    const page = await this.queries.page(actor, {
      programId: query.programId,
      status: query.status,
      districtCode: query.districtCode,
      q: query.q,
      orderBy: APPLICATION_SORT.orderBy(query.sort),
      ...window,
    });
    return { items: withTotalCount(response, page) };
  }

  @Get('applications/:id')
  @ApiOperation({ summary: 'One application with its achievements, evidence and review history (404 when out of an expert\'s or technical reviewer\'s reach)' })
  @ApiOkResponse({ type: ApplicationDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ApplicationDetail> {
    return this.queries.get(actor, id);
  }

  @Put('applications/:id/achievements')
  @Roles('applicant')
  @ApiOperation({ summary: 'Replace the claimed achievements (draft or correction requested); a rolling call refuses items it does not take (422 not_accepted_all_year)' })
  @ApiOkResponse({ type: AchievementsReplacedDto })
  achievements(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReplaceAchievementsDto,
  ): Promise<{ applicationId: string; achievements: Achievement[] }> {
    return this.replaceAchievements.execute({ actor, applicationId: id, achievements: body.achievements });
  }

  @Get('applications/:id/estimate')
  @ApiOperation({
    summary: 'What the policy would pay, with the articles and the explanation (trace) per item; for a rolling call limited to some items, rollingCall lists the items it takes',
  })
  @ApiOkResponse({
    type: EstimateResponse,
    description:
      'The estimate (applicationDate, programYear, policy, totalFen, items with reasons and trace) and earlierAwards: the organization\'s awards for the same things decided in its other applications of the tenant (any program and year), which the no-double-funding rules have applied',
  })
  estimate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<EstimateView> {
    return this.estimateAward.execute({ actor, applicationId: id });
  }

  @Post('applications/:id/declaration')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Declare the application true and complete (required before submitting)' })
  @ApiOkResponse({ type: DeclarationResultDto })
  declare(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: DeclarationDto,
  ): Promise<{ applicationId: string; declaredAt: string; declaredBy: string }> {
    return this.declareTruth.execute({ actor, applicationId: id, statement: body.statement });
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @Idempotent('application.submit')
  @ApiOperation({ summary: 'Submit (or resubmit after a correction); needs an Idempotency-Key header' })
  @ApiOkResponse({ type: SubmissionResultDto })
  submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<SubmissionResult> {
    return this.submitApplication.execute({ actor, applicationId: id });
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Withdraw the application (until a decision is being made)' })
  @ApiOkResponse({ type: ApplicationStatusResultDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: WithdrawDto,
  ): Promise<{ applicationId: string; status: ApplicationStatus }> {
    return this.withdrawApplication.execute({ actor, applicationId: id, reason: body.reason ?? null });
  }
}
