import { ConsoleLogger, INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@subsidy/config';
import { WorkerAppModule, WorkerAppOptions } from './worker-app.module';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/**
 * Builds the worker exactly as the process runs it; end-to-end tests and the demo start, stop and restart it with this.
 *
 * The logger is a ConsoleLogger instance, never a bare list of levels: Nest hands a list to the process-wide logger's
 * `setLogLevels`, which the API's pino logger does not have, so a worker started in the API's process (the demo, tests)
 * failed with "setLogLevels is not a function".
 */
export async function createWorker(config: AppConfig, options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const logger = new ConsoleLogger('Worker', { logLevels: NEST_LEVELS[config.logLevel] });
  const worker = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config, options), { logger });
  await worker.init();
  return worker;
}
