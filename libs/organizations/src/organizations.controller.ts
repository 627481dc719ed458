import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { ListOrganizationsQuery, ORGANIZATION_SORT } from './dto/list-organizations.query';
import { OrganizationDto, OrganizationListDto, RegistrationResultDto, RenameRequestDto } from './organization-responses';

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
  @ApiCreatedResponse({ type: RegistrationResultDto })
  register(@Body() body: RegisterOrganizationDto): Promise<Registration> {
    return this.registerOrganization.execute(body);
  }

  @Get()
  @Roles('program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer', 'platform_admin')
  @ApiTotalCount("One page of the tenant's organizations (a district's for district-bound staff); X-Total-Count: all that match", OrganizationListDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListOrganizationsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: OrganizationRecord[] }> {
    const page = await this.listOrganizations.page(actor, {
      q: query.q,
      status: query.status,
      kind: query.kind,
      districtCode: query.districtCode,
      orderBy: ORGANIZATION_SORT.orderBy(query.sort),
      ...pageWindow(query),
    });
    return { items: withTotalCount(response, page) };
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<OrganizationRecord> {
    return this.getOrganization.execute({ actor, organizationId: id });
  }

  /** 200 with the renamed organization; 202 with a rename request when the applicant has an application in the workflow. */
  @Patch(':id')
  @Roles('applicant', 'program_officer')
  @ApiOkResponse({ type: OrganizationDto, description: 'Renamed' })
  @ApiAcceptedResponse({ type: RenameRequestDto, description: 'A rename request, for an officer to decide (the applicant has an application in the workflow)' })
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
