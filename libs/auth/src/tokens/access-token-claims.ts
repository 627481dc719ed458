import { Actor, Role, ROLES } from '@subsidy/tenancy';

/** What an access token asserts; short names keep the header small. */
export interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  district: string | null;
  fin: 'city' | 'district' | null;
  org: string | null;
}

export function claimsFor(actor: Required<Pick<Actor, 'id' | 'role' | 'homeTenantId'>> & Actor): AccessTokenClaims {
  return {
    sub: actor.id,
    tid: actor.homeTenantId,
    role: actor.role,
    district: actor.districtCode ?? null,
    fin: actor.financeLevel ?? null,
    org: actor.organizationId ?? null,
  };
}

const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Turns verified claims back into an actor; anything malformed (an old or hand-made token) yields undefined. */
export function actorFromClaims(payload: unknown): Actor | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (typeof p.sub !== 'string' || typeof p.tid !== 'string' || typeof p.role !== 'string') return undefined;
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
  };
}
