import { createParamDecorator } from '@nestjs/common';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { AuthenticationRequiredError } from '../auth-errors';

/** The authenticated actor of the request, as bound by the access-token guard. */
export const CurrentActor = createParamDecorator((): Actor => {
  const actor = RequestContextStore.actor();
  if (!actor || actor.kind !== 'user') throw new AuthenticationRequiredError('unauthenticated', { zh: '请先登录', en: 'Sign in first' });
  return actor;
});
