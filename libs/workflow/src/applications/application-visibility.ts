import { Actor } from '@subsidy/tenancy';

/** A condition on `applications a` with its parameters, numbered from the index it was built for. */
export interface VisibilityCondition {
  sql: string;
  params: unknown[];
}

/** Panel seats that let an expert read the application: invited and not yet out, or scored. */
const CURRENT_SEATS = ['invited', 'scored'];

/**
 * Which applications a reviewer whose reach is set by the workflow may read, as SQL on `applications a`, so listings
 * and single reads are filtered in the database rather than after loading:
 *
 * - an expert: only applications where they hold a current panel seat (`panel_members` invited or scored). A seat
 *   given up for a conflict of interest, or taken away by a year rescreen, is `removed`; a scoring deadline missed is
 *   `declined`: neither reads the application or its evidence any more.
 * - a technical reviewer: only applications that reached technical review: in it now, or past it (a completed
 *   technical review leaves a `review_steps` row, the only way out of the stage forward). An application still in
 *   formal check or district review, or of a program without technical review, never reaches them. One withdrawn or
 *   rejected while in technical review before any completion drops out of their view with it.
 *
 * Null for every other actor: their reach is the organization/district scope of `Scope` (libs/auth), or the tenant.
 * Out of reach reads as absent: 404 for a single application, omitted from a list, so existence is not revealed.
 */
export function workflowVisibility(actor: Actor, alias: string, firstParam: number): VisibilityCondition | null {
  if (actor.kind !== 'user') return null;
  if (actor.role === 'expert') {
    return {
      sql: `exists (select 1 from panel_members seat where seat.application_id = ${alias}.id and seat.expert_id = $${firstParam}
                      and seat.status = any($${firstParam + 1}::text[]))`,
      params: [actor.id, CURRENT_SEATS],
    };
  }
  if (actor.role === 'technical_reviewer') {
    return {
      sql: `(${alias}.status = 'technical_review'
              or exists (select 1 from review_steps step where step.application_id = ${alias}.id and step.stage = 'technical_review'))`,
      params: [],
    };
  }
  return null;
}
