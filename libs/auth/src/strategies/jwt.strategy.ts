import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { Actor } from '@subsidy/tenancy';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticationRequiredError } from '../auth-errors';
import { actorFromClaims } from '../tokens/access-token-claims';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** Verifies the bearer access token (HS256 only: `none` and asymmetric algorithm confusion are refused). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  validate(payload: unknown): Actor {
    const actor = actorFromClaims(payload);
    if (!actor) throw new AuthenticationRequiredError('access_token_invalid', 'The access token is not valid');
    return actor;
  }
}
