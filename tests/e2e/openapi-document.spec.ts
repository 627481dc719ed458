import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { OPENAPI_JSON_PATH, previewOpenApiDocument, stableJson } from '../../apps/api/src/openapi-document';
import { createApplication, createOrganization, createProgram, createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The OpenAPI document the API serves is the one `npm run openapi:export` builds without a database (Nest's preview
 * mode), and real answers have exactly the documented shape: every field the DTO classes name and no other (the web
 * app's generated client would not see an undocumented field), with the documented types, enums and nullability.
 */
type Json = Record<string, unknown>;

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a null alternative; objects with fields are closed. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, discriminator: _discriminator, example: _example, ...rest } = node as Json;
  const converted: Json = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' ? mapValues(value as Json) : toJsonSchema(value)]));
  if (converted.properties && converted.additionalProperties === undefined && !converted.allOf) converted.additionalProperties = false;
  if (Array.isArray(converted.enum) && nullable) converted.enum = [...converted.enum, null];
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const mapValues = (object: Json): Json => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, toJsonSchema(value)]));

describe('OpenAPI document as served, and answers as documented', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let served: Json & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
  let ajv: Ajv;
  let officer: Session;
  let officerUser: { username: string; password: string };
  let applicant: Session;
  let programId: string;
  let applicationId: string;
  let organizationId: string;
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    const tenant = await createTenant(db, { id: 'tianjin', districts: [{ code: '120101', nameZh: '和平区' }] });
    const program = await createProgram(db, { tenantId: tenant.id, policyId: 'tianjin-2021', year: 2024, status: 'open' });
    const organization = await createOrganization(db, { tenantId: tenant.id, districtCode: '120101' });
    const application = await createApplication(db, { tenantId: tenant.id, programId: program.id, organizationId: organization.id, districtCode: '120101' });
    programId = program.id;
    applicationId = application.id;
    organizationId = organization.id;
    const officerFixture = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
    officerUser = officerFixture;
    officer = await login(app, officerFixture);
    applicant = await login(app, await createUser(db, { tenantId: tenant.id, role: 'applicant', organizationId: organization.id }));

    served = (await http().get(`/${OPENAPI_JSON_PATH}`).expect(200)).body;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('binary', true).addFormat('password', true);
    ajv.addSchema({ $id: 'openapi', components: { schemas: mapValues((served.components as { schemas: Json }).schemas) } });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Ajv's complaints about `body` against the documented JSON answer of `method path` with `status`. */
  function problems(method: string, path: string, status: number, body: unknown): string[] {
    const content = served.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json'];
    if (!content) return [`${method.toUpperCase()} ${path} documents no JSON answer with status ${status}`];
    const schema = JSON.parse(JSON.stringify(toJsonSchema(content.schema)).replace(/"#\/components\//g, '"openapi#/components/'));
    const validate: ValidateFunction = ajv.compile(schema);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${method.toUpperCase()} ${path}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  it('serves the document `npm run openapi:export` writes', async () => {
    expect(stableJson(served)).toEqual(stableJson(await previewOpenApiDocument(db.config)));
  });

  it('answers with exactly the documented fields, types, enums and nullability', async () => {
    const found: string[] = [];
    const check = async (session: Session, path: string, documented = path.replace(/\?.*$/, '')) => {
      const response = await http().get(`/api/v1${path}`).set(session.headers);
      if (response.status !== 200) found.push(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      found.push(...problems('get', `/api/v1${documented}`, response.status, response.body));
    };
    const loginResponse = await http().post('/api/v1/auth/login').send({ tenant: 'tianjin', username: officerUser.username, password: officerUser.password });
    found.push(...problems('post', '/api/v1/auth/login', loginResponse.status, loginResponse.body));
    await check(officer, '/auth/me');
    await check(officer, '/policies');
    await check(officer, '/programs');
    await check(officer, `/programs/${programId}`, '/programs/{id}');
    await check(officer, '/programs/template?policyId=tianjin-2021', '/programs/template');
    await check(officer, '/applications');
    await check(officer, `/applications/${applicationId}`, '/applications/{id}');
    await check(applicant, `/applications/${applicationId}/estimate`, '/applications/{id}/estimate');
    await check(applicant, `/applications/${applicationId}/evidence`, '/applications/{id}/evidence');
    await check(applicant, '/notifications');
    await check(officer, `/organizations/${organizationId}`, '/organizations/{id}');
    await check(officer, '/organizations');
    // A refusal: the one error body.
    const missing = await http().get('/api/v1/programs/00000000-0000-4000-8000-000000000000').set(officer.headers);
    expect(missing.status).toBe(404);
    found.push(...(ajv.validate({ $ref: 'openapi#/components/schemas/ErrorBodyDto' }, missing.body) ? [] : [`404 body: ${ajv.errorsText()}`]));
    expect(found).toEqual([]);
  });
});
