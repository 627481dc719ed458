import { configDir } from '@subsidy/config';
import { loadPolicyRepository, PolicyRepository } from '@subsidy/policy';
import { ProgramStatus, ReviewSettings } from '@subsidy/workflow';
import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';

let repository: PolicyRepository | undefined;

/** The real policy files, loaded once per test process. */
export function policies(): PolicyRepository {
  repository ??= loadPolicyRepository(configDir('policies'));
  return repository;
}

/** Every stage on, a 3-expert panel with quorum 2, 15 calendar days of publicity; override what a test needs. */
export function reviewSettings(overrides: Partial<ReviewSettings> = {}): ReviewSettings {
  return {
    stages: { formal_check: true, district_review: true, technical_review: false, expert_review: false },
    formalCheckWorkingDays: null,
    correctionWorkingDays: 5,
    panel: null,
    publicity: { days: 15, unit: 'calendar' },
    cityReviewedKinds: [],
    ...overrides,
  };
}

export interface ProgramSpec {
  tenantId: string;
  /** A policy version id of the tenant in config/policies (the tenant id must match the policy folder). */
  policyId: string;
  year?: number;
  title?: string;
  status?: ProgramStatus;
  windowKind?: 'batch' | 'rolling';
  opensAt?: Date;
  closesAt?: Date;
  review?: ReviewSettings;
  budgetTotalFen?: number;
  budgetRule?: 'pro_rata' | 'rank_order';
  fundingSources?: Array<{ source: string; amountFen: number }>;
  materials?: Record<string, string[]>;
}

export interface ProgramFixture {
  id: string;
  tenantId: string;
  policyId: string;
}

/** Inserts a program directly (no audit record, no scheduled jobs): for tests of what happens once a program exists. */
export async function createProgram(db: TestDatabase, spec: ProgramSpec): Promise<ProgramFixture> {
  const policy = policies().versions(spec.tenantId).find((p) => p.id === spec.policyId);
  if (!policy) throw new Error(`createProgram: no policy ${spec.policyId} for tenant ${spec.tenantId} in config/policies`);
  const year = spec.year ?? 2024;
  const budget = spec.budgetTotalFen ?? 1_000_000_000;
  const { rows } = await asSuperuser(db, async (client) => {
    const inserted = await client.query<{ id: string }>(
      `insert into programs (tenant_id, year, title, policy_id, policy_hash, status, window_kind, opens_at, closes_at, call, review,
                             budget_total_fen, budget_rule, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'factory') returning id`,
      [
        spec.tenantId,
        year,
        spec.title ?? `${year}年度标准化资助`,
        policy.id,
        policy.hash,
        spec.status ?? 'open',
        spec.windowKind ?? 'batch',
        spec.opensAt ?? new Date(`${year}-03-01T00:00:00+08:00`),
        spec.closesAt ?? new Date(`${year}-03-31T23:59:59.999+08:00`),
        JSON.stringify({ title: `${year}年度标准化资助项目申报通知`, body: '申报条件与材料见附件。', materials: spec.materials ?? { standard: ['标准文本'] } }),
        JSON.stringify(spec.review ?? reviewSettings()),
        budget,
        spec.budgetRule ?? 'pro_rata',
      ],
    );
    for (const source of spec.fundingSources ?? [{ source: 'city', amountFen: budget }]) {
      await client.query(`insert into program_funding_sources (tenant_id, program_id, source, amount_fen) values ($1, $2, $3, $4)`, [
        spec.tenantId,
        inserted.rows[0].id,
        source.source,
        source.amountFen,
      ]);
    }
    return inserted;
  });
  return { id: rows[0].id, tenantId: spec.tenantId, policyId: policy.id };
}
