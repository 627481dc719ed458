import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { PasswordSetupStore } from '../../accounts/password-setup-store';
import { AccountStateError } from '../../auth-errors';
import { RefreshTokenStore } from '../../tokens/refresh-token-store';
import { UserRecord } from '../user-record';
import { UserStore } from '../user-store';
import { loadManagedAccount } from './managed-account';

/**
 * Closes an account: it can no longer sign in, every sign-in is ended (so its access tokens stop working on the next
 * request: AccessTokenVerifier) and any open password-setup token is void. Audited with the administrator's reason.
 */
@Injectable()
export class DeactivateUser {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, userId: string, reason: string): Promise<UserRecord> {
    return this.transactions.run(async (manager) => {
      const row = await loadManagedAccount(manager, actor, userId);
      if (!row.active) throw new AccountStateError('already_inactive');
      const user = await UserStore.setActive(manager, row.id, false);
      const sessionsEnded = await RefreshTokenStore.revokeAllOfUser(manager, row.id);
      await PasswordSetupStore.revokeOpen(manager, row.id);
      await this.audit.record(manager, {
        action: 'user.deactivated',
        entityType: 'user',
        entityId: row.id,
        reason: reason.trim(),
        data: { username: row.username, role: row.role, sessionsEnded },
      });
      return user;
    });
  }
}
