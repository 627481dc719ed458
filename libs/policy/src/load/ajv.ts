import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

/** One shared Ajv instance (draft 2020-12, formats on), so schemas compile once per process. */
export const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** Stops at the first error: the fast path for valid requests (the detailed `ajv` explains failures). */
export const ajvFast = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajvFast);

/** `/items/3/match` -> ['items', 3, 'match'] */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** ['applicants', 0, 'kind'] -> `$.applicants[0].kind` */
export function jsonPath(path: (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`), '$');
}

/**
 * The most useful of Ajv's errors: errors inside a failed `if/then`/`oneOf` branch are more specific than the
 * wrapper's own error, and the deepest path names the field the caller got wrong.
 */
export function pickError(errors: ErrorObject[]): ErrorObject {
  const meaningful = errors.filter((e) => e.keyword !== 'if');
  const direct = meaningful.filter((e) => !e.schemaPath.includes('/oneOf/') && !e.schemaPath.includes('/anyOf/'));
  // An unknown key usually explains the other errors (a misspelt `ceiling` also leaves the amount missing).
  const unknownKey = direct.filter((e) => e.keyword === 'additionalProperties');
  const pool = unknownKey.length > 0 ? unknownKey : direct.length > 0 ? direct : meaningful.length > 0 ? meaningful : errors;
  return pool.reduce((best, e) => (e.instancePath.split('/').length > best.instancePath.split('/').length ? e : best), pool[0]);
}

/** Where the error points and what to say, for both policy files and requests. */
export function describeError(error: ErrorObject): { path: (string | number)[]; message: string; atKey: boolean } {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: `unknown key "${String(params.additionalProperty)}"`, atKey: true };
    case 'required':
      return { path, message: `missing required key "${String(params.missingProperty)}"`, atKey: false };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        atKey: false,
      };
    case 'oneOf':
      return {
        path,
        message: path.length === 2 && path[0] === 'items' ? 'an item needs exactly one of fixed, ceiling, derive, rate' : 'does not match exactly one allowed form',
        atKey: false,
      };
    default:
      return { path, message: error.message ?? `fails ${error.keyword}`, atKey: false };
  }
}
