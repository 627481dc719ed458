import { Actor, Role, ROLES } from '@subsidy/tenancy';

/** What an access token asserts; short names keep the header small. `iat` and `exp` are added when it is signed. */
export interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  district: string | null;
  fin: 'city' | 'district' | null;
  org: string | null;
  /** The sign-in (refresh-token family) the token belongs to: ending the sign-in ends the token at once. */
  sid: string;
}

type SignedInActor = Required<Pick<Actor, 'id' | 'role' | 'homeTenantId'>> & Actor;

export function claimsFor(actor: SignedInActor, sessionId: string): AccessTokenClaims {
  return {
    sub: actor.id,
    tid: actor.homeTenantId,
    role: actor.role,
    district: actor.districtCode ?? null,
    fin: actor.financeLevel ?? null,
    org: actor.organizationId ?? null,
    sid: sessionId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

/**
 * Turns verified claims back into an actor; anything malformed (an old or hand-made token) yields undefined. A token
 * must name its session and carry `iat` and `exp`: jsonwebtoken accepts a token without `exp` as never expiring, so
 * the absence is refused here. Whether the session and the user are still alive is AccessTokenVerifier's question.
 */
export function actorFromClaims(payload: unknown): Actor | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (typeof p.sub !== 'string' || !UUID.test(p.sub) || typeof p.tid !== 'string' || typeof p.role !== 'string') return undefined;
  if (typeof p.sid !== 'string' || !UUID.test(p.sid)) return undefined;
  if (!Number.isFinite(p.exp) || !Number.isFinite(p.iat)) return undefined;
  if (!(ROLES as readonly string[]).includes(p.role)) return undefined;
  if (!isNullableString(p.district) || !isNullableString(p.org)) return undefined;
  if (p.fin !== null && p.fin !== 'city' && p.fin !== 'district') return undefined;
  return {
    kind: 'user',
    id: p.sub,
    role: p.role as Role,
    homeTenantId: p.tid,
    districtCode: p.district,
    financeLevel: p.fin,
    organizationId: p.org,
    sessionId: p.sid,
  };
}

/** The lifetime the token claims for itself, in seconds (only meaningful once actorFromClaims accepted it). */
export function claimedLifetimeSeconds(payload: unknown): number {
  const p = payload as { iat: number; exp: number };
  return p.exp - p.iat;
}
