import { SetMetadata } from '@nestjs/common';
import { Role } from '@subsidy/tenancy';

export const ROLES_KEY = 'subsidy:roles';

/** Restricts a route (or every route of a controller) to the listed roles; without it any signed-in actor passes. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
