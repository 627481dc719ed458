import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentActor, Public, Roles, UserRecord } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { AcceptInvitationDto } from '../dto/accept-invitation.dto';
import { CreateInvitationDto } from '../dto/create-invitation.dto';
import { uuidParam } from '@subsidy/common';
import { InvitationsService, IssuedInvitation } from './invitations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('organizations/:id/invitations')
  @Roles('applicant')
  invite(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: CreateInvitationDto): Promise<IssuedInvitation> {
    return this.invitations.invite(actor, id, body.email);
  }

  @Public()
  @Post('invitations/accept')
  accept(@Body() body: AcceptInvitationDto): Promise<UserRecord> {
    return this.invitations.accept(body);
  }
}
