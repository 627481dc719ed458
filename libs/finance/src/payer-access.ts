import { Actor } from '@subsidy/tenancy';
import { PAYER_PATTERN } from './ledger';
import { FinanceValidationError, PayerForbiddenError } from './finance-errors';

/** The payer a district-level finance officer acts for; city-level officers act for every payer. */
export function ownPayer(actor: Actor): string | null {
  if (actor.kind === 'system' || actor.financeLevel === 'city') return null;
  if (!actor.districtCode) throw new PayerForbiddenError('Your finance account is not bound to a district');
  return `district:${actor.districtCode}`;
}

export function assertPayerAccess(actor: Actor, payer: string): void {
  const own = ownPayer(actor);
  if (own !== null && own !== payer) throw new PayerForbiddenError(`Your account acts for ${own} only, not ${payer}`, [{ path: 'payer', message: `not ${own}` }]);
}

export function assertCityLevel(actor: Actor): void {
  if (ownPayer(actor) !== null) throw new PayerForbiddenError('Only a city-level finance officer may do this');
}

export function validPayer(payer: string, path = 'payer'): string {
  if (!PAYER_PATTERN.test(payer)) throw new FinanceValidationError(`Invalid request: ${path}`, [{ path, message: 'must be city, matching or district:<6-digit code>' }]);
  return payer;
}
