import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { PanelView } from '../panel/panel-view';
import { CompleteExpertReview, ExpertReviewResult } from '../use-cases/complete-expert-review';
import { ConflictOutcome, DeclareConflict } from '../use-cases/declare-conflict';
import { DrawExpertPanel } from '../use-cases/draw-expert-panel';
import { PanelQueries } from '../use-cases/panel-queries';
import { ScoreApplication, ScoreView } from '../use-cases/score-application';
import { DeclareConflictDto } from './dto/declare-conflict.dto';
import { ExpertDeclarationDto } from './dto/expert-declaration.dto';
import { DeclareNoConflict } from '../use-cases/declare-no-conflict';
import { ExpertDeclaration } from '../panel/expert-declarations';
import { ScoreDto } from './dto/score.dto';
import { uuidParam } from './params';
import { ConflictOutcomeResponse, ExpertDeclarationResponse, ExpertReviewResultResponse, PanelResponse, ScoreResponse } from './review-responses';

@ApiTags('review')
@ApiBearerAuth()
@Controller('applications/:id')
export class ExpertPanelController {
  constructor(
    private readonly drawPanel: DrawExpertPanel,
    private readonly queries: PanelQueries,
    private readonly declareConflict: DeclareConflict,
    private readonly scoreApplication: ScoreApplication,
    private readonly completeReview: CompleteExpertReview,
    private readonly declareNoConflict: DeclareNoConflict,
  ) {}

  @Post('panel')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Draws the expert panel (seeded, reproducible, with conflict exclusions)' })
  @ApiCreatedResponse({ type: PanelResponse })
  draw(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<PanelView> {
    return this.drawPanel.execute(id, actor);
  }

  @Get('panel')
  @Roles('program_officer')
  @ApiOperation({ summary: 'The panel, its members and the exclusions' })
  @ApiOkResponse({ type: PanelResponse })
  show(@Param('id', uuidParam('id')) id: string): Promise<PanelView> {
    return this.queries.panel(id);
  }

  @Post('panel/conflict')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: 'A panel expert declares a conflict of interest and is replaced' })
  @ApiOkResponse({ type: ConflictOutcomeResponse })
  conflict(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: DeclareConflictDto): Promise<ConflictOutcome> {
    return this.declareConflict.execute(id, body.reason, actor);
  }

  @Post('expert-declaration')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({
    summary: "A panel expert declares no conflict of interest with the applicant (recorded once, audited); required before the application's documents and the score sheet open to them (403 expert_declaration_required)",
  })
  @ApiOkResponse({ type: ExpertDeclarationResponse })
  declareNone(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() _body: ExpertDeclarationDto): Promise<ExpertDeclaration> {
    return this.declareNoConflict.execute(id, actor);
  }

  @Put('panel/score')
  @Roles('expert')
  @ApiOperation({ summary: "A panel expert's rubric scores and proposed amounts, before the deadline" })
  @ApiOkResponse({ type: ScoreResponse })
  score(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ScoreDto): Promise<ScoreView> {
    return this.scoreApplication.execute({ applicationId: id, scores: body.scores, amounts: body.amounts, comment: body.comment, actor });
  }

  @Post('expert-review/complete')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Combines the quorum’s proposals per item and moves the application to the decision' })
  @ApiOkResponse({ type: ExpertReviewResultResponse })
  complete(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ExpertReviewResult> {
    return this.completeReview.execute(id, actor);
  }
}
