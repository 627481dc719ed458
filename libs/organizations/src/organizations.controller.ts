import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentActor, Public, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { RegisterOrganizationDto } from './dto/register-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationRecord } from './organization-record';
import { OrganizationsService, Registration } from './organizations.service';
import { uuidParam } from '@subsidy/common';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @Post('register')
  register(@Body() body: RegisterOrganizationDto): Promise<Registration> {
    return this.organizations.register(body);
  }

  @Get()
  @Roles('program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer', 'platform_admin')
  async list(@CurrentActor() actor: Actor): Promise<{ items: OrganizationRecord[] }> {
    return { items: await this.organizations.list(actor) };
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<OrganizationRecord> {
    return this.organizations.get(actor, id);
  }

  @Patch(':id')
  @Roles('applicant', 'program_officer')
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: UpdateOrganizationDto): Promise<OrganizationRecord> {
    return this.organizations.rename(actor, id, body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('program_officer')
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.organizations.remove(actor, id);
  }
}
