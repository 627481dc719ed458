import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { uuidParam } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { HandOverAdministratorDto } from './administrator.dto';
import { HandOverAdministrator } from './hand-over-administrator';
import { ListOrganizationMembers, OrganizationMember } from './organization-members';

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
  async list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<{ items: OrganizationMember[] }> {
    return { items: await this.members.execute(actor, id) };
  }

  @Put('administrator')
  @Roles('applicant', 'program_officer')
  @ApiOperation({ summary: 'Hand the administrator role (who keeps the payee account) to another member; a program officer must give a reason' })
  async set(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: HandOverAdministratorDto): Promise<{ items: OrganizationMember[] }> {
    return { items: await this.handOver.execute({ actor, organizationId: id, userId: body.userId, reason: body.reason?.trim() || null }) };
  }
}
