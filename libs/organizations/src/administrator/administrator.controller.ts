import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, uuidParam, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { HandOverAdministratorDto } from './administrator.dto';
import { HandOverAdministrator } from './hand-over-administrator';
import { ListOrganizationMembers, OrganizationMember } from './organization-members';
import { OrganizationMemberListDto } from '../organization-responses';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations/:id')
export class OrganizationAdministratorController {
  constructor(
    private readonly members: ListOrganizationMembers,
    private readonly handOver: HandOverAdministrator,
  ) {}

  @Get('members')
  @ApiOperation({ summary: "The organization's applicant accounts, its administrator marked" })
  @ApiTotalCount("All the organization's accounts (a handful; not paged); X-Total-Count: how many")
  @ApiOkResponse({ type: OrganizationMemberListDto })
  async list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) response: Response): Promise<{ items: OrganizationMember[] }> {
    const members = await this.members.execute(actor, id);
    return { items: withTotalCount(response, { rows: members, total: members.length }) };
  }

  @Put('administrator')
  @Roles('applicant', 'program_officer')
  @ApiOperation({ summary: 'Hand the administrator role (who keeps the payee account) to another member; a program officer must give a reason' })
  @ApiOkResponse({ type: OrganizationMemberListDto })
  async set(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: HandOverAdministratorDto): Promise<{ items: OrganizationMember[] }> {
    return { items: await this.handOver.execute({ actor, organizationId: id, userId: body.userId, reason: body.reason?.trim() || null }) };
  }
}
