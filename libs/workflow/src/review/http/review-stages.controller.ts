import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { ApplicationRecord } from '../../core';
import { CompleteTechnicalReview } from '../use-cases/complete-technical-review';
import { DistrictReview } from '../use-cases/district-review';
import { FormalCheck } from '../use-cases/formal-check';
import { ReassignReview } from '../use-cases/reassign-review';
import { RecordTechnicalOpinion, TechnicalOpinionView } from '../use-cases/record-technical-opinion';
import { DistrictReviewDto } from './dto/district-review.dto';
import { FormalCheckDto } from './dto/formal-check.dto';
import { ReassignReviewDto } from './dto/reassign-review.dto';
import { TechnicalOpinionDto } from './dto/technical-opinion.dto';
import { achievementIdParam, uuidParam } from './params';
import { ApplicationRecordDto } from '../../applications/http/application-responses';
import { TechnicalOpinionResponse } from './review-responses';

@ApiTags('review')
@ApiBearerAuth()
@Controller('applications/:id')
export class ReviewStagesController {
  constructor(
    private readonly formalCheck: FormalCheck,
    private readonly districtReview: DistrictReview,
    private readonly technicalOpinion: RecordTechnicalOpinion,
    private readonly completeTechnical: CompleteTechnicalReview,
    private readonly reassignReview: ReassignReview,
  ) {}

  @Post('reassign')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Hands a pending district or technical review to one named reviewer, with a reason (audited; old and new holders told)' })
  @ApiOkResponse({ type: ApplicationRecordDto })
  reassign(@Param('id', uuidParam('id')) id: string, @Body() body: ReassignReviewDto): Promise<ApplicationRecord> {
    return this.reassignReview.execute({ applicationId: id, assigneeId: body.assigneeId, reason: body.reason });
  }

  @Post('formal-check')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Formal check: complete, return for correction, or reject' })
  @ApiOkResponse({ type: ApplicationRecordDto })
  checkForm(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: FormalCheckDto): Promise<ApplicationRecord> {
    return this.formalCheck.execute({ applicationId: id, outcome: body.outcome, missing: body.missing, reason: body.reason, actor });
  }

  @Post('district-review')
  @HttpCode(200)
  @Roles('district_reviewer', 'program_officer')
  @ApiOperation({
    summary: "District pre-review by the application's district: forward, return or reject; a program officer may act in the reviewer's place with a reason (audited)",
  })
  @ApiOkResponse({ type: ApplicationRecordDto })
  reviewInDistrict(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: DistrictReviewDto): Promise<ApplicationRecord> {
    return this.districtReview.execute({ applicationId: id, outcome: body.outcome, reasons: body.reasons, missing: body.missing, reason: body.reason, actor });
  }

  @Put('technical-opinions/:achievementId')
  @Roles('technical_reviewer')
  @ApiOperation({ summary: "The technical reviewer's opinion on one item, within the engine ceiling" })
  @ApiOkResponse({ type: TechnicalOpinionResponse })
  recordOpinion(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('achievementId', achievementIdParam) achievementId: string,
    @Body() body: TechnicalOpinionDto,
  ): Promise<TechnicalOpinionView> {
    return this.technicalOpinion.execute({ applicationId: id, achievementId, opinion: body.opinion, amountFen: body.amountFen, comment: body.comment, actor });
  }

  @Post('technical-review/complete')
  @HttpCode(200)
  @Roles('technical_reviewer')
  @ApiOperation({ summary: 'Completes the technical review once every item has an opinion' })
  @ApiOkResponse({ type: ApplicationRecordDto })
  completeTechnicalReview(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ApplicationRecord> {
    return this.completeTechnical.execute(id, actor);
  }
}
