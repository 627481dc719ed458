import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { withRetryAfter } from '../login/retry-after';
import { UserRecord } from '../users/user-record';

/** Password sign-in; the tenant comes from the same body (LocalAuthGuard has validated it already). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, username: string, password: string): Promise<UserRecord> {
    const { tenant } = request.body as LoginDto;
    return withRetryAfter(request.res, () => this.auth.validateCredentials(tenant, username, password, request.ip ?? 'unknown'));
  }
}
