// The decorators come first: @subsidy/notifications (imported by this library's module) uses CurrentActor while this
// barrel may still be loading, and must find it already exported.
export * from './decorators/current-actor.decorator';
export * from './decorators/public.decorator';
export * from './decorators/roles.decorator';
export * from './acting-tenant';
export * from './auth-errors';
export * from './auth.module';
export * from './auth.service';
export * from './dto/fields';
export * from './login/delay-schedule';
export * from './login/login-throttle';
export * from './password-hasher';
export * from './scope';
export * from './tenant-directory';
export * from './tokens/access-token-claims';
export * from './tokens/access-token-verifier';
export * from './tokens/refresh-token';
export * from './users/account-authority';
export * from './users/create-user.dto';
export * from './users/district-store';
export * from './users/segregation-of-duties';
export * from './users/staff-binding';
export * from './users/unique-violation';
export * from './users/user-record';
export * from './users/user-store';
export { TENANT_HEADER } from './guards/jwt-auth.guard';
export * from './http/auth-responses';
