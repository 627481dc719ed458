import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { AuthRedisCloser, authRedisProvider } from './login/auth-redis.provider';
import { LoginThrottle } from './login/login-throttle';
import { JwtStrategy, ACCESS_TOKEN_ALGORITHM } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { TenantDirectory } from './tenant-directory';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Sign-in, tokens and the global guards. APP_GUARD providers run in registration order: first the access-token guard
 * (which binds tenant and actor into the request context), then the role check.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM, expiresIn: config.auth.accessTtlSeconds },
        verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    authRedisProvider,
    AuthRedisCloser,
    LoginThrottle,
    TenantDirectory,
    AuthService,
    UsersService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [TenantDirectory],
})
export class AuthModule {}
