import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
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
import { ListApplicationsQuery } from './dto/list-applications.query';
import { ReplaceAchievementsDto } from './dto/replace-achievements.dto';
import { WithdrawDto } from './dto/withdraw.dto';
import { EarlierAwardResponse } from '../../pricing/http/earlier-award.response';
import { uuidParam } from '@subsidy/common';

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
  create(@CurrentActor() actor: Actor, @Param('programId', uuidParam('programId')) programId: string): Promise<ApplicationRecord> {
    return this.createApplication.execute({ actor, programId });
  }

  @Get('applications')
  @ApiOperation({
    summary:
      "Applications the caller may see: an applicant its organization's, district reviewers their district's, experts those they hold a panel seat on, technical reviewers those that reached technical review",
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<{ items: ApplicationSummary[] }> {
    return this.queries.list(actor, { programId: query.programId, status: query.status, limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }

  @Get('applications/:id')
  @ApiOperation({ summary: 'One application with its achievements, evidence and review history (404 when out of an expert\'s or technical reviewer\'s reach)' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ApplicationDetail> {
    return this.queries.get(actor, id);
  }

  @Put('applications/:id/achievements')
  @Roles('applicant')
  @ApiOperation({ summary: 'Replace the claimed achievements (draft or correction requested); a rolling call refuses items it does not take (422 not_accepted_all_year)' })
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
  @ApiExtraModels(EarlierAwardResponse)
  @ApiOkResponse({
    description:
      'The estimate (applicationDate, programYear, policy, totalFen, items with reasons and trace) and earlierAwards: the organization\'s awards for the same things decided in its other applications of the tenant (any program and year), which the no-double-funding rules have applied',
    schema: {
      type: 'object',
      additionalProperties: true,
      properties: { earlierAwards: { type: 'array', items: { $ref: getSchemaPath(EarlierAwardResponse) } } },
    },
  })
  estimate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<EstimateView> {
    return this.estimateAward.execute({ actor, applicationId: id });
  }

  @Post('applications/:id/declaration')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Declare the application true and complete (required before submitting)' })
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
  submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<SubmissionResult> {
    return this.submitApplication.execute({ actor, applicationId: id });
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Withdraw the application (until a decision is being made)' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: WithdrawDto,
  ): Promise<{ applicationId: string; status: ApplicationStatus }> {
    return this.withdrawApplication.execute({ actor, applicationId: id, reason: body.reason ?? null });
  }
}
