import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { LoginThrottle } from '../../login/login-throttle';
import { loadManagedAccount } from './managed-account';

/**
 * Clears the sign-in delays of one account from every address (an address's own budget across accounts stays). The
 * audit record is committed before Redis is cleared: an unlock that is not on record does not happen.
 */
@Injectable()
export class UnlockLogin {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(actor: Actor, userId: string, reason: string): Promise<void> {
    const tenantId = RequestContextStore.requireTenantId();
    const username = await this.transactions.run(async (manager) => {
      const row = await loadManagedAccount(manager, actor, userId);
      await this.audit.record(manager, {
        action: 'user.login_unlocked',
        entityType: 'user',
        entityId: row.id,
        reason: reason.trim(),
        data: { username: row.username },
      });
      return row.username;
    });
    await this.throttle.unlock(tenantId, username);
  }
}
