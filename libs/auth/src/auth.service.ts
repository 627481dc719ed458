import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditLog } from '@subsidy/audit';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows, TenantTransactions } from '@subsidy/database';
import type { Localized } from '@subsidy/common';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { AuthenticationRequiredError, InvalidCredentialsError, RefreshTokenInvalidError } from './auth-errors';
import { LoginThrottle } from './login/login-throttle';
import { describeHashParameters, hashPassword, passwordHashNeedsUpgrade, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { TenantDirectory } from './tenant-directory';
import { claimsFor } from './tokens/access-token-claims';
import { hashToken, newOpaqueToken } from './tokens/refresh-token';
import { RefreshTokenStore } from './tokens/refresh-token-store';
import { UserRecord, toUserRecord } from './users/user-record';
import { UserStore } from './users/user-store';

export interface SessionTokens {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: UserRecord;
}

export function actorOf(user: UserRecord): Actor & { role: NonNullable<Actor['role']>; homeTenantId: string } {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    homeTenantId: user.tenantId,
    districtCode: user.districtCode,
    financeLevel: user.financeLevel,
    organizationId: user.organizationId,
  };
}

type RefreshOutcome = { kind: 'rotated'; user: UserRecord; familyId: string } | { kind: 'rejected'; message?: Localized };

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a password sign-in under the growing delays of LoginThrottle; every wrong part answers the same
   * `invalid_credentials` after the same argon2 work (a missing, inactive or password-less account is checked against
   * the dummy hash). A hash made with outdated parameters is re-hashed now that the password is known.
   */
  async validateCredentials(tenantId: string, rawUsername: string, password: string, ip: string): Promise<UserRecord> {
    const username = rawUsername.trim().toLowerCase();
    const attempt = { tenantId, username, ip };
    await this.throttle.begin(attempt);
    const tenant = await this.tenants.find(tenantId);
    const row = tenant ? await this.transactions.runFor(tenantId, (manager) => UserStore.findByUsername(manager, username)) : undefined;
    const ok = row?.password_hash && row.active ? await verifyPassword(row.password_hash, password) : await verifyAgainstDummy(password);
    if (!ok || !row?.password_hash) throw new InvalidCredentialsError();
    await this.throttle.succeeded(attempt);
    const user = toUserRecord(row);
    if (passwordHashNeedsUpgrade(row.password_hash)) await this.upgradeHash(user, row.password_hash, password);
    return user;
  }

  /** Replaces an outdated hash, unless the password changed meanwhile (compare-and-set on the old hash). Audited as the user. */
  private async upgradeHash(user: UserRecord, oldHash: string, password: string): Promise<void> {
    const newHash = await hashPassword(password);
    await RequestContextStore.withTenant(
      user.tenantId,
      () =>
        this.transactions.run(async (manager) => {
          const updated = await queryRows<{ id: string }>(manager, `update users set password_hash = $3 where id = $1 and password_hash = $2 returning id`, [user.id, oldHash, newHash]);
          if (updated.length === 0) return;
          await this.audit.record(manager, {
            action: 'user.password_rehashed',
            entityType: 'user',
            entityId: user.id,
            reason: 'stored hash used outdated argon2 parameters',
            data: { parameters: describeHashParameters(newHash) },
          });
        }),
      actorOf(user),
    );
  }

  /** Starts a new refresh-token family for a fresh sign-in. */
  async startSession(user: UserRecord): Promise<SessionTokens> {
    return this.transactions.runFor(user.tenantId, (manager) => this.issue(manager, user, null));
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated means a copy is in someone else's hands,
   * so the whole family is revoked (committed) before the caller is turned away.
   */
  async refresh(tenantId: string, refreshToken: string): Promise<SessionTokens> {
    if (!(await this.tenants.find(tenantId))) throw new RefreshTokenInvalidError();
    const tokenHash = hashToken(refreshToken);
    const outcome = await this.transactions.runFor(tenantId, async (manager): Promise<RefreshOutcome> => {
      const token = await RefreshTokenStore.findForUpdate(manager, tokenHash);
      if (!token || token.revoked_at) return { kind: 'rejected' };
      if (token.used_at) {
        await RefreshTokenStore.revokeFamily(manager, token.family_id);
        await this.audit.record(manager, {
          action: 'auth.refresh_token_reused',
          entityType: 'user',
          entityId: token.user_id,
          reason: 'A rotated refresh token was presented again; every session of this sign-in was ended',
          data: { familyId: token.family_id },
        });
        return {
          kind: 'rejected',
          message: {
            zh: '该登录凭证已被使用过，为安全起见，本次登录的所有会话均已结束，请重新登录',
            en: 'This refresh token was already used; for safety every session of this sign-in was ended',
          },
        };
      }
      if (token.expires_at.getTime() <= Date.now()) return { kind: 'rejected' };
      const user = await UserStore.findById(manager, token.user_id);
      if (!user || !user.active) return { kind: 'rejected' };
      await RefreshTokenStore.markUsed(manager, token.id);
      return { kind: 'rotated', user, familyId: token.family_id };
    });
    if (outcome.kind === 'rejected') throw new RefreshTokenInvalidError(outcome.message);
    return this.transactions.runFor(tenantId, (manager) => this.issue(manager, outcome.user, outcome.familyId));
  }

  /**
   * Ends the sign-in the token belongs to (its whole family), and with it every access token of that sign-in (their
   * `sid`). Unknown tokens are ignored: logging out twice is fine. Audited as the user.
   */
  async logout(tenantId: string, refreshToken: string): Promise<void> {
    if (!(await this.tenants.find(tenantId))) return;
    await this.transactions.runFor(tenantId, async (manager) => {
      const token = await RefreshTokenStore.findForUpdate(manager, hashToken(refreshToken));
      if (!token || token.revoked_at) return;
      await RefreshTokenStore.revokeFamily(manager, token.family_id);
      const user = await UserStore.findById(manager, token.user_id);
      const record = () =>
        this.audit.record(manager, { action: 'auth.logout', entityType: 'user', entityId: token.user_id, data: { familyId: token.family_id } });
      await (user ? RequestContextStore.withTenant(tenantId, record, actorOf(user)) : record());
    });
  }

  async me(actor: Actor): Promise<UserRecord> {
    const home = actor.homeTenantId;
    const user = home ? await this.transactions.runFor(home, (manager) => UserStore.findById(manager, actor.id)) : undefined;
    if (!user || !user.active) throw new AuthenticationRequiredError('access_token_invalid', { zh: '您的账号已不存在或已停用', en: 'Your account no longer exists or was deactivated' });
    return user;
  }

  private async issue(manager: EntityManager, user: UserRecord, familyId: string | null): Promise<SessionTokens> {
    const refreshToken = newOpaqueToken();
    const stored = await RefreshTokenStore.insert(manager, {
      tenantId: user.tenantId,
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      ttlSeconds: this.config.auth.refreshTtlSeconds,
    });
    const accessToken = await this.jwt.signAsync({ ...claimsFor(actorOf(user), stored.familyId) });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.config.auth.accessTtlSeconds,
      refreshToken,
      refreshExpiresAt: stored.expiresAt.toISOString(),
      user,
    };
  }
}
