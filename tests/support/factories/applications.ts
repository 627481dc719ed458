import { ApplicationStatus } from '@subsidy/workflow';
import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';

export interface ApplicationSpec {
  tenantId: string;
  programId: string;
  organizationId: string;
  districtCode: string;
  status?: ApplicationStatus;
  reviewLevel?: 'district' | 'city';
  /** Achievements as in shared/domain/achievement.schema.json; each needs an `id`. */
  achievements?: Array<Record<string, unknown> & { id: string }>;
  submittedAt?: Date;
  stageDueOn?: string;
  returnStage?: string;
  submissionCount?: number;
}

export interface ApplicationFixture {
  id: string;
  tenantId: string;
  programId: string;
  organizationId: string;
}

export const nationalStandardLead = (id = 'a1', publishedOn = '2023-06-01') => ({
  id,
  type: 'standard',
  level: 'national',
  action: 'formulate',
  role: 'lead',
  draftingRank: 1,
  standardNo: `GB/T ${40000 + Number(id.replace(/\D/g, '') || 0)}-2023`,
  publishedOn,
});

/** Inserts an application in any state directly (no audit record, no jobs): for tests of one stage. */
export async function createApplication(db: TestDatabase, spec: ApplicationSpec): Promise<ApplicationFixture> {
  const status = spec.status ?? 'draft';
  const submitted = status !== 'draft';
  const { rows } = await asSuperuser(db, async (client) => {
    const inserted = await client.query<{ id: string }>(
      `insert into applications (tenant_id, program_id, organization_id, district_code, review_level, status, submitted_at,
                                 submission_count, declared_at, stage_due_on, return_stage)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        spec.tenantId,
        spec.programId,
        spec.organizationId,
        spec.districtCode,
        spec.reviewLevel ?? 'district',
        status,
        submitted ? (spec.submittedAt ?? new Date('2024-03-20T10:00:00+08:00')) : null,
        spec.submissionCount ?? (submitted ? 1 : 0),
        submitted ? (spec.submittedAt ?? new Date('2024-03-20T10:00:00+08:00')) : null,
        spec.stageDueOn ?? null,
        spec.returnStage ?? null,
      ],
    );
    const achievements = spec.achievements ?? [nationalStandardLead()];
    for (const [position, achievement] of achievements.entries()) {
      await client.query(
        `insert into application_achievements (tenant_id, application_id, achievement_id, position, payload) values ($1, $2, $3, $4, $5)`,
        [spec.tenantId, inserted.rows[0].id, achievement.id, position, JSON.stringify(achievement)],
      );
    }
    return inserted;
  });
  return { id: rows[0].id, tenantId: spec.tenantId, programId: spec.programId, organizationId: spec.organizationId };
}
