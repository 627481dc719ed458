import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AuthenticationRequiredError } from '../auth-errors';
import { actorFromClaims, claimedLifetimeSeconds } from './access-token-claims';

/** Tolerated difference between the signer's and our clock when comparing a token's lifetime with the configured one. */
const LIFETIME_SLACK_SECONDS = 5;

interface AccountState {
  active: boolean;
  role: string;
  district_code: string | null;
  finance_level: string | null;
  organization_id: string | null;
  session_live: boolean;
}

const invalid = () => new AuthenticationRequiredError('access_token_invalid', { zh: '访问令牌无效', en: 'The access token is not valid' });
const revoked = (en: string, zh: string) => new AuthenticationRequiredError('access_token_revoked', { zh: `${zh}，请重新登录`, en: `${en}; sign in again` });

/**
 * The second half of checking an access token, after its signature and expiry: the database, not the token, says
 * whether it still counts. Per request it reads the user and the sign-in the token names (`sid`, a refresh-token
 * family), so logout, deactivation, a forced reset and a password change end access tokens at once, and a Redis
 * restart changes nothing. A token without `exp`, or claiming a longer life than the configured one, is refused.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For a payload whose signature and expiry passport-jwt has verified. */
  async actorFor(payload: unknown): Promise<Actor> {
    const actor = actorFromClaims(payload);
    if (!actor?.homeTenantId || !actor.sessionId) throw invalid();
    if (claimedLifetimeSeconds(payload) > this.config.auth.accessTtlSeconds + LIFETIME_SLACK_SECONDS) throw invalid();
    const [state] = await this.transactions.runFor(actor.homeTenantId, (manager) =>
      queryRows<AccountState>(
        manager,
        `select u.active, u.role, u.district_code, u.finance_level, u.organization_id,
                exists (select 1 from refresh_tokens r where r.family_id = $2 and r.user_id = u.id and r.revoked_at is null) as session_live
           from users u where u.id = $1`,
        [actor.id, actor.sessionId],
      ),
    );
    if (!state) throw revoked('The account no longer exists', '该账号已不存在');
    if (!state.active) throw revoked('The account was deactivated', '该账号已停用');
    if (!state.session_live) throw revoked('This sign-in has ended', '本次登录已结束');
    const unchanged =
      state.role === actor.role &&
      state.district_code === (actor.districtCode ?? null) &&
      state.finance_level === (actor.financeLevel ?? null) &&
      state.organization_id === (actor.organizationId ?? null);
    if (!unchanged) throw revoked("The account's role or binding has changed", '该账号的角色或范围已变更');
    return actor;
  }

  /** The whole check for a raw bearer token (for routes outside Nest's guards, e.g. the queue dashboard). */
  async verify(token: string): Promise<Actor> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch {
      throw invalid();
    }
    return this.actorFor(payload);
  }
}
