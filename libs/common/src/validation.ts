import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ErrorDetail, invalidRequest, ValidationFailedError } from './domain-error';
import { chineseMessage } from './validation-messages-zh';

/** The arguments a failed constraint was declared with (`@MaxLength(64)` -> `[64]`) and whether it applied to each item. */
function declaredRule(target: object | undefined, property: string, constraint: string): { args: readonly unknown[]; each: boolean } {
  if (!target || typeof target !== 'object') return { args: [], each: false };
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((metadata) => metadata.propertyName === property && (metadata.name ?? metadata.type) === constraint);
  return { args: (rule?.constraints ?? []) as unknown[], each: rule?.each ?? false };
}

/** Flattens class-validator's tree into JSON paths such as `achievements[0].level`, each message in English and Chinese. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : parent ? `.${error.property}` : error.property;
    const path = `${parent}${segment}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const given = (error.contexts?.[constraint] as { messageZh?: unknown } | undefined)?.messageZh;
      const { args, each } = declaredRule(error.target, error.property, constraint);
      details.push({ path, message, messageZh: typeof given === 'string' ? given : chineseMessage(constraint, path, args, message, each) });
    }
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, path));
  }
  return details;
}

/** Rejects unknown fields and wrong types with every offending field named; never converts silently. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target (the instance validated) only serves to look up each constraint's arguments for the Chinese message;
    // the response shows paths and messages, never the target or the value.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new ValidationFailedError(invalidRequest(details), details);
    },
  });
}
