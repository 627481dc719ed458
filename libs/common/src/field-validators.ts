import { isCalendarDate } from '@subsidy/calendar';
import { registerDecorator, ValidationOptions } from 'class-validator';

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
