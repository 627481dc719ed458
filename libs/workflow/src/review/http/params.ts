import { ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@subsidy/common';

/** A UUID path parameter; 400 naming the parameter otherwise. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedError(`Invalid request: ${name}`, [{ path: name, message: `${name} must be a UUID` }]) });

const ACHIEVEMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An achievement id path parameter, as the schema allows them. */
export const achievementIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!ACHIEVEMENT_ID.test(value)) {
      throw new ValidationFailedError('Invalid request: achievementId', [{ path: 'achievementId', message: 'achievementId must be 1-64 letters, digits, _ or -' }]);
    }
    return value;
  },
};
