import { Module } from '@nestjs/common';
import { AuthModule } from '@subsidy/auth';
import { InvitationsController } from './invitations/invitations.controller';
import { OrganizationsController } from './organizations.controller';
import { AcceptInvitation } from './use-cases/accept-invitation';
import { DeleteOrganization } from './use-cases/delete-organization';
import { GetOrganization } from './use-cases/get-organization';
import { InviteColleague } from './use-cases/invite-colleague';
import { ListOrganizations } from './use-cases/list-organizations';
import { RegisterOrganization } from './use-cases/register-organization';
import { RenameOrganization } from './use-cases/rename-organization';

/**
 * Applicant organizations: self-registration, staff views scoped by district, renaming, deletion and invitations.
 * Exports no providers: no other module calls these use cases (they read organization rows through their own stores).
 */
@Module({
  imports: [AuthModule],
  controllers: [OrganizationsController, InvitationsController],
  providers: [RegisterOrganization, ListOrganizations, GetOrganization, RenameOrganization, DeleteOrganization, InviteColleague, AcceptInvitation],
})
export class OrganizationsModule {}
