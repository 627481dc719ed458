import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { invalidRequest, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { AdministratorAlerts } from '../../accounts/administrator-alerts';
import { PasswordSetupIssuer } from '../../accounts/password-setup-issuer';
import { SegregationOfDutiesError, UsernameTakenError } from '../../auth-errors';
import { PLATFORM_TENANT_ID } from '../../tenant-directory';
import { assertMayGrant, isPrivileged } from '../account-authority';
import { CreateUserDto } from '../create-user.dto';
import { DistrictStore } from '../district-store';
import { SEGREGATION_CONSTRAINT } from '../segregation-of-duties';
import { staffBindingProblems } from '../staff-binding';
import { isExclusionViolation, isUniqueViolation } from '../unique-violation';
import { UserRecord } from '../user-record';
import { UserStore } from '../user-store';

export interface CreatedStaffAccount extends UserRecord {
  /** Until when the owner can redeem the token sent to their e-mail address; after that, force a reset to send another. */
  passwordSetupExpiresAt: string;
}

/**
 * An administrator creates a staff account in the acting tenant: the roles they may grant (account-authority), the
 * bindings the role needs, one duty per person (segregation of duties), no password (the owner sets it through the
 * token sent to their address), an audit record, and, for a privileged account, a notice to every other administrator.
 */
@Injectable()
export class CreateStaffAccount {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly passwordSetup: PasswordSetupIssuer,
    private readonly alerts: AdministratorAlerts,
  ) {}

  async execute(actor: Actor, input: CreateUserDto): Promise<CreatedStaffAccount> {
    assertMayGrant(actor, input.role);
    const tenantId = RequestContextStore.requireTenantId();
    const problems = staffBindingProblems(input, tenantId === PLATFORM_TENANT_ID);
    if (problems.length) throw new ValidationFailedError(invalidRequest(problems), problems);
    const email = input.email.trim();
    try {
      return await this.transactions.run(async (manager) => {
        if (input.districtCode && !(await DistrictStore.exists(manager, input.districtCode))) {
          throw new ValidationFailedError({ zh: '所选区县不属于本地区，请按提示修改', en: 'Invalid request: districtCode' }, [
            { path: 'districtCode', message: `${input.districtCode} is not a district of this tenant`, messageZh: `${input.districtCode} 不是本地区的区县` },
          ]);
        }
        if (await UserStore.usernameExists(manager, input.username)) throw new UsernameTakenError('username');
        const conflict = await UserStore.findDutyConflict(manager, email, input.role, null);
        if (conflict) throw new SegregationOfDutiesError('email', conflict);
        const user = await UserStore.insert(manager, tenantId, {
          username: input.username,
          displayName: input.displayName,
          email,
          passwordHash: null,
          role: input.role,
          districtCode: input.districtCode ?? null,
          financeLevel: input.financeLevel ?? null,
          organizationId: null,
        });
        const setup = await this.passwordSetup.issue(manager, user, 'activation', actor.id);
        const alerted = isPrivileged(user.role) ? await this.alerts.privilegedAccountCreated(manager, actor, user) : 0;
        await this.audit.record(manager, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          reason: isPrivileged(user.role) ? 'privileged account: other administrators notified' : undefined,
          data: {
            username: user.username,
            role: user.role,
            email: user.email,
            districtCode: user.districtCode,
            financeLevel: user.financeLevel,
            privileged: isPrivileged(user.role),
            administratorsNotified: alerted,
            passwordSetupExpiresAt: setup.expiresAt.toISOString(),
          },
        });
        return { ...user, passwordSetupExpiresAt: setup.expiresAt.toISOString() };
      });
    } catch (error) {
      // Two concurrent creations of one username, or of two duties for one person: the loser gets the pre-check's answer.
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('username');
      if (isExclusionViolation(error, SEGREGATION_CONSTRAINT)) throw new SegregationOfDutiesError('email');
      throw error;
    }
  }
}
