import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { uuidParam } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { RegistrationQueries } from './registration-queries';
import { ApproveRegistrationDto, ListRegistrationsQuery, RejectRegistrationDto } from './registration.dto';
import { RegistrationListItem, RegistrationView } from './registration-store';
import { ReviewRegistration } from './review-registration';

/** Review of self-registrations by the district's reviewer or a program officer. */
@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class RegistrationReviewController {
  constructor(
    private readonly queries: RegistrationQueries,
    private readonly review: ReviewRegistration,
  ) {}

  @Get('organization-registrations')
  @Roles('program_officer', 'district_reviewer')
  @ApiOperation({ summary: "Registrations in a status (default pending_review), oldest first; a district reviewer sees their district's" })
  async list(@CurrentActor() actor: Actor, @Query() query: ListRegistrationsQuery): Promise<{ items: RegistrationListItem[] }> {
    return { items: await this.queries.list(actor, query.status ?? 'pending_review') };
  }

  @Get('organizations/:id/registration')
  @ApiOperation({ summary: "The organization's registration status, review flags and administrator" })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<RegistrationView> {
    return this.queries.get(actor, id);
  }

  @Post('organizations/:id/registration/approve')
  @HttpCode(200)
  @Roles('program_officer', 'district_reviewer')
  @ApiOperation({ summary: 'Approve a registration after checking it: the organization may then submit applications' })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ApproveRegistrationDto): Promise<RegistrationView> {
    return this.review.execute({ actor, organizationId: id, decision: 'approve', reason: body.note?.trim() || null });
  }

  @Post('organizations/:id/registration/reject')
  @HttpCode(200)
  @Roles('program_officer', 'district_reviewer')
  @ApiOperation({ summary: 'Reject a pending registration with the reason the applicant is told' })
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: RejectRegistrationDto): Promise<RegistrationView> {
    return this.review.execute({ actor, organizationId: id, decision: 'reject', reason: body.reason.trim() });
  }
}
