import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { PasswordSetupIssuer } from '../../accounts/password-setup-issuer';
import { AccountStateError } from '../../auth-errors';
import { RefreshTokenStore } from '../../tokens/refresh-token-store';
import { toUserRecord } from '../user-record';
import { UserStore } from '../user-store';
import { loadManagedAccount } from './managed-account';

/**
 * For a password that may be known to someone else: the password stops working at once (cleared), every sign-in is
 * ended, and a one-time token to set a new one goes to the owner's e-mail address, never to the administrator. Also
 * how a new account whose activation token expired gets another.
 */
@Injectable()
export class ForcePasswordReset {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly passwordSetup: PasswordSetupIssuer,
  ) {}

  execute(actor: Actor, userId: string, reason: string): Promise<{ passwordSetupExpiresAt: string }> {
    return this.transactions.run(async (manager) => {
      const row = await loadManagedAccount(manager, actor, userId);
      if (!row.active) throw new AccountStateError('inactive');
      // Checked (email) before anything changes: issue() refuses an account without an address.
      const setup = await this.passwordSetup.issue(manager, toUserRecord(row), 'reset', actor.id);
      await UserStore.setPasswordHash(manager, row.id, null);
      const sessionsEnded = await RefreshTokenStore.revokeAllOfUser(manager, row.id);
      await this.audit.record(manager, {
        action: 'user.password_reset_forced',
        entityType: 'user',
        entityId: row.id,
        reason: reason.trim(),
        data: { username: row.username, sessionsEnded, passwordSetupExpiresAt: setup.expiresAt.toISOString() },
      });
      return { passwordSetupExpiresAt: setup.expiresAt.toISOString() };
    });
  }
}
