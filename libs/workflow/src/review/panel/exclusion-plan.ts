import { Procedure } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ProgramRecord } from '../../core';
import { loadApplicantIdentity } from '../items/applicant-identity';
import { loadApplicationItems } from '../items/application-items';
import { buildPanelExclusion, ExclusionPlan, YearApplication, YearExclusionRule } from './panel-exclusion';

/**
 * The year-wide exclusion rule of a program's policy, or null. Only `year_applicants` reaches beyond the application
 * under review; `application` is what every draw already does.
 */
export function yearExclusionRule(procedure: Procedure, program: Pick<ProgramRecord, 'year'>): YearExclusionRule | null {
  const setting = procedure.expertExclusion;
  if (!setting || setting.scope !== 'year_applicants') return null;
  return { scope: 'year_applicants', article: setting.article, source: setting.source, year: program.year };
}

/** Everything a draw or top-up of this application's panel must leave out, read fresh inside the caller's transaction. */
export async function planPanelExclusion(manager: EntityManager, procedure: Procedure, application: ApplicationRecord, program: ProgramRecord): Promise<ExclusionPlan> {
  const rule = yearExclusionRule(procedure, program);
  return buildPanelExclusion({
    applicant: await loadApplicantIdentity(manager, application.id),
    achievements: await loadApplicationItems(manager, application.id),
    conflictExpertIds: await declaredConflicts(manager, application.id),
    ...(rule ? { year: { rule, applications: await loadYearApplications(manager, rule.year, application.id) } } : {}),
  });
}

export async function declaredConflicts(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows = (await manager.query(`select user_id as id from expert_conflicts where application_id = $1`, [applicationId])) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * The tenant's other applications of `year` (any program) that reached submission. A draft never applied; a withdrawn
 * application no longer competes for the year's money, so its unit has nothing left to gain from the review. Rejected
 * and lapsed ones did apply that year and stay in: the text bars the year's 申报单位, not only the successful ones.
 * Row-level security keeps this inside the tenant.
 */
export async function loadYearApplications(manager: EntityManager, year: number, exceptApplicationId: string): Promise<YearApplication[]> {
  const rows = (await manager.query(
    `select a.id as "applicationId", a.organization_id as "organizationId", o.uscc as "currentUscc",
            a.applicant_snapshot->>'uscc' as "declaredUscc"
       from applications a
       join programs p on p.id = a.program_id
       join organizations o on o.id = a.organization_id
      where p.year = $1 and a.id <> $2 and a.submitted_at is not null and a.status not in ('draft', 'withdrawn')
      order by a.id`,
    [year, exceptApplicationId],
  )) as Array<{ applicationId: string; organizationId: string; currentUscc: string | null; declaredUscc: string | null }>;
  if (rows.length === 0) return [];
  const items = (await manager.query(
    `select application_id as "applicationId", achievement_id as "achievementId", payload
       from application_achievements where application_id = any($1::uuid[])
      order by application_id, position, achievement_id`,
    [rows.map((r) => r.applicationId)],
  )) as Array<{ applicationId: string; achievementId: string; payload: Record<string, unknown> }>;
  return rows.map((row) => ({
    applicationId: row.applicationId,
    organizationId: row.organizationId,
    usccs: [...new Set([row.declaredUscc, row.currentUscc].filter((u): u is string => typeof u === 'string' && u.trim() !== ''))],
    achievements: items.filter((i) => i.applicationId === row.applicationId).map(({ achievementId, payload }) => ({ achievementId, payload })),
  }));
}
