import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CurrentActor, Public, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { RegisterOrganizationDto } from './dto/register-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationRecord } from './organization-record';
import { DeleteOrganization } from './use-cases/delete-organization';
import { GetOrganization } from './use-cases/get-organization';
import { ListOrganizations } from './use-cases/list-organizations';
import { RegisterOrganization, Registration } from './use-cases/register-organization';
import { RenameRequest } from './rename-requests/rename-request-record';
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

  /** 200 with the renamed organization; 202 with a rename request when the applicant has an application in the workflow. */
  @Patch(':id')
  @Roles('applicant', 'program_officer')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateOrganizationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationRecord | RenameRequest> {
    const result = await this.renameOrganization.execute({ actor, organizationId: id, name: body.name });
    if (result.outcome === 'renamed') return result.organization;
    response.status(202);
    return result.request;
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('program_officer')
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.deleteOrganization.execute({ actor, organizationId: id });
  }
}
