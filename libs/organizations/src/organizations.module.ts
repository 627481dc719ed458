import { Module } from '@nestjs/common';
import { AuthModule } from '@subsidy/auth';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

/** Applicant organizations: self-registration, staff views scoped by district, renaming, deletion and invitations. */
@Module({
  imports: [AuthModule],
  controllers: [OrganizationsController, InvitationsController],
  providers: [OrganizationsService, InvitationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
