import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { PasswordSetupStore } from '../accounts/password-setup-store';
import { actorOf } from '../auth.service';
import { PasswordSetupTokenInvalidError } from '../auth-errors';
import { hashPassword } from '../password-hasher';
import { TenantDirectory } from '../tenant-directory';
import { hashToken } from '../tokens/refresh-token';
import { RefreshTokenStore } from '../tokens/refresh-token-store';
import { toUserRecord } from '../users/user-record';
import { UserStore } from '../users/user-store';

/**
 * A public act: the owner of a new or reset account redeems the one-time token from their e-mail and chooses the
 * password. The token is spent in the same transaction; any sign-in still open ends. Audited as the owner's own act.
 * Every failure (unknown tenant, unknown, used, revoked or expired token, closed account) gives the same answer.
 */
@Injectable()
export class CompletePasswordSetup {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditLog,
  ) {}

  async execute(tenantId: string, token: string, password: string): Promise<void> {
    if (!(await this.tenants.find(tenantId))) throw new PasswordSetupTokenInvalidError();
    // Hashed before the transaction opens, so the slow argon2 work holds no connection or lock.
    const passwordHash = await hashPassword(password);
    await this.transactions.runFor(tenantId, async (manager) => {
      const setup = await PasswordSetupStore.findForUpdate(manager, hashToken(token));
      if (!setup || setup.used_at || setup.revoked_at || setup.expires_at.getTime() <= Date.now()) throw new PasswordSetupTokenInvalidError();
      const row = await UserStore.lockRow(manager, setup.user_id);
      if (!row?.active) throw new PasswordSetupTokenInvalidError();
      await UserStore.setPasswordHash(manager, row.id, passwordHash);
      await PasswordSetupStore.markUsed(manager, setup.id);
      await RefreshTokenStore.revokeAllOfUser(manager, row.id);
      await RequestContextStore.withTenant(
        tenantId,
        () => this.audit.record(manager, { action: 'user.password_set', entityType: 'user', entityId: row.id, data: { purpose: setup.purpose } }),
        actorOf(toUserRecord(row)),
      );
    });
  }
}
