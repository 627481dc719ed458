import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@subsidy/config';
import { WorkerAppModule, WorkerAppOptions } from './worker-app.module';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[] | false> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: false,
};

/** Builds the worker exactly as the process runs it; end-to-end tests start, stop and restart it with this. */
export async function createWorker(config: AppConfig, options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config, options), { logger: NEST_LEVELS[config.logLevel] });
  await worker.init();
  return worker;
}
