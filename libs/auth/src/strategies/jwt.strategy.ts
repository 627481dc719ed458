import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { Actor } from '@subsidy/tenancy';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenVerifier } from '../tokens/access-token-verifier';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/**
 * Verifies the bearer access token (HS256 only: `none` and asymmetric algorithm confusion are refused), then asks the
 * database whether its user and sign-in are still alive (AccessTokenVerifier).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly verifier: AccessTokenVerifier,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  validate(payload: unknown): Promise<Actor> {
    return this.verifier.actorFor(payload);
  }
}
