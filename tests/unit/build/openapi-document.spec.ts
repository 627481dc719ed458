import { loadConfig } from '@subsidy/config';
import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewOpenApiDocument, stableJson } from '../../../apps/api/src/openapi-document';

/**
 * The web app's typed client (openapi-typescript + openapi-fetch) is generated from apps/web/openapi.json, so the
 * document must say what every operation takes and returns, and the committed copy must be the API's current one.
 * Built from the module graph alone (Nest's preview mode), exactly as `npm run openapi:export` and the API build it.
 */
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
};
type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/**
 * Operations whose request or response schema is still a field-less object, each to be documented and then removed
 * from here (the test fails on an entry that has become complete, so this list only shrinks).
 */
const NOT_YET_DOCUMENTED: string[] = [];

/** Why `schema` leaves a generated client guessing (an object without fields, an array without items), or null. */
function gap(document: Document, schema: Schema | undefined, where: string, seen: Set<string> = new Set()): string | null {
  if (!schema) return `${where} has no schema`;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    if (seen.has(name)) return null;
    seen.add(name);
    return gap(document, document.components.schemas[name], name, seen);
  }
  for (const parts of [schema.allOf, schema.oneOf, schema.anyOf]) {
    if (!parts) continue;
    for (const [i, part] of parts.entries()) {
      const found = gap(document, part, `${where}[${i}]`, seen);
      if (found) return found;
    }
    return null;
  }
  if (schema.enum || (schema.type && !['object', 'array'].includes(schema.type))) return null;
  if (schema.type === 'array') return schema.items ? gap(document, schema.items, `${where}[]`, seen) : `${where} is an array without item type`;
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return gap(document, schema.additionalProperties, `${where}{}`, seen);
    return `${where} is an object without fields`;
  }
  for (const [name, property] of properties) {
    const found = gap(document, property, `${where}.${name}`, seen);
    if (found) return found;
  }
  return null;
}

function gapsOf(document: Document): Map<string, string[]> {
  const gaps = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const found: string[] = [];
      const body = operation.requestBody?.content?.['application/json'];
      if (body) {
        const g = gap(document, body.schema, 'request body');
        if (g) found.push(g);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('2')) continue;
        if (!response.content && status !== '204') found.push(`${status} response has no content (say what it returns, or 204)`);
        const json = response.content?.['application/json'];
        if (json) {
          const g = gap(document, json.schema, `${status} response`);
          if (g) found.push(g);
        }
      }
      if (!Object.keys(operation.responses).some((status) => status.startsWith('4'))) found.push('no 4xx response');
      if (found.length) gaps.set(`${method.toUpperCase()} ${path}`, found);
    }
  }
  return gaps;
}

describe('OpenAPI document', () => {
  let document: Document;

  beforeAll(async () => {
    document = (await previewOpenApiDocument(loadConfig())) as unknown as Document;
  });

  it('documents every request body and 2xx JSON response with fields, and every refusal with the error body', () => {
    const gaps = gapsOf(document);
    const undocumented = [...gaps].filter(([operation]) => !NOT_YET_DOCUMENTED.includes(operation)).map(([operation, found]) => `${operation}: ${found.join('; ')}`);
    expect(undocumented).toEqual([]);
  });

  it('lists no operation as not yet documented once it is documented (remove it from NOT_YET_DOCUMENTED)', () => {
    const gaps = gapsOf(document);
    expect(NOT_YET_DOCUMENTED.filter((operation) => !gaps.has(operation))).toEqual([]);
  });

  it('documents every validated field of every request schema', () => {
    // class-validator keeps its rules per class; a field it validates but the schema leaves out is one the client cannot send.
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Array<{ propertyName: string }>> };
    const missing: string[] = [];
    for (const [target, rules] of storage.validationMetadatas) {
      const schema = document.components.schemas[target.name];
      if (!schema?.properties) continue;
      for (const field of new Set(rules.map((rule) => rule.propertyName))) {
        if (!(field in schema.properties)) missing.push(`${target.name}.${field}`);
      }
    }
    expect(storage.validationMetadatas.size).toBeGreaterThan(20);
    expect(missing.sort()).toEqual([]);
  });

  it('refers every operation\'s 4xx answers to the one error body', () => {
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status.startsWith('4') && response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto') wrong.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is the document committed in apps/web/openapi.json (run `npm run openapi:export` when this fails)', () => {
    const committed = readFileSync(join(__dirname, '../../../apps/web/openapi.json'), 'utf8');
    const live = stableJson(document);
    if (committed !== live) throw new Error('apps/web/openapi.json differs from the document the API serves: run `npm run openapi:export` and commit the file');
  });
});
