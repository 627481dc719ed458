import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@subsidy/config';
import { mountQueueDashboard } from '@subsidy/queue';
import { AccessTokenVerifier, TENANT_ID_PATTERN } from '@subsidy/auth';
import { createValidationPipe, HttpExceptionFilter, installInputNormalization } from '@subsidy/common';
import { IDEMPOTENCY_HEADER } from '@subsidy/idempotency';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { API_PREFIX, API_PREFIX_OPTIONS, buildOpenApiDocument, OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi-document';
import { securityHeaders } from './security-headers';

/** Builds the HTTP application exactly as production runs it; end-to-end tests call this too. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Client addresses (rate limits, login lockout) come from X-Forwarded-For only through the configured proxies.
  app.set('trust proxy', config.http.trustProxyHops);
  // Swagger UI needs inline scripts and styles on /api/docs only; everything else keeps helmet's strict defaults.
  app.use(securityHeaders());
  // Every request's input is checked and normalized once, here, before any guard, pipe or controller sees it.
  installInputNormalization(app, {
    jsonLimitBytes: 1024 * 1024,
    headers: { 'X-Tenant-Id': TENANT_ID_PATTERN, [IDEMPOTENCY_HEADER]: null, 'Accept-Language': null },
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.setGlobalPrefix(API_PREFIX, API_PREFIX_OPTIONS);

  // The same document `npm run openapi:export` writes to apps/web/openapi.json for the web app's typed client.
  SwaggerModule.setup(OPENAPI_UI_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH });

  // Before init(): Nest installs its not-found handler there, and routes added after it are never reached.
  // The dashboard checks tokens as the API does: a logged-out or deactivated administrator's token stops working at once.
  mountQueueDashboard(app, config, (token) => app.get(AccessTokenVerifier).verify(token));

  await app.init();
  return app;
}
