import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const DASHBOARD_COOKIE = 'subsidy_queue_dashboard';

interface DashboardClaims {
  role?: unknown;
  exp?: unknown;
}

function cookieToken(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DASHBOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The rest of an access token's check, beyond signature and expiry: the API passes its AccessTokenVerifier (the user
 * still active, the sign-in not ended), which resolves to the actor or rejects.
 */
export type DashboardTokenCheck = (token: string) => Promise<{ role?: unknown }>;

function deny(response: Response, status: 401 | 403, message: string): void {
  response.status(status).json({ code: status === 401 ? 'unauthorized' : 'forbidden', message, details: [] });
}

/**
 * Admits platform administrators only: the access token (HS256, the API's JWT secret) must carry `role: platform_admin`
 * and an expiry, and pass `check` when one is given (the API always gives one, so a logged-out or deactivated
 * administrator's token stops opening the dashboard at once). The token comes as `Authorization: Bearer`; because the
 * dashboard's own page and XHR calls cannot add that header, a bearer-authenticated request also sets an HttpOnly
 * cookie scoped to the dashboard path that expires with the token (and is checked the same way on every request).
 */
export function queueDashboardAuth(jwt: JwtService, basePath: string, secureCookie: boolean, check?: DashboardTokenCheck): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    const fromHeader = bearerToken(request);
    const token = fromHeader ?? cookieToken(request);
    if (!token) return deny(response, 401, 'A platform administrator access token is required');
    let claims: DashboardClaims;
    try {
      claims = jwt.verify<DashboardClaims & object>(token, { algorithms: ['HS256'] });
    } catch {
      return deny(response, 401, 'The access token is invalid or expired');
    }
    // jsonwebtoken accepts a token without exp as never expiring; an access token always has one.
    if (typeof claims.exp !== 'number') return deny(response, 401, 'The access token is invalid or expired');
    const admit = (role: unknown): void => {
      if (role !== 'platform_admin') return deny(response, 403, 'Only platform administrators may open the queue dashboard');
      if (fromHeader && typeof claims.exp === 'number') {
        const maxAge = Math.max(0, claims.exp - Math.floor(Date.now() / 1000));
        const attributes = [`Path=${basePath}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, ...(secureCookie ? ['Secure'] : [])];
        response.setHeader('Set-Cookie', `${DASHBOARD_COOKIE}=${encodeURIComponent(fromHeader)}; ${attributes.join('; ')}`);
      }
      next();
    };
    if (!check) return admit(claims.role);
    check(token).then(
      (actor) => admit(actor.role),
      () => deny(response, 401, 'The access token is invalid, expired or its sign-in has ended'),
    );
  };
}
