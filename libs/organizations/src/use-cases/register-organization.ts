import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { DistrictStore, hashPassword, isUniqueViolation, TenantDirectory, UnknownTenantError, UserRecord, UsernameTakenError, UserStore } from '@subsidy/auth';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { applicantActor, auditAs } from '../audit-as';
import { OrganizationExistsError } from '../organization-errors';
import { OrganizationKind, OrganizationRecord, OrganizationStore } from '../organization-record';

/** Self-registration as validated by RegisterOrganizationDto: the tenant by id, the organization and its first applicant. */
export interface RegisterOrganizationCommand {
  tenant: string;
  organization: { uscc: string; name: string; kind: OrganizationKind; districtCode: string };
  user: { username: string; displayName: string; email: string; password: string };
}

export interface Registration {
  organization: OrganizationRecord;
  user: UserRecord;
}

/**
 * A public, unauthenticated act: an organization registers itself with its first applicant account, both in one
 * transaction, both audited as the new applicant's own act (there is no signed-in actor to name instead).
 */
@Injectable()
export class RegisterOrganization {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: RegisterOrganizationCommand): Promise<Registration> {
    const tenant = await this.tenants.find(command.tenant);
    // Only government tenants run programs; the platform tenant takes no applicants.
    if (!tenant || tenant.kind !== 'government') throw new UnknownTenantError(command.tenant, [{ path: 'tenant', message: 'no such tenant' }]);
    // Hashed before the transaction opens, so the slow argon2 work holds no connection or lock.
    const passwordHash = await hashPassword(command.user.password);
    try {
      return await this.transactions.runFor(tenant.id, async (manager) => {
        const { organization: org, user: applicant } = command;
        if (!(await DistrictStore.exists(manager, org.districtCode))) {
          throw new ValidationFailedError('Invalid request: organization.districtCode', [
            { path: 'organization.districtCode', message: `${org.districtCode} is not a district of this tenant` },
          ]);
        }
        if (await OrganizationStore.usccExists(manager, org.uscc)) throw new OrganizationExistsError();
        if (await UserStore.usernameExists(manager, applicant.username)) throw new UsernameTakenError('user.username');
        const organization = await OrganizationStore.insert(manager, tenant.id, org);
        const user = await UserStore.insert(manager, tenant.id, {
          username: applicant.username,
          displayName: applicant.displayName,
          email: applicant.email,
          passwordHash,
          role: 'applicant',
          districtCode: null,
          financeLevel: null,
          organizationId: organization.id,
        });
        const actor = applicantActor(user);
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'organization.registered',
          entityType: 'organization',
          entityId: organization.id,
          data: { uscc: organization.uscc, name: organization.name, kind: organization.kind, districtCode: organization.districtCode },
        });
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username: user.username, role: user.role, organizationId: organization.id },
        });
        return { organization, user };
      });
    } catch (error) {
      // Two concurrent registrations can both pass the existence checks; the unique constraints decide, same answer.
      if (isUniqueViolation(error, 'organizations_tenant_id_uscc_key')) throw new OrganizationExistsError();
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('user.username');
      throw error;
    }
  }
}
