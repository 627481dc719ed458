import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { DistrictStore, hashPassword, isUniqueViolation, Scope, TenantDirectory, UnknownTenantError, UserRecord, UsernameTakenError, UserStore } from '@subsidy/auth';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { applicantActor, auditAs } from './audit-as';
import { RegisterOrganizationDto } from './dto/register-organization.dto';
import { OrganizationExistsError, OrganizationHasUsersError, OrganizationNotFoundError } from './organization-errors';
import { OrganizationRecord, OrganizationStore } from './organization-record';

export interface Registration {
  organization: OrganizationRecord;
  user: UserRecord;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditLog,
  ) {}

  /** Organization and first applicant in one transaction, both audited as the new applicant's own act. */
  async register(input: RegisterOrganizationDto): Promise<Registration> {
    const tenant = await this.tenants.find(input.tenant);
    if (!tenant || tenant.kind !== 'government') throw new UnknownTenantError(input.tenant, [{ path: 'tenant', message: 'no such tenant' }]);
    const passwordHash = await hashPassword(input.user.password);
    try {
      return await this.transactions.runFor(tenant.id, async (manager) => {
        const { organization: org, user: applicant } = input;
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
      if (isUniqueViolation(error, 'organizations_tenant_id_uscc_key')) throw new OrganizationExistsError();
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('user.username');
      throw error;
    }
  }

  list(actor: Actor): Promise<OrganizationRecord[]> {
    const district = Scope.districtFilter(actor);
    return this.transactions.run((manager) => OrganizationStore.list(manager, district));
  }

  get(actor: Actor, id: string): Promise<OrganizationRecord> {
    return this.transactions.run((manager) => this.loadInScope(manager, actor, id));
  }

  rename(actor: Actor, id: string, name: string): Promise<OrganizationRecord> {
    return this.transactions.run(async (manager) => {
      const before = await this.loadInScope(manager, actor, id, true);
      await OrganizationStore.rename(manager, id, name);
      const after = { ...before, name };
      await this.audit.record(manager, { action: 'organization.renamed', entityType: 'organization', entityId: id, data: { from: before.name, to: after.name } });
      return after;
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const organization = await this.loadInScope(manager, actor, id, true);
      const users = await OrganizationStore.countUsers(manager, id);
      if (users > 0) throw new OrganizationHasUsersError(users);
      await OrganizationStore.delete(manager, id);
      await this.audit.record(manager, {
        action: 'organization.deleted',
        entityType: 'organization',
        entityId: id,
        data: { uscc: organization.uscc, name: organization.name },
      });
    });
  }

  /** Loads an organization the actor may see: applicants only their own, district-bound staff only their district's. */
  async loadInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<OrganizationRecord> {
    const organization = await OrganizationStore.findById(manager, id, lock);
    if (!organization) throw new OrganizationNotFoundError(id);
    Scope.assertOrganizationAccess(actor, { organizationId: organization.id, districtCode: organization.districtCode });
    return organization;
  }
}
