import { isCalendarDate } from '@subsidy/calendar';
import { isEmail, registerDecorator, ValidationOptions } from 'class-validator';

function rule(name: string, validate: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name, target: target.constructor, propertyName: String(propertyName), options, validator: { validate, defaultMessage: () => message } });
}

/** A calendar date YYYY-MM-DD that exists (2023-02-30 does not), as the China Standard Time dates of the texts are. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  rule('isCalendarDate', (value) => typeof value === 'string' && isCalendarDate(value), '$property must be a calendar date YYYY-MM-DD', options);

/** Text with something in it besides white space (a document number of spaces names no document). */
export const IsNotBlank = (options?: ValidationOptions): PropertyDecorator =>
  rule('isNotBlank', (value) => typeof value === 'string' && value.trim() !== '', '$property must be a non-empty text', options);

/** RFC 5321's limit on an address; longer input is refused before any parsing, which keeps the check's time bounded. */
const EMAIL_MAX_LENGTH = 254;

/**
 * Whether a value is an e-mail address, never throwing: class-validator's isEmail throws a URIError on a lone surrogate
 * and its pattern is costly on long hostile text, so the length is bounded first and any error means "no".
 */
export function isEmailAddress(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 3 || value.length > EMAIL_MAX_LENGTH) return false;
  try {
    return isEmail(value);
  } catch {
    return false;
  }
}

/** An e-mail address (use instead of class-validator's IsEmail, which can throw on hostile input). */
export const IsEmailAddress = (options?: ValidationOptions): PropertyDecorator =>
  rule('isEmailAddress', isEmailAddress, '$property must be an e-mail address', options);
