import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';

export type ReviewStepStage = 'formal_check' | 'district_review' | 'technical_review' | 'expert_review';

/** A material the applicant has to supply or correct, optionally tied to one achievement. */
export interface MissingMaterial {
  achievementId?: string;
  material: string;
  note?: string;
}

export interface ReviewStepEntry {
  applicationId: string;
  stage: ReviewStepStage;
  outcome: string;
  reasons?: string[];
  missing?: MissingMaterial[];
  dueOn?: string | null;
  actor: Actor;
  /**
   * When it happened: the application's clock (CLOCK), not the database's, so the history reads the same time as the
   * due dates and the audit data beside it (and a test's manual clock moves it).
   */
  at: Date;
}

/**
 * The SQL for a step's time from the parameter holding the application's clock: never earlier than the application's
 * last step, so the history keeps the order the steps happened in even when the clock does not move between them (a
 * test's manual clock, or two steps in one millisecond). The writers hold the application's row lock.
 */
export function stepTimeSql(clockParameter: string, applicationParameter: string): string {
  return `greatest(${clockParameter}::timestamptz, (select max(s.created_at) + interval '1 microsecond' from review_steps s where s.application_id = ${applicationParameter}))`;
}

/** The append-only review history of an application (the table refuses updates and deletes to the app role). */
export const ReviewSteps = {
  async append(manager: EntityManager, tenantId: string, entry: ReviewStepEntry): Promise<void> {
    await manager.query(
      `insert into review_steps (tenant_id, application_id, stage, outcome, reasons, missing, due_on, actor_id, actor_role, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${stepTimeSql('$10', '$2')})`,
      [
        tenantId,
        entry.applicationId,
        entry.stage,
        entry.outcome,
        JSON.stringify(entry.reasons ?? []),
        JSON.stringify(entry.missing ?? []),
        entry.dueOn ?? null,
        entry.actor.id,
        entry.actor.role ?? null,
        entry.at,
      ],
    );
  },
};
