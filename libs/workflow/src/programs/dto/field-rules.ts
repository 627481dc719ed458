import { parseInstant } from '@subsidy/calendar';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Validators that compare a field with its siblings or look inside a collection. Each reports on the property it
 * decorates, so the error names that field's JSON path (e.g. `review.panel.quorum`).
 */

function rule(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate, defaultMessage: message },
    });
}

function sibling(args: ValidationArguments, name: string): unknown {
  return (args.object as Record<string, unknown>)[name];
}

/** An ISO 8601 instant that states its offset (`Z` or `+08:00`); a local time without one is ambiguous. */
export const IsInstant = (): PropertyDecorator =>
  rule(
    'isInstant',
    (value) => {
      try {
        parseInstant(value);
        return true;
      } catch {
        return false;
      }
    },
    (args) => `${args.property} must be an ISO 8601 timestamp with an offset, e.g. 2025-03-01T09:00:00+08:00`,
  );

/** A later instant than the sibling field `other` (both ISO instants; when either is unreadable its own rule reports). */
export const IsAfterInstantOf = (other: string): PropertyDecorator =>
  rule(
    'isAfterInstantOf',
    (value, args) => {
      try {
        return parseInstant(value).getTime() > parseInstant(sibling(args, other)).getTime();
      } catch {
        return true;
      }
    },
    (args) => `${args.property} must be later than ${other}`,
  );

/** A number no larger than the sibling number field `other` (skipped when the sibling is not a number). */
export const IsAtMostField = (other: string): PropertyDecorator =>
  rule(
    'isAtMostField',
    (value, args) => {
      const limit = sibling(args, other);
      return typeof limit !== 'number' || typeof value !== 'number' || value <= limit;
    },
    (args) => `${args.property} must not exceed ${other} (${String(sibling(args, other))})`,
  );

/** An array whose items' `key` values are all different. */
export const HasUniqueKeys = (key: string): PropertyDecorator =>
  rule(
    'hasUniqueKeys',
    (value) => {
      if (!Array.isArray(value)) return true;
      const keys = value.map((item: unknown) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined));
      return new Set(keys).size === keys.length;
    },
    (args) => `${args.property} must not name the same ${key} twice`,
  );

/**
 * An array of `{ amountFen }` adding up exactly to the sibling integer field `total`. Sums in bigint, so no float ever
 * meets money; skipped while an amount is not an integer (its own rule reports that).
 */
export const AddsUpTo = (total: string): PropertyDecorator =>
  rule(
    'addsUpTo',
    (value, args) => {
      const expected = sibling(args, total);
      if (!Array.isArray(value) || !Number.isSafeInteger(expected)) return true;
      const amounts = value.map((item: unknown) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>).amountFen : undefined));
      if (!amounts.every((amount) => Number.isSafeInteger(amount))) return true;
      const sum = amounts.reduce<bigint>((acc, amount) => acc + BigInt(amount as number), 0n);
      return sum === BigInt(expected as number);
    },
    (args) => {
      const items = Array.isArray(args.value) ? (args.value as Array<{ amountFen?: unknown }>) : [];
      const sum = items.reduce<bigint>((acc, item) => acc + (Number.isSafeInteger(item?.amountFen) ? BigInt(item.amountFen as number) : 0n), 0n);
      return `${args.property} add up to ${sum} fen but ${total} is ${String(sibling(args, total))} fen; they must be equal`;
    },
  );

/** A value present exactly when the sibling predicate holds (e.g. a panel exactly when expert review is on). */
export const PresentExactlyWhen = (condition: (object: Record<string, unknown>) => boolean, whenText: string): PropertyDecorator =>
  rule(
    'presentExactlyWhen',
    (value, args) => condition(args.object as Record<string, unknown>) === (value !== null && value !== undefined),
    (args) =>
      condition(args.object as Record<string, unknown>)
        ? `${args.property} is required when ${whenText}`
        : `${args.property} must be null unless ${whenText}`,
  );

/**
 * A plain object mapping each key from `allowedKeys` to a list of 1..maxItems non-empty strings of at most maxLength
 * characters; used for the materials each achievement type requires. The message names the first offending key.
 */
export const IsStringListMap = (allowedKeys: readonly string[], maxItems: number, maxLength: number): PropertyDecorator => {
  const problem = (value: unknown, property: string): string | null => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${property} must be an object keyed by achievement type`;
    for (const [key, list] of Object.entries(value as Record<string, unknown>)) {
      if (!allowedKeys.includes(key)) return `${property}.${key}: not an achievement type (one of ${allowedKeys.join(', ')})`;
      const fine =
        Array.isArray(list) &&
        list.length >= 1 &&
        list.length <= maxItems &&
        list.every((item: unknown) => typeof item === 'string' && item.trim() !== '' && item.length <= maxLength);
      if (!fine) return `${property}.${key} must list 1..${maxItems} material names, each non-empty and at most ${maxLength} characters`;
    }
    return null;
  };
  return rule(
    'isStringListMap',
    (value, args) => problem(value, args.property) === null,
    (args) => problem(args.value, args.property) ?? `${args.property} is invalid`,
  );
};
