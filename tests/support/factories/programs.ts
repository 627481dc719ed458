import { configDir } from '@subsidy/config';
import { CompiledPolicy, loadPolicyRepository, PolicyRepository } from '@subsidy/policy';
import { procedureTemplate, ProgramStatus, ReviewSettings } from '@subsidy/workflow';
import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';

let repository: PolicyRepository | undefined;

/** The real policy files, loaded once per test process. */
export function policies(): PolicyRepository {
  repository ??= loadPolicyRepository(configDir('policies'));
  return repository;
}

/** A policy version by its id, whichever tenant's folder holds it. */
export function policyById(policyId: string): CompiledPolicy {
  for (const tenant of policies().tenants()) {
    const policy = policies().versions(tenant).find((p) => p.id === policyId);
    if (policy) return policy;
  }
  throw new Error(`no policy ${policyId} in config/policies`);
}

/**
 * Formal check and district review on, no panel, 5 working days to correct, 15 calendar days of publicity; override
 * what a test needs. With `from`, starts instead from the review settings of that policy version's template
 * (GET /programs/template): the text's required stages, deadlines and publicity, product defaults for the rest.
 */
export function reviewSettings(overrides: Partial<ReviewSettings> = {}, from?: { policyId: string }): ReviewSettings {
  const base: ReviewSettings = from
    ? procedureTemplate(policyById(from.policyId)).review
    : {
        stages: { formal_check: true, district_review: true, technical_review: false, expert_review: false },
        formalCheckWorkingDays: null,
        correctionWorkingDays: 5,
        panel: null,
        publicity: { days: 15, unit: 'calendar' },
        cityReviewedKinds: [],
      };
  return { ...base, ...overrides };
}

/**
 * The default program year of a policy version: 2024 when a March window that year lies within the text's validity,
 * else the latest earlier year whose March does (Foshan, valid to 2023-11-30: 2023; Huangpu, to 2022-12-31: 2022).
 * A program's window must lie within its text's validity (CreateProgram checks it; this factory writes directly).
 */
export function defaultProgramYear(policy: Pick<CompiledPolicy, 'id' | 'effectiveFrom' | 'effectiveTo'>): number {
  for (let year = 2024; year >= Number(policy.effectiveFrom.slice(0, 4)); year -= 1) {
    if (policy.effectiveFrom <= `${year}-03-01` && (policy.effectiveTo === null || `${year}-03-31` <= policy.effectiveTo)) return year;
  }
  throw new Error(`defaultProgramYear: policy ${policy.id} (${policy.effectiveFrom}..${policy.effectiveTo ?? ''}) holds no whole March up to 2024; pass year, opensAt and closesAt`);
}

export interface ProgramSpec {
  tenantId: string;
  /** A policy version id of the tenant in config/policies (the tenant id must match the policy folder). */
  policyId: string;
  /** Default: defaultProgramYear(policy), so the default March window lies within the policy's validity. */
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
  /** Materials the call requires per achievement type; none unless the test names them (submission enforces them). */
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
  const year = spec.year ?? defaultProgramYear(policy);
  const opensAt = spec.opensAt ?? new Date(`${year}-03-01T00:00:00+08:00`);
  const closesAt = spec.closesAt ?? new Date(`${year}-03-31T23:59:59.999+08:00`);
  // The product refuses a year its window does not open or close in (CheckTenantFit); this factory writes directly, so
  // it holds its own programs to the same rule rather than let a test run on a program the product could not hold.
  const cstYear = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).getUTCFullYear();
  if (year !== cstYear(opensAt) && year !== cstYear(closesAt)) {
    throw new Error(`createProgram: year ${year} disagrees with the window (opens in ${cstYear(opensAt)}, closes in ${cstYear(closesAt)} CST); pass a matching year`);
  }
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
        opensAt,
        closesAt,
        JSON.stringify({ title: `${year}年度标准化资助项目申报通知`, body: '申报条件与材料见附件。', materials: spec.materials ?? {} }),
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
