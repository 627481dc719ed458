import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import type { Request } from 'express';
import { decideActingTenant } from '../acting-tenant';
import { AuthenticationRequiredError, TenantForbiddenError, UnknownTenantError } from '../auth-errors';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { TenantDirectory } from '../tenant-directory';

export const TENANT_HEADER = 'x-tenant-id';

/**
 * The global guard: every route needs a valid access token unless marked @Public(). Once the token is verified it
 * decides the acting tenant and binds tenant and actor into the request context, which is where TenantTransactions
 * (row-level security) and AuditLog read them.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantDirectory,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const actor = request.user;
    if (!actor) throw new AuthenticationRequiredError('unauthenticated', { zh: '请先登录', en: 'Sign in first' });
    const decision = decideActingTenant(actor, request.headers[TENANT_HEADER]);
    if (decision.kind === 'forbidden') throw new TenantForbiddenError();
    if (decision.kind === 'delegated' && !(await this.tenants.find(decision.tenantId))) {
      throw new UnknownTenantError(decision.tenantId, [{ path: 'X-Tenant-Id', message: 'no such tenant' }]);
    }
    RequestContextStore.bind(decision.tenantId, actor);
    return true;
  }

  override handleRequest<TUser = Actor>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error) throw error;
    if (user) return user;
    const reason = info instanceof Error ? info : undefined;
    if (reason?.name === 'TokenExpiredError') throw new AuthenticationRequiredError('access_token_expired', { zh: '登录已过期，请刷新或重新登录', en: 'The access token has expired; refresh it' });
    if (!reason || reason.message === 'No auth token') throw new AuthenticationRequiredError('unauthenticated', { zh: '请先登录后再访问', en: 'Sign in first: send an access token as "Authorization: Bearer <token>"' });
    throw new AuthenticationRequiredError('access_token_invalid', { zh: '登录凭证无效，请重新登录', en: 'The access token is not valid' });
  }
}
