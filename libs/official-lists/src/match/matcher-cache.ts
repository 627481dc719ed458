import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NameMatcher } from './name-matcher';
import { tenantMatcher } from './match-entry';

/**
 * The tenant's organizations indexed for matching, built again only when they changed: a fingerprint of every
 * organization's id, name, credit code and registration status (computed by PostgreSQL in one pass) decides. Building
 * the index for 20,000 organizations takes most of a second, which every chunk of a large import would otherwise pay.
 */
@Injectable()
export class MatcherCache {
  private readonly byTenant = new Map<string, { fingerprint: string; matcher: NameMatcher }>();

  async matcherFor(manager: EntityManager, tenantId: string): Promise<NameMatcher> {
    const [{ fingerprint }] = (await manager.query(
      `select count(*)::text || ':' || coalesce(md5(string_agg(id::text || '|' || name || '|' || uscc || '|' || registration_status, ',' order by id)), '') as fingerprint from organizations`,
    )) as Array<{ fingerprint: string }>;
    const cached = this.byTenant.get(tenantId);
    if (cached && cached.fingerprint === fingerprint) return cached.matcher;
    const matcher = await tenantMatcher(manager);
    this.byTenant.delete(tenantId);
    // A few tenants at most stay indexed; the oldest goes first.
    if (this.byTenant.size >= 4) this.byTenant.delete(this.byTenant.keys().next().value as string);
    this.byTenant.set(tenantId, { fingerprint, matcher });
    return matcher;
  }
}
