import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@subsidy/config';
import { mountQueueDashboard } from '@subsidy/queue';
import { createValidationPipe, HttpExceptionFilter, MalformedJsonError, PayloadTooLargeError } from '@subsidy/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';

/** Body-parser errors would reach Nest as anonymous 400s; give them their own codes before they do. */
function nameBodyParserErrors(error: { type?: string } | undefined, _request: Request, _response: Response, next: NextFunction): void {
  if (error?.type === 'entity.parse.failed') return next(new MalformedJsonError());
  if (error?.type === 'entity.too.large') return next(new PayloadTooLargeError());
  next(error);
}

/** Builds the HTTP application exactly as production runs it; end-to-end tests call this too. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Client addresses (rate limits, login lockout) come from X-Forwarded-For only through the configured proxies.
  app.set('trust proxy', config.http.trustProxyHops);
  app.use(
    helmet({
      // Swagger UI needs inline scripts and styles on /api/docs only; everything else keeps helmet's strict defaults.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  app.useBodyParser('json', { limit: '1mb' });
  app.use(nameBodyParserErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Subsidy Hub API')
      .setDescription('Standardization subsidy programs for city and district governments: policies, applications, review, publicity, finance.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  // Before init(): Nest installs its not-found handler there, and routes added after it are never reached.
  mountQueueDashboard(app, config);

  await app.init();
  return app;
}
