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
}

/** The append-only review history of an application (the table refuses updates and deletes to the app role). */
export const ReviewSteps = {
  async append(manager: EntityManager, tenantId: string, entry: ReviewStepEntry): Promise<void> {
    await manager.query(
      `insert into review_steps (tenant_id, application_id, stage, outcome, reasons, missing, due_on, actor_id, actor_role)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
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
      ],
    );
  },
};
