import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { PasswordSetupStore } from '../accounts/password-setup-store';
import { AuthenticationRequiredError, CurrentPasswordIncorrectError } from '../auth-errors';
import { LoginThrottle } from '../login/login-throttle';
import { hashPassword, verifyPassword } from '../password-hasher';
import { RefreshTokenStore } from '../tokens/refresh-token-store';
import { UserStore } from '../users/user-store';

export interface ChangeOwnPasswordCommand {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  ip: string;
}

/**
 * A signed-in user replaces their password. The current one is required and its checks count in the sign-in delays
 * (a stolen access token must not become a way to guess it); every other sign-in of the user ends, the one the change
 * was made from goes on. Audited in the user's own tenant.
 */
@Injectable()
export class ChangeOwnPassword {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ actor, currentPassword, newPassword, ip }: ChangeOwnPasswordCommand): Promise<{ sessionsEnded: number }> {
    const home = actor.homeTenantId;
    if (!home) throw new AuthenticationRequiredError('unauthenticated', { zh: '请先登录', en: 'Sign in first' });
    if (currentPassword === newPassword) {
      throw new ValidationFailedError({ zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' }, [
        { path: 'newPassword', message: 'must differ from the current password', messageZh: '不能与当前密码相同' },
      ]);
    }
    const row = await this.transactions.runFor(home, (manager) => UserStore.lockRow(manager, actor.id));
    if (!row?.password_hash) throw new CurrentPasswordIncorrectError();
    const attempt = { tenantId: home, username: row.username, ip };
    await this.throttle.begin(attempt);
    if (!(await verifyPassword(row.password_hash, currentPassword))) throw new CurrentPasswordIncorrectError();
    await this.throttle.succeeded(attempt);
    const newHash = await hashPassword(newPassword);
    return this.transactions.runFor(home, async (manager) => {
      const locked = await UserStore.lockRow(manager, actor.id);
      // Changed by someone else between the check and now (a concurrent change, a forced reset): start again.
      if (!locked || locked.password_hash !== row.password_hash) throw new CurrentPasswordIncorrectError();
      await UserStore.setPasswordHash(manager, actor.id, newHash);
      const sessionsEnded = await RefreshTokenStore.revokeAllOfUser(manager, actor.id, actor.sessionId ?? null);
      await PasswordSetupStore.revokeOpen(manager, actor.id);
      await this.audit.record(manager, { action: 'user.password_changed', entityType: 'user', entityId: actor.id, data: { otherSessionsEnded: sessionsEnded } });
      return { sessionsEnded };
    });
  }
}
