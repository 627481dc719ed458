import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from '@subsidy/common';
import { AppConfig } from '@subsidy/config';
import { achievementOpenApiSchemas } from '@subsidy/policy';
import { AppModule } from './app.module';

/** Where the API serves its OpenAPI document (JSON) and the Swagger UI, below the host root. */
export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs/openapi.json';
/** The routes' prefix; `health` stays at the root for load balancers. */
export const API_PREFIX = 'api/v1';
export const API_PREFIX_OPTIONS = { exclude: ['health'] };

/** The OpenAPI document of an application whose routes and global prefix are set up. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Subsidy Hub API')
      .setDescription('Standardization subsidy programs for city and district governments: policies, applications, review, publicity, finance.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  // Schemas the DTOs refer to by name that no class describes: the achievement union, from achievement.schema.json.
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...achievementOpenApiSchemas() } };
  return withErrorBodies(document);
}

const ERROR_BODY_REF = { $ref: '#/components/schemas/ErrorBodyDto' };
const ERROR_CONTENT = { 'application/json': { schema: ERROR_BODY_REF } };

/**
 * Every refusal of every operation has one shape (HttpExceptionFilter): each documented 4xx/5xx answer gets the
 * ErrorBody schema, and an operation that names no 4xx gets a `4XX` answer, so generated clients type their errors.
 */
function withErrorBodies(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]/.test(status) && response && !('$ref' in response) && !response.content) response.content = ERROR_CONTENT;
      }
      if (!Object.keys(operation.responses).some((status) => /^4/.test(status))) {
        operation.responses['4XX'] = { description: 'Refused: `code` names the reason (validation, authentication, permission, state)', content: ERROR_CONTENT };
      }
    }
  }
  return document;
}

/**
 * The document exactly as the API serves it, without connecting to PostgreSQL or Redis: `preview` makes Nest resolve
 * the module graph (controllers, routes, DTOs) without instantiating any provider.
 */
export async function previewOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false, bodyParser: false });
  try {
    app.setGlobalPrefix(API_PREFIX, API_PREFIX_OPTIONS);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Recursively sorted keys (arrays keep their order), so the exported file changes only when the document does. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
