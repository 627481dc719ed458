import achievementSchema from './achievement.schema.json';

/**
 * achievement.schema.json (JSON Schema 2020-12, one `if type = X then …` per type) as OpenAPI 3.0 component schemas:
 * `Achievement` is a oneOf of one named schema per type, discriminated by `type`, so a generated client gets a
 * discriminated union. Derived from the one schema the engine validates with, so the two never drift.
 */
export const ACHIEVEMENT_SCHEMA_NAME = 'Achievement';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[]; description?: string };

const pascal = (type: string): string => type.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export function achievementSchemaName(type: string): string {
  return `${pascal(type)}Achievement`;
}

export function achievementOpenApiSchemas(): Record<string, Record<string, unknown>> {
  const root = achievementSchema as unknown as JsonSchema & { allOf: Array<{ if: { properties: { type: { const: string } } }; then: JsonSchema }> };
  const base = root.properties as Record<string, unknown>;
  const schemas: Record<string, Record<string, unknown>> = {};
  const mapping: Record<string, string> = {};
  for (const branch of root.allOf) {
    const type = branch.if.properties.type.const;
    const name = achievementSchemaName(type);
    mapping[type] = `#/components/schemas/${name}`;
    schemas[name] = {
      type: 'object',
      description: branch.then.description,
      required: [...(root.required ?? []), ...(branch.then.required ?? [])],
      properties: { id: base.id, type: { type: 'string', enum: [type] }, ...(branch.then.properties ?? {}) },
      // Callers may add fields a policy reads (a standard's coDraftingUsccs, sales figures): kept, not refused.
      additionalProperties: true,
    };
  }
  schemas[ACHIEVEMENT_SCHEMA_NAME] = {
    description: root.description,
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping },
  };
  return schemas;
}
