import { EntityManager } from 'typeorm';

export const INVITATION_TTL_DAYS = 7;

export interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  expires_at: Date;
  accepted_at: Date | null;
}

/** Invitation rows inside a TenantTransactions run; only the token's SHA-256 is ever stored. */
export const InvitationStore = {
  async insert(manager: EntityManager, row: { tenantId: string; organizationId: string; email: string; tokenHash: string; invitedBy: string }): Promise<{ id: string; expiresAt: Date }> {
    const rows = (await manager.query(
      `insert into organization_invitations (tenant_id, organization_id, email, token_hash, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) returning id, expires_at`,
      [row.tenantId, row.organizationId, row.email, row.tokenHash, row.invitedBy, INVITATION_TTL_DAYS],
    )) as Array<{ id: string; expires_at: Date }>;
    return { id: rows[0].id, expiresAt: rows[0].expires_at };
  },

  /** Locked so two acceptances of one token cannot both succeed. */
  async findForUpdate(manager: EntityManager, tokenHash: string): Promise<InvitationRow | undefined> {
    const rows = (await manager.query(
      `select id, organization_id, email, expires_at, accepted_at from organization_invitations where token_hash = $1 for update`,
      [tokenHash],
    )) as InvitationRow[];
    return rows[0];
  },

  async markAccepted(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(`update organization_invitations set accepted_at = now(), accepted_user_id = $2 where id = $1`, [id, userId]);
  },
};
