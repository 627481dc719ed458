import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiTotalCount, pageWindow, withTotalCount } from '@subsidy/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { ExpertProfiles, ExpertProfileView } from '../use-cases/manage-expert-profiles';
import { Assignment, PanelQueries } from '../use-cases/panel-queries';
import { ExpertProfileDto } from './dto/expert-profile.dto';
import { ASSIGNMENT_SORT, EXPERT_SORT, ListAssignmentsQuery, ListExpertsQuery } from './dto/list-experts.query';
import { uuidParam } from './params';
import { AssignmentListResponse, ExpertProfileListResponse, ExpertProfileResponse } from './review-responses';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ExpertsController {
  constructor(
    private readonly profiles: ExpertProfiles,
    private readonly queries: PanelQueries,
  ) {}

  @Get()
  @Roles('program_officer')
  @ApiOperation({ summary: "The tenant's expert pool" })
  @ApiTotalCount("One page of the tenant's expert pool; X-Total-Count: all that match", ExpertProfileListResponse)
  async list(@Query() query: ListExpertsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ExpertProfileView[] }> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    const page = await this.profiles.page({ active, field: query.field, q: query.q, orderBy: EXPERT_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Get('me/assignments')
  @Roles('expert')
  @ApiOperation({ summary: 'Applications the signed-in expert is invited to score, with items and engine ceilings' })
  @ApiTotalCount('One page of my assignments; X-Total-Count: all that match', AssignmentListResponse)
  async assignments(@CurrentActor() actor: Actor, @Query() query: ListAssignmentsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: Assignment[] }> {
    const page = await this.queries.assignmentPage(actor, { status: query.status, orderBy: ASSIGNMENT_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Put(':userId/profile')
  @Roles('program_officer')
  @ApiOperation({ summary: "Sets an expert's field, affiliations (USCCs) and whether they can be drawn" })
  @ApiOkResponse({ type: ExpertProfileResponse })
  upsert(@Param('userId', uuidParam('userId')) userId: string, @Body() body: ExpertProfileDto): Promise<ExpertProfileView> {
    return this.profiles.upsert({ userId, field: body.field ?? null, affiliatedUsccs: body.affiliatedUsccs, active: body.active });
  }
}
