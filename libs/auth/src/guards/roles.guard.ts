import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContextStore, Role } from '@subsidy/tenancy';
import { ForbiddenRoleError } from '../auth-errors';
import { ROLES_KEY } from '../decorators/roles.decorator';

/** Runs after JwtAuthGuard (registration order): checks @Roles against the bound actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!allowed?.length) return true;
    const role = RequestContextStore.actor()?.role;
    if (!role || !allowed.includes(role)) throw new ForbiddenRoleError(allowed);
    return true;
  }
}
