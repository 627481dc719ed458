import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { LoginLockedError } from '../auth-errors';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { UserRecord } from '../users/user-record';

/** Password sign-in; the tenant comes from the same body (LocalAuthGuard has validated it already). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: Request, username: string, password: string): Promise<UserRecord> {
    const { tenant } = request.body as LoginDto;
    try {
      return await this.auth.validateCredentials(tenant, username, password, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof LoginLockedError) request.res?.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
