import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

export type PasswordSetupPurpose = 'activation' | 'reset';

export interface PasswordSetupTokenRow {
  id: string;
  user_id: string;
  purpose: PasswordSetupPurpose;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** One-time password-setup tokens inside a TenantTransactions run; only the SHA-256 of a token is stored. */
export const PasswordSetupStore = {
  async insert(
    manager: EntityManager,
    row: { tenantId: string; userId: string; purpose: PasswordSetupPurpose; tokenHash: string; ttlSeconds: number; createdBy: string },
  ): Promise<{ id: string; expiresAt: Date }> {
    const [inserted] = await queryRows<{ id: string; expires_at: Date }>(
      manager,
      `insert into password_setup_tokens (tenant_id, user_id, purpose, token_hash, expires_at, created_by)
       values ($1, $2, $3, $4, now() + make_interval(secs => $5), $6) returning id, expires_at`,
      [row.tenantId, row.userId, row.purpose, row.tokenHash, row.ttlSeconds, row.createdBy],
    );
    return { id: inserted.id, expiresAt: inserted.expires_at };
  },

  /** Locked, so two redemptions of one token cannot both succeed. */
  async findForUpdate(manager: EntityManager, tokenHash: string): Promise<PasswordSetupTokenRow | undefined> {
    const [row] = await queryRows<PasswordSetupTokenRow>(
      manager,
      `select id, user_id, purpose, expires_at, used_at, revoked_at from password_setup_tokens where token_hash = $1 for update`,
      [tokenHash],
    );
    return row;
  },

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`update password_setup_tokens set used_at = now() where id = $1`, [id]);
  },

  /** Every open token of the user stops working (a newer one was issued, the password was set or the account closed). */
  async revokeOpen(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`update password_setup_tokens set revoked_at = now() where user_id = $1 and used_at is null and revoked_at is null`, [userId]);
  },
};
