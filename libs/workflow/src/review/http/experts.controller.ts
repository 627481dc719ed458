import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { ExpertProfiles, ExpertProfileView } from '../use-cases/manage-expert-profiles';
import { Assignment, PanelQueries } from '../use-cases/panel-queries';
import { ExpertProfileDto } from './dto/expert-profile.dto';
import { uuidParam } from './params';

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
  async list(): Promise<{ items: ExpertProfileView[] }> {
    return { items: await this.profiles.list() };
  }

  @Get('me/assignments')
  @Roles('expert')
  @ApiOperation({ summary: 'Applications the signed-in expert is invited to score, with items and engine ceilings' })
  async assignments(@CurrentActor() actor: Actor): Promise<{ items: Assignment[] }> {
    return { items: await this.queries.assignments(actor) };
  }

  @Put(':userId/profile')
  @Roles('program_officer')
  @ApiOperation({ summary: "Sets an expert's field, affiliations (USCCs) and whether they can be drawn" })
  upsert(@Param('userId', uuidParam('userId')) userId: string, @Body() body: ExpertProfileDto): Promise<ExpertProfileView> {
    return this.profiles.upsert({ userId, field: body.field ?? null, affiliatedUsccs: body.affiliatedUsccs, active: body.active });
  }
}
