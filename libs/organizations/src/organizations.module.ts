import { Module } from '@nestjs/common';
import { AuthModule } from '@subsidy/auth';
import { OrganizationAdministratorController } from './administrator/administrator.controller';
import { HandOverAdministrator } from './administrator/hand-over-administrator';
import { ListOrganizationMembers } from './administrator/organization-members';
import { InvitationsController } from './invitations/invitations.controller';
import { OrganizationsController } from './organizations.controller';
import { RegistrationQueries } from './registration/registration-queries';
import { RegistrationReviewController } from './registration/registration-review.controller';
import { ReviewRegistration } from './registration/review-registration';
import { ApproveRenameRequest } from './rename-requests/approve-rename-request';
import { ListRenameRequests } from './rename-requests/list-rename-requests';
import { RejectRenameRequest } from './rename-requests/reject-rename-request';
import { RenameRequestsController } from './rename-requests/rename-requests.controller';
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
  controllers: [OrganizationsController, InvitationsController, RegistrationReviewController, OrganizationAdministratorController, RenameRequestsController],
  providers: [RegisterOrganization, ListOrganizations, GetOrganization, RenameOrganization, DeleteOrganization, InviteColleague, AcceptInvitation, RegistrationQueries, ReviewRegistration, ListOrganizationMembers, HandOverAdministrator, ListRenameRequests, ApproveRenameRequest, RejectRenameRequest],
})
export class OrganizationsModule {}
