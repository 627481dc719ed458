import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { DistrictStore, hashPassword, isUniqueViolation, TenantDirectory, UnknownTenantError, UserRecord, UsernameTakenError, UserStore } from '@subsidy/auth';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { applicantActor, auditAs } from '../audit-as';
import { OrganizationExistsError } from '../organization-errors';
import { OrganizationKind, OrganizationRecord, OrganizationStore } from '../organization-record';
import { UsccDivisionMismatchError } from '../registration/registration-errors';
import { RegistrationStore, RegistrationView } from '../registration/registration-store';
import { matchUsccDivision, REGISTERED_WITH_CITY_FLAG, TenantDivisions } from '../uscc/uscc-division';

/** Self-registration as validated by RegisterOrganizationDto: the tenant by id, the organization and its first applicant. */
export interface RegisterOrganizationCommand {
  tenant: string;
  organization: { uscc: string; name: string; kind: OrganizationKind; districtCode: string };
  user: { username: string; displayName: string; email: string; password: string };
}

export interface Registration {
  organization: OrganizationRecord;
  user: UserRecord;
  /** Pending review: the organization may draft applications but submit only once its district or the city approves. */
  registration: RegistrationView;
}

/**
 * A public, unauthenticated act: an organization registers itself with its first applicant account, both in one
 * transaction, both audited as the new applicant's own act (there is no signed-in actor to name instead).
 * The credit code's registering office (characters 3-8) must be the tenant's or the declared district's (422
 * otherwise); the first applicant becomes the organization's administrator; the registration waits, pending review,
 * for the district's reviewer or a program officer, who are notified.
 */
@Injectable()
export class RegisterOrganization {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
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
          throw new ValidationFailedError({ zh: '所选区县不属于本地区', en: 'Invalid request: organization.districtCode' }, [
            { path: 'organization.districtCode', message: `${org.districtCode} is not a district of this tenant`, messageZh: '不是本地区的区县' },
          ]);
        }
        const division = matchUsccDivision(org.uscc, org.districtCode, await this.divisionsOf(manager, tenant.id));
        if (!division.ok) throw new UsccDivisionMismatchError(division.detail);
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
        const flags = division.level === 'city' ? [REGISTERED_WITH_CITY_FLAG] : [];
        const registration = await RegistrationStore.open(manager, organization.id, user.id, flags);
        const actor = applicantActor(user);
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'organization.registered',
          entityType: 'organization',
          entityId: organization.id,
          data: {
            uscc: organization.uscc,
            name: organization.name,
            kind: organization.kind,
            districtCode: organization.districtCode,
            registrationStatus: registration.status,
            flags,
            administratorUserId: user.id,
          },
        });
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username: user.username, role: user.role, organizationId: organization.id },
        });
        await this.notifier.notify(manager, [{ role: 'district_reviewer', districtCode: organization.districtCode }, { role: 'program_officer' }], {
          kind: 'organization.registration-pending',
          subject: `单位注册待审核：${organization.name}`,
          body: `${organization.name}（${organization.uscc}）已自助注册，请核对营业执照等登记信息后审核${flags.length ? '；其信用代码登记机关为市级，请核实所在区' : ''}。`,
          entity: { type: 'organization', id: organization.id },
        });
        // Official-list entries waiting for this enterprise are matched now (issue 12), in their own job.
        await this.outbox.enqueue(manager, 'lists', 'official-list.rematch-organization', { tenantId: tenant.id, organizationId: organization.id });
        return { organization, user, registration };
      });
    } catch (error) {
      // Two concurrent registrations can both pass the existence checks; the unique constraints decide, same answer.
      if (isUniqueViolation(error, 'organizations_tenant_id_uscc_key')) throw new OrganizationExistsError();
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('user.username');
      throw error;
    }
  }

  /** The tenant's own division code and its districts' codes, as tenants:sync stored them. */
  private async divisionsOf(manager: EntityManager, tenantId: string): Promise<TenantDivisions> {
    const [tenant] = (await manager.query(`select division_code as "divisionCode" from tenants where id = $1`, [tenantId])) as Array<{ divisionCode: string }>;
    const districts = (await manager.query(`select code from districts order by code`)) as Array<{ code: string }>;
    return { divisionCode: tenant.divisionCode, districtCodes: districts.map((d) => d.code) };
  }
}
