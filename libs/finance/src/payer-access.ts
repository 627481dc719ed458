import { payerName } from './payer-names';
import { Actor } from '@subsidy/tenancy';
import { PAYER_PATTERN } from './ledger';
import { FinanceValidationError, PayerForbiddenError } from './finance-errors';

/** The payer a district-level finance officer acts for; city-level officers act for every payer. */
export function ownPayer(actor: Actor): string | null {
  if (actor.kind === 'system' || actor.financeLevel === 'city') return null;
  if (!actor.districtCode) throw new PayerForbiddenError({ zh: '您的财务账号未关联区县', en: 'Your finance account is not bound to a district' });
  return `district:${actor.districtCode}`;
}

export function assertPayerAccess(actor: Actor, payer: string): void {
  const own = ownPayer(actor);
  if (own !== null && own !== payer) throw new PayerForbiddenError({ zh: `您的账号只能办理${payerName(own, new Map())}的支付事项`, en: `Your account acts for ${own} only, not ${payer}` }, [
      { path: 'payer', message: `not ${own}`, messageZh: '不是您负责的支付方' },
    ]);
}

export function assertCityLevel(actor: Actor): void {
  if (ownPayer(actor) !== null) throw new PayerForbiddenError({ zh: '只有市级财务人员可以办理此事项', en: 'Only a city-level finance officer may do this' });
}

export function validPayer(payer: string, path = 'payer'): string {
  if (!PAYER_PATTERN.test(payer)) throw new FinanceValidationError({ zh: '支付方有误', en: `Invalid request: ${path}` }, [
      { path, message: 'must be city, matching or district:<6-digit code>', messageZh: '须为市级财政、配套资金或本地区某区县财政' },
    ]);
  return payer;
}
