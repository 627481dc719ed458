import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { UsernameTakenError } from '../auth-errors';
import { hashPassword } from '../password-hasher';
import { PLATFORM_TENANT_ID } from '../tenant-directory';
import { CreateUserDto } from './create-user.dto';
import { DistrictStore } from './district-store';
import { staffBindingProblems } from './staff-binding';
import { UserRecord } from './user-record';
import { UserStore } from './user-store';
import { isUniqueViolation } from './unique-violation';

/** Staff account management within the acting tenant. */
@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  async create(input: CreateUserDto): Promise<UserRecord> {
    const tenantId = RequestContextStore.requireTenantId();
    const problems = staffBindingProblems(input, tenantId === PLATFORM_TENANT_ID);
    if (problems.length) throw new ValidationFailedError(`Invalid request: ${problems.map((p) => p.path).join(', ')}`, problems);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.transactions.run(async (manager) => {
        if (input.districtCode && !(await DistrictStore.exists(manager, input.districtCode))) {
          throw new ValidationFailedError('Invalid request: districtCode', [{ path: 'districtCode', message: `${input.districtCode} is not a district of this tenant` }]);
        }
        if (await UserStore.usernameExists(manager, input.username)) throw new UsernameTakenError('username');
        const user = await UserStore.insert(manager, tenantId, {
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          passwordHash,
          role: input.role,
          districtCode: input.districtCode ?? null,
          financeLevel: input.financeLevel ?? null,
          organizationId: null,
        });
        await this.audit.record(manager, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username: user.username, role: user.role, districtCode: user.districtCode, financeLevel: user.financeLevel },
        });
        return user;
      });
    } catch (error) {
      // Two concurrent creations of one username: the loser gets the same answer as the pre-check gives.
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('username');
      throw error;
    }
  }

  list(): Promise<UserRecord[]> {
    return this.transactions.run((manager) => UserStore.list(manager));
  }
}
