import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { RegistrationQueries } from './registration-queries';
import { ApproveRegistrationDto, ListRegistrationsQuery, REGISTRATION_SORT, RejectRegistrationDto } from './registration.dto';
import { RegistrationListItem, RegistrationView } from './registration-store';
import { ReviewRegistration } from './review-registration';
import { RegistrationDto, RegistrationListDto } from '../organization-responses';

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
  @ApiTotalCount('One page of the registrations; X-Total-Count: all that match')
  @ApiOkResponse({ type: RegistrationListDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListRegistrationsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: RegistrationListItem[] }> {
    const page = await this.queries.page(actor, query.status ?? 'pending_review', { q: query.q, orderBy: REGISTRATION_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Get('organizations/:id/registration')
  @ApiOperation({ summary: "The organization's registration status, review flags and administrator" })
  @ApiOkResponse({ type: RegistrationDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<RegistrationView> {
    return this.queries.get(actor, id);
  }

  @Post('organizations/:id/registration/approve')
  @HttpCode(200)
  @Roles('program_officer', 'district_reviewer')
  @ApiOperation({ summary: 'Approve a registration after checking it: the organization may then submit applications' })
  @ApiOkResponse({ type: RegistrationDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ApproveRegistrationDto): Promise<RegistrationView> {
    return this.review.execute({ actor, organizationId: id, decision: 'approve', reason: body.note?.trim() || null });
  }

  @Post('organizations/:id/registration/reject')
  @HttpCode(200)
  @Roles('program_officer', 'district_reviewer')
  @ApiOperation({ summary: 'Reject a pending registration with the reason the applicant is told' })
  @ApiOkResponse({ type: RegistrationDto })
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: RejectRegistrationDto): Promise<RegistrationView> {
    return this.review.execute({ actor, organizationId: id, decision: 'reject', reason: body.reason.trim() });
  }
}
