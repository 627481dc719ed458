import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Refresh-token rows inside a TenantTransactions run (row-level security supplies the tenant). */
export const RefreshTokenStore = {
  async insert(manager: EntityManager, row: { tenantId: string; userId: string; familyId: string | null; tokenHash: string; ttlSeconds: number }): Promise<{ familyId: string; expiresAt: Date }> {
    const rows = (await manager.query(
      `insert into refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
       values ($1, $2, coalesce($3::uuid, gen_random_uuid()), $4, now() + make_interval(secs => $5))
       returning family_id, expires_at`,
      [row.tenantId, row.userId, row.familyId, row.tokenHash, row.ttlSeconds],
    )) as Array<{ family_id: string; expires_at: Date }>;
    return { familyId: rows[0].family_id, expiresAt: rows[0].expires_at };
  },

  /** Locks the row so two concurrent refreshes with one token are serialised: the second sees it used. */
  async findForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows = (await manager.query(
      `select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens where token_hash = $1 for update`,
      [tokenHash],
    )) as RefreshTokenRow[];
    return rows[0];
  },

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`update refresh_tokens set used_at = now() where id = $1`, [id]);
  },

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`update refresh_tokens set revoked_at = now() where family_id = $1 and revoked_at is null`, [familyId]);
  },

  /**
   * Ends every sign-in of a user (deactivation, forced reset), or every one but `keepFamilyId` (a password change keeps
   * the session it was made from). Access tokens die with their family: AccessTokenVerifier checks it on each request.
   * Returns how many sign-ins were ended.
   */
  async revokeAllOfUser(manager: EntityManager, userId: string, keepFamilyId: string | null = null): Promise<number> {
    const rows = await queryRows<{ family_id: string }>(
      manager,
      `update refresh_tokens set revoked_at = now()
        where user_id = $1 and revoked_at is null and ($2::uuid is null or family_id <> $2::uuid)
        returning family_id`,
      [userId, keepFamilyId],
    );
    return new Set(rows.map((r) => r.family_id)).size;
  },
};
