import { forwardRef, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { NotificationsModule } from '@subsidy/notifications';
import { AdministratorAlerts } from './accounts/administrator-alerts';
import { PasswordSetupIssuer } from './accounts/password-setup-issuer';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { AuthRedisCloser, authRedisProvider } from './login/auth-redis.provider';
import { LoginThrottle } from './login/login-throttle';
import { ChangeOwnPassword } from './passwords/change-own-password';
import { CompletePasswordSetup } from './passwords/complete-password-setup';
import { JwtStrategy, ACCESS_TOKEN_ALGORITHM } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { TenantDirectory } from './tenant-directory';
import { PublicTenantsController } from './public-tenants.controller';
import { PublicDistrictsController } from './public-districts.controller';
import { TenantDistricts } from './tenant-districts';
import { AccessTokenVerifier } from './tokens/access-token-verifier';
import { UsersController } from './users/users.controller';
import { CreateStaffAccount } from './users/use-cases/create-staff-account';
import { DeactivateUser } from './users/use-cases/deactivate-user';
import { ForcePasswordReset } from './users/use-cases/force-password-reset';
import { ListUsers } from './users/use-cases/list-users';
import { ReactivateUser } from './users/use-cases/reactivate-user';
import { UnlockLogin } from './users/use-cases/unlock-login';

/**
 * Sign-in, tokens and the global guards. APP_GUARD providers run in registration order: first the access-token guard
 * (which binds tenant and actor into the request context), then the role check.
 */
@Module({
  imports: [
    PassportModule,
    // forwardRef: @subsidy/notifications imports this library's decorators, so either barrel may load first.
    forwardRef(() => NotificationsModule),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM, expiresIn: config.auth.accessTtlSeconds },
        verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, PublicTenantsController, PublicDistrictsController],
  providers: [
    authRedisProvider,
    AuthRedisCloser,
    LoginThrottle,
    TenantDirectory,
    TenantDistricts,
    AuthService,
    AccessTokenVerifier,
    PasswordSetupIssuer,
    AdministratorAlerts,
    ChangeOwnPassword,
    CompletePasswordSetup,
    CreateStaffAccount,
    ListUsers,
    DeactivateUser,
    ReactivateUser,
    ForcePasswordReset,
    UnlockLogin,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [TenantDirectory, AccessTokenVerifier],
})
export class AuthModule {}
