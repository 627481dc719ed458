import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import type { CaseRun } from './case-run';
import { CreatePolicyVersionDto, ListPolicyVersionsQuery, POLICY_VERSION_SORT, PolicyVersionStepDto, ReturnPolicyVersionDto, UpdatePolicyVersionDto, ValidatePolicyTextDto } from './dto/requests.dto';
import { CaseRunDto, PolicyValidationDto, PolicyVersionDetailDto, PolicyVersionPageDto, PolicyVersionsOverviewDto } from './dto/responses.dto';
import { ApproveVersion } from './use-cases/approve-version';
import { CreateDraft } from './use-cases/create-draft';
import { GetOverview, type PolicyVersionsOverview } from './use-cases/get-overview';
import { GetVersion } from './use-cases/get-version';
import { ListVersions } from './use-cases/list-versions';
import { ReturnVersion } from './use-cases/return-version';
import { RunDraftCases } from './use-cases/run-draft-cases';
import { SubmitVersion } from './use-cases/submit-version';
import { UpdateDraft } from './use-cases/update-draft';
import { ValidateText } from './use-cases/validate-text';
import type { PolicyVersionDetail, PolicyVersionSummary, ValidationView } from './version-view';

/**
 * Officers draft, test and publish their tenant's policy versions (issue 11). Program officers do everything; the
 * tenant administrator may read. Publication takes four eyes: the author submits, another officer approves or returns.
 */
@ApiTags('policy-versions')
@ApiBearerAuth()
@Controller('policy-versions')
export class PolicyVersionsController {
  constructor(
    private readonly listVersions: ListVersions,
    private readonly getVersion: GetVersion,
    private readonly createDraft: CreateDraft,
    private readonly updateDraft: UpdateDraft,
    private readonly validateText: ValidateText,
    private readonly runDraftCases: RunDraftCases,
    private readonly submitVersion: SubmitVersion,
    private readonly approveVersion: ApproveVersion,
    private readonly returnVersion: ReturnVersion,
    private readonly getOverview: GetOverview,
  ) {}

  @Get()
  @Roles('program_officer', 'tenant_admin')
  @ApiOperation({ summary: "The tenant's policy versions of every state (drafts, under review, returned, published)" })
  @ApiTotalCount('One page of the versions, most recently changed first; X-Total-Count: all that match', PolicyVersionPageDto)
  async list(@Query() query: ListPolicyVersionsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: PolicyVersionSummary[] }> {
    const page = await this.listVersions.page({ state: query.state, policyId: query.policyId, orderBy: POLICY_VERSION_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  // Declared before :id so that "overview" is never taken for a version id.
  @Get('overview')
  @Roles('program_officer', 'tenant_admin')
  @ApiOperation({ summary: 'For the 工作台: the version in force today, whether the texts have lapsed, programs bound to an older version' })
  @ApiOkResponse({ type: PolicyVersionsOverviewDto })
  overview(): Promise<PolicyVersionsOverview> {
    return this.getOverview.execute();
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Validate a text (or the form\'s document) as the officer types; nothing is stored' })
  @ApiOkResponse({ type: PolicyValidationDto })
  validate(@Body() body: ValidatePolicyTextDto): Promise<ValidationView> {
    return this.validateText.execute({ sourceText: body.sourceText, document: body.document });
  }

  @Get(':id')
  @Roles('program_officer', 'tenant_admin')
  @ApiOperation({ summary: 'One version: text, parsed document, validation, changes against its origin, cases run' })
  @ApiOkResponse({ type: PolicyVersionDetailDto })
  get(@Param('id', uuidParam('id')) id: string): Promise<PolicyVersionDetail> {
    return this.getVersion.execute(id);
  }

  @Post()
  @Roles('program_officer')
  @ApiOperation({ summary: 'Start a draft from a version of the tenant (basedOnId) or from an uploaded YAML text (sourceText)' })
  @ApiBadRequestResponse({ description: 'validation_failed: names the field' })
  @ApiConflictResponse({ description: 'policy_id_taken: a version with this id is already published' })
  @ApiCreatedResponse({ type: PolicyVersionDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePolicyVersionDto): Promise<PolicyVersionDetail> {
    return this.createDraft.execute({ actor, policyId: body.policyId, basedOnId: body.basedOnId, sourceText: body.sourceText, changeNote: body.changeNote });
  }

  @Put(':id')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Save a draft or returned version (stored even when invalid; the answer lists the errors and runs the cases)' })
  @ApiConflictResponse({ description: 'policy_version_not_editable (submitted or published), policy_version_stale' })
  @ApiOkResponse({ type: PolicyVersionDetailDto })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdatePolicyVersionDto): Promise<PolicyVersionDetail> {
    return this.updateDraft.execute({ id, version: body.version, sourceText: body.sourceText, document: body.document, casesText: body.casesText, changeNote: body.changeNote });
  }

  @Post(':id/cases/run')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: "Run the version's stored cases against its stored text" })
  @ApiOkResponse({ type: CaseRunDto })
  runCases(@Param('id', uuidParam('id')) id: string): Promise<CaseRun> {
    return this.runDraftCases.execute(id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'The author submits the version for review: it must validate and every case must pass' })
  @ApiBadRequestResponse({ description: 'policy_version_invalid (details name each path), policy_version_cases_failed' })
  @ApiConflictResponse({ description: 'policy_version_invalid_state, policy_version_stale, policy_id_taken' })
  @ApiOkResponse({ type: PolicyVersionDetailDto })
  submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: PolicyVersionStepDto): Promise<PolicyVersionDetail> {
    return this.submitVersion.execute({ actor, id, version: body.version });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'A second officer publishes the submitted version (validated and its cases run again); the diff goes to the audit chain' })
  @ApiForbiddenResponse({ description: 'four_eyes: the author cannot approve' })
  @ApiBadRequestResponse({ description: 'policy_version_invalid, policy_version_cases_failed' })
  @ApiConflictResponse({ description: 'policy_version_invalid_state, policy_version_stale, policy_id_taken' })
  @ApiOkResponse({ type: PolicyVersionDetailDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: PolicyVersionStepDto): Promise<PolicyVersionDetail> {
    return this.approveVersion.execute({ actor, id, version: body.version });
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'A second officer returns the submitted version to its author with reasons' })
  @ApiForbiddenResponse({ description: 'four_eyes: the author cannot return it' })
  @ApiConflictResponse({ description: 'policy_version_invalid_state, policy_version_stale' })
  @ApiOkResponse({ type: PolicyVersionDetailDto })
  returnToAuthor(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ReturnPolicyVersionDto): Promise<PolicyVersionDetail> {
    return this.returnVersion.execute({ actor, id, version: body.version, reason: body.reason });
  }
}
