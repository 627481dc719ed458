import { Actor } from '@subsidy/tenancy';
import { ownPayer } from '../payer-access';

/**
 * Whose awardees an actor sees: program officers and city-level finance officers every awardee of the program, a
 * district finance officer only awardees its own payer (`district:<code>`) shares in. Null means everyone.
 */
export function evaluationPayerScope(actor: Actor): string | null {
  if (actor.role === 'program_officer') return null;
  return ownPayer(actor);
}

/** SQL condition on award alias `a` limiting rows to the payer in parameter `$n` (null admits every award). */
export function payerCondition(parameter: number): string {
  return `($${parameter}::text is null or exists (select 1 from finance_shares ps where ps.award_id = a.id and ps.payer = $${parameter}::text))`;
}
