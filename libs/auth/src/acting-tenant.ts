import { Actor } from '@subsidy/tenancy';

export type ActingTenantDecision =
  | { kind: 'home'; tenantId: string }
  /** A platform administrator reaching into one other tenant; the caller must check the tenant exists. */
  | { kind: 'delegated'; tenantId: string }
  | { kind: 'forbidden' };

/**
 * Which tenant a request acts on. Everyone acts on their own tenant; only a platform administrator may name one other
 * tenant per request with X-Tenant-Id, so reaching across tenants is always explicit and visible in the request.
 */
export function decideActingTenant(actor: Actor, header: string | string[] | undefined): ActingTenantDecision {
  const home = actor.homeTenantId ?? '';
  const requested = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!requested || requested === home) return { kind: 'home', tenantId: home };
  if (actor.role === 'platform_admin') return { kind: 'delegated', tenantId: requested };
  return { kind: 'forbidden' };
}
