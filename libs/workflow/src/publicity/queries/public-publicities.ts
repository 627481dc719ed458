import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK, Paged } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { DataSource, EntityManager } from 'typeorm';
import { labelOfRow, SNAPSHOT_SQL } from '../../decision/decision-snapshot';
import { PublicityNotFoundError, UnknownTenantError } from '../publicity-errors';

export interface PublicPublicitySummary {
  id: string;
  programTitle: string;
  programYear: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

export interface PublicAward {
  applicationId: string;
  applicantName: string;
  creditCode: string;
  district: string | null;
  totalFen: number;
  /**
   * `item`: the policy's name for what is paid with the standard number, as fixed at the decision; `policyItem` and
   * `standardNo` the two parts (null where the policy named no item / the achievement has no standard number).
   */
  items: Array<{ item: string; policyItem: string | null; standardNo: string | null; article: string | null; amountFen: number }>;
}

export interface PublicPublicity extends PublicPublicitySummary {
  /** Where objections go: the office the program's call names (null when the call names none). */
  receivingOffice: string | null;
  awards: PublicAward[];
}

/** Who acts through the public endpoints (an objection, for instance). */
export const PUBLIC_ACTOR: Actor = { kind: 'system', id: 'public' };

/** Applications that are (or were) on display: shown, under objection review, approved or handed over. */
const SHOWN = ['in_publicity', 'objection_review', 'approved', 'handed_over'];

/**
 * What the public may see of a tenant's publicities: the program, the period, and per award the applicant's name,
 * credit code, district and the items with article and amount. Nothing internal (ceilings, proposals, reasons,
 * reviewers, objections). A publicity is visible from its first day. Names and item labels are the decision's
 * snapshots (libs/workflow/src/decision/decision-snapshot.ts): renaming an organization afterwards does not rewrite
 * what was published.
 */
@Injectable()
export class PublicPublicities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs `work` as the named tenant, after checking it is a government tenant (otherwise 404 unknown_tenant). */
  async asTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const rows = (await this.dataSource.query(`select id from tenants where id = $1 and kind = 'government'`, [tenantId])) as Array<{ id: string }>;
    if (rows.length === 0) throw new UnknownTenantError();
    // Nobody is signed in: the audit trail names the public as the actor rather than the system.
    return RequestContextStore.withTenant(tenantId, () => this.transactions.run(work), PUBLIC_ACTOR);
  }

  list(tenantId: string): Promise<PublicPublicitySummary[]> {
    return this.asTenant(tenantId, (manager) =>
      queryRows<PublicPublicitySummary>(
        manager,
        `select p.id, g.title as "programTitle", g.year as "programYear", to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn",
                to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.status
           from publicities p join programs g on g.id = p.program_id
          where p.starts_on <= $1::date
          order by p.starts_on desc, p.id`,
        [cstToday(this.clock)],
      ),
    );
  }

  /** One page of what the public may see, filtered and sorted in SQL, and the count of all that match. */
  page(
    tenantId: string,
    filter: { status?: string; year?: number; q?: string; orderBy: string; limit: number; offset: number },
  ): Promise<Paged<PublicPublicitySummary>> {
    return this.asTenant(tenantId, async (manager) => {
      const where = `from publicities p join programs g on g.id = p.program_id
          where p.starts_on <= $1::date and ($2::text is null or p.status = $2) and ($3::int is null or g.year = $3)
            and ($4::text is null or strpos(lower(g.title), lower($4)) > 0)`;
      const params = [cstToday(this.clock), filter.status ?? null, filter.year ?? null, filter.q ?? null];
      const rows = await queryRows<PublicPublicitySummary>(
        manager,
        `select p.id, g.title as "programTitle", g.year as "programYear", to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn",
                to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.status
           ${where}
          order by ${filter.orderBy} limit $5 offset $6`,
        [...params, filter.limit, filter.offset],
      );
      const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where}`, params);
      return { rows, total: count?.total ?? 0 };
    });
  }

  detail(tenantId: string, publicityId: string): Promise<PublicPublicity> {
    return this.asTenant(tenantId, (manager) => this.load(manager, publicityId));
  }

  async load(manager: EntityManager, publicityId: string): Promise<PublicPublicity> {
    const [summary] = await queryRows<PublicPublicitySummary & { programId: string; receivingOffice: string | null }>(
      manager,
      `select p.id, p.program_id as "programId", g.title as "programTitle", g.year as "programYear",
              to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.status,
              nullif(g.call->>'receivingOffice', '') as "receivingOffice"
         from publicities p join programs g on g.id = p.program_id
        where p.id = $1 and p.starts_on <= $2::date`,
      [publicityId, cstToday(this.clock)],
    );
    if (!summary) throw new PublicityNotFoundError();
    const rows = await queryRows<{
      applicationId: string;
      applicantName: string;
      creditCode: string;
      district: string | null;
      achievementId: string;
      payload: Record<string, unknown>;
      policyLabel: string | null;
      standardNo: string | null;
      achievementLabel: string | null;
      article: string | null;
      amountFen: string;
    }>(
      manager,
      `select a.id as "applicationId", ${SNAPSHOT_SQL.organizationName} as "applicantName", ${SNAPSHOT_SQL.organizationUscc} as "creditCode",
              d.name_zh as district, i.achievement_id as "achievementId", aa.payload, ${SNAPSHOT_SQL.policyLabel} as "policyLabel",
              ${SNAPSHOT_SQL.standardNo} as "standardNo", ${SNAPSHOT_SQL.achievementLabel} as "achievementLabel",
              i.article, i.decided_fen::text as "amountFen"
         from applications a
         join organizations o on o.id = a.organization_id
         left join districts d on d.code = a.district_code
         join decision_items i on i.application_id = a.id and i.decided_fen > 0
         join application_achievements aa on aa.application_id = i.application_id and aa.achievement_id = i.achievement_id
        where a.program_id = $1 and a.status = any($2)
        order by ${SNAPSHOT_SQL.organizationName}, a.id, aa.position, i.achievement_id`,
      [summary.programId, SHOWN],
    );
    const awards = new Map<string, PublicAward>();
    for (const row of rows) {
      const award = awards.get(row.applicationId) ?? {
        applicationId: row.applicationId,
        applicantName: row.applicantName,
        creditCode: row.creditCode,
        district: row.district,
        totalFen: 0,
        items: [],
      };
      award.items.push({ item: labelOfRow(row), policyItem: row.policyLabel, standardNo: row.standardNo, article: row.article, amountFen: Number(row.amountFen) });
      award.totalFen = Number(BigInt(award.totalFen) + BigInt(row.amountFen));
      awards.set(row.applicationId, award);
    }
    const { programId: _internal, ...visible } = summary;
    return { ...visible, awards: [...awards.values()] };
  }
}
