/** JSON Schema fragments shared by rule kinds. */
export const yuanSchema = { type: ['integer', 'string'] };
export const percentSchema = { type: ['number', 'string'] };
export const dateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
export const rangeSchema = {
  type: 'object',
  properties: { min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 } },
  additionalProperties: false,
  minProperties: 1,
};
export const scopeSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { type: 'string' }, minItems: 1 },
    categories: { type: 'array', items: { type: 'string' }, minItems: 1 },
    types: { type: 'array', items: { type: 'string' }, minItems: 1 },
    except: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  additionalProperties: false,
};
export const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
