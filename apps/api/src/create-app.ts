import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@subsidy/config';
import { createValidationPipe, HttpExceptionFilter } from '@subsidy/common';
import helmet from 'helmet';
import { AppModule } from './app.module';

/** Builds the HTTP application exactly as production runs it; end-to-end tests call this too. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, logger: false });
  app.use(helmet());
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  await app.init();
  return app;
}
