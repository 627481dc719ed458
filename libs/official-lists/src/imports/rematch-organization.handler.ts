import { AuditLog } from '@subsidy/audit';
import { JobContext, JobHandler, OfficialListRematchPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { NameMatcher } from '../match/name-matcher';
import { rowMatch } from '../match/match-entry';
import { MatcherCache } from '../match/matcher-cache';
import { normalizeName } from '../match/normalize-name';

interface WaitingRow {
  id: string;
  list_id: string;
  party_name: string;
  credit_code: string | null;
  name_key: string;
  status: 'unregistered' | 'review';
}

/**
 * When an organization registers, the list entries waiting for it are matched again: those with its credit code or
 * its exact normalized name, and those whose name is near its name (which then go to the officer with it as a
 * candidate). Each affected entry is matched against all the tenant's organizations, as at import, so the outcome is
 * the one an import made today would give. Entries an officer decided are not touched.
 */
@JobHandler('lists', 'official-list.rematch-organization')
export class RematchOrganizationHandler implements QueueJobHandler<'lists', 'official-list.rematch-organization'> {
  constructor(
    private readonly audit: AuditLog,
    private readonly matchers: MatcherCache,
  ) {}

  async handle(manager: EntityManager, payload: OfficialListRematchPayload, context: JobContext): Promise<void> {
    const [organization] = (await manager.query(`select id, name, uscc from organizations where id = $1 and registration_status <> 'rejected'`, [payload.organizationId])) as Array<{ id: string; name: string; uscc: string }>;
    if (!organization) return;
    const waitingNames = (await manager.query(`select distinct party_name from official_list_rows where status in ('unregistered', 'review')`)) as Array<{ party_name: string }>;
    if (waitingNames.length === 0) return;
    // Which waiting names concern this organization: a matcher over the waiting names, asked with the organization's.
    const names = new NameMatcher(waitingNames.map(({ party_name: name }) => ({ id: name, name, creditCode: null })));
    const near = names.match(organization.name, null);
    const concerned = near.status === 'matched' ? [near.candidate.id] : near.status === 'review' ? near.candidates.map((c) => c.candidate.id) : [];
    const affected = (await manager.query(
      `select id, list_id, party_name, credit_code, name_key, status from official_list_rows
        where status in ('unregistered', 'review') and (party_name = any($1) or name_key = $2 or credit_code = $3)
        order by list_id, row_number, party_rank for update`,
      [concerned, normalizeName(organization.name), organization.uscc.trim()],
    )) as WaitingRow[];
    if (affected.length === 0) return;
    const matcher = await this.matchers.matcherFor(manager, payload.tenantId);
    const changes: Array<{ id: string; from: string; to: string }> = [];
    for (const row of affected) {
      const match = rowMatch(matcher.match(row.party_name, row.credit_code));
      await manager.query(
        `update official_list_rows set status = $2, organization_id = $3, match_method = $4, candidates = $5, updated_at = now() where id = $1`,
        [row.id, match.status, match.organizationId, match.method, JSON.stringify(match.candidates)],
      );
      changes.push({ id: row.id, from: row.status, to: match.status });
    }
    await this.audit.record(manager, {
      action: 'official-list.rows-rematched',
      entityType: 'organization',
      entityId: organization.id,
      data: { outboxId: context.outboxId, rows: changes.length, matched: changes.filter((c) => c.to === 'matched').length, review: changes.filter((c) => c.to === 'review').length, rowIds: changes.slice(0, 200).map((c) => c.id) },
    });
  }
}
