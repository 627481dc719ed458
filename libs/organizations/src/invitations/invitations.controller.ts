import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentActor, Public, Roles, UserRecord, UserView } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { AcceptInvitationDto } from '../dto/accept-invitation.dto';
import { CreateInvitationDto } from '../dto/create-invitation.dto';
import { uuidParam } from '@subsidy/common';
import { AcceptInvitation } from '../use-cases/accept-invitation';
import { InviteColleague, IssuedInvitation } from '../use-cases/invite-colleague';
import { IssuedInvitationDto } from '../organization-responses';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class InvitationsController {
  constructor(
    private readonly inviteColleague: InviteColleague,
    private readonly acceptInvitation: AcceptInvitation,
  ) {}

  @Post('organizations/:id/invitations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: IssuedInvitationDto })
  invite(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: CreateInvitationDto): Promise<IssuedInvitation> {
    return this.inviteColleague.execute({ actor, organizationId: id, email: body.email });
  }

  @Public()
  @Post('invitations/accept')
  @ApiCreatedResponse({ type: UserView })
  accept(@Body() body: AcceptInvitationDto): Promise<UserRecord> {
    return this.acceptInvitation.execute(body);
  }
}
