import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ExpertNotFoundError } from '../review-errors';

export interface ExpertProfileCommand {
  userId: string;
  field?: string | null;
  affiliatedUsccs: string[];
  active: boolean;
}

export interface ExpertProfileView {
  userId: string;
  username: string;
  displayName: string;
  field: string | null;
  affiliatedUsccs: string[];
  active: boolean;
}

const SELECT = `select p.user_id as "userId", u.username, u.display_name as "displayName", p.field,
                       p.affiliated_usccs as "affiliatedUsccs", p.active
                  from expert_profiles p join users u on u.id = p.user_id`;

/** The expert pool: who may be drawn, in what field, and which units they are affiliated with (for conflict exclusion). */
@Injectable()
export class ExpertProfiles {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  async upsert(command: ExpertProfileCommand): Promise<ExpertProfileView> {
    const tenantId = RequestContextStore.requireTenantId();
    const usccs = [...new Set(command.affiliatedUsccs.map((u) => u.trim().toUpperCase()))].sort();
    return this.transactions.run(async (manager) => {
      const [user] = (await manager.query(`select id from users where id = $1 and role = 'expert'`, [command.userId])) as Array<{ id: string }>;
      if (!user) throw new ExpertNotFoundError();
      await manager.query(
        `insert into expert_profiles (tenant_id, user_id, field, affiliated_usccs, active) values ($1, $2, $3, $4, $5)
         on conflict (tenant_id, user_id) do update set field = excluded.field, affiliated_usccs = excluded.affiliated_usccs, active = excluded.active`,
        [tenantId, command.userId, command.field ?? null, usccs, command.active],
      );
      await this.audit.record(manager, {
        action: 'expert.profile-updated',
        entityType: 'user',
        entityId: command.userId,
        data: { field: command.field ?? null, affiliatedUsccs: usccs, active: command.active },
      });
      return (await this.rows(manager, 'where p.user_id = $1', [command.userId]))[0];
    });
  }

  async list(): Promise<ExpertProfileView[]> {
    return this.transactions.run((manager) => this.rows(manager, '', []));
  }

  /** One page of the pool matching the filters (`orderBy` from EXPERT_SORT), and how many match in all. */
  async page(filter: { active?: boolean; field?: string; q?: string; orderBy: string; limit: number; offset: number }): Promise<Paged<ExpertProfileView>> {
    const where = `where ($1::boolean is null or p.active = $1) and ($2::text is null or p.field = $2)
      and ($3::text is null or strpos(lower(u.username), lower($3)) > 0 or strpos(lower(u.display_name), lower($3)) > 0)`;
    const params = [filter.active ?? null, filter.field ?? null, filter.q ?? null];
    return this.transactions.run(async (manager) => {
      const rows = (await manager.query(`${SELECT} ${where} order by ${filter.orderBy} limit $4 offset $5`, [...params, filter.limit, filter.offset])) as ExpertProfileView[];
      const [count] = (await manager.query(`select count(*)::int as total from expert_profiles p join users u on u.id = p.user_id ${where}`, params)) as Array<{ total: number }>;
      return { rows, total: count?.total ?? 0 };
    });
  }

  private async rows(manager: EntityManager, where: string, params: unknown[]): Promise<ExpertProfileView[]> {
    return (await manager.query(`${SELECT} ${where} order by u.display_name, p.user_id`, params)) as ExpertProfileView[];
  }
}
