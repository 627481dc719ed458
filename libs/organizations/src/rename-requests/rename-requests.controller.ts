import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { ApproveRenameRequest } from './approve-rename-request';
import { ListRenameRequests } from './list-rename-requests';
import { RejectRenameRequest } from './reject-rename-request';
import { DecideRenameRequestDto, ListRenameRequestsQuery, RENAME_REQUEST_SORT } from './rename-request.dto';
import { RenameRequest } from './rename-request-record';
import { RenameRequestDto, RenameRequestListDto } from '../organization-responses';

/**
 * Renames held while an organization has an application in the workflow (made by PATCH /organizations/:id, which
 * answers 202 with the request). A program officer decides them: the name is on the city's lists, which the program
 * office publishes, so the city's office rather than a district reviewer approves a change to it.
 */
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organization-rename-requests')
export class RenameRequestsController {
  constructor(
    private readonly listRequests: ListRenameRequests,
    private readonly approveRequest: ApproveRenameRequest,
    private readonly rejectRequest: RejectRenameRequest,
  ) {}

  @Get()
  @Roles('program_officer', 'applicant')
  @ApiOperation({ summary: "Rename requests in a status (default pending), oldest first; an applicant sees its organization's" })
  @ApiTotalCount('One page of the rename requests; X-Total-Count: all that match')
  @ApiOkResponse({ type: RenameRequestListDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListRenameRequestsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: RenameRequest[] }> {
    const page = await this.listRequests.page(actor, query.status ?? 'pending', { q: query.q, orderBy: RENAME_REQUEST_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Approve a held rename with a reason: the organization takes the new name (decided applications keep theirs)' })
  @ApiOkResponse({ type: RenameRequestDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: DecideRenameRequestDto): Promise<RenameRequest> {
    return this.approveRequest.execute({ actor, requestId: id, reason: body.reason.trim() });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({ summary: 'Reject a held rename with the reason the applicant is told; the name stays' })
  @ApiOkResponse({ type: RenameRequestDto })
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: DecideRenameRequestDto): Promise<RenameRequest> {
    return this.rejectRequest.execute({ actor, requestId: id, reason: body.reason.trim() });
  }
}
