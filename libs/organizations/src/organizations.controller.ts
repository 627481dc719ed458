import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentActor, Public, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { RegisterOrganizationDto } from './dto/register-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationRecord } from './organization-record';
import { DeleteOrganization } from './use-cases/delete-organization';
import { GetOrganization } from './use-cases/get-organization';
import { ListOrganizations } from './use-cases/list-organizations';
import { RegisterOrganization, Registration } from './use-cases/register-organization';
import { RenameOrganization } from './use-cases/rename-organization';
import { uuidParam } from '@subsidy/common';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly registerOrganization: RegisterOrganization,
    private readonly listOrganizations: ListOrganizations,
    private readonly getOrganization: GetOrganization,
    private readonly renameOrganization: RenameOrganization,
    private readonly deleteOrganization: DeleteOrganization,
  ) {}

  @Public()
  @Post('register')
  register(@Body() body: RegisterOrganizationDto): Promise<Registration> {
    return this.registerOrganization.execute(body);
  }

  @Get()
  @Roles('program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer', 'platform_admin')
  async list(@CurrentActor() actor: Actor): Promise<{ items: OrganizationRecord[] }> {
    return { items: await this.listOrganizations.execute({ actor }) };
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<OrganizationRecord> {
    return this.getOrganization.execute({ actor, organizationId: id });
  }

  @Patch(':id')
  @Roles('applicant', 'program_officer')
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: UpdateOrganizationDto): Promise<OrganizationRecord> {
    return this.renameOrganization.execute({ actor, organizationId: id, name: body.name });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('program_officer')
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.deleteOrganization.execute({ actor, organizationId: id });
  }
}
