import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfigOrExit } from '@subsidy/config';
import { WorkerAppModule } from './worker-app.module';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[] | false> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: false,
};

/**
 * The worker process: no HTTP, just the job processors and the outbox relay. SIGTERM/SIGINT close the BullMQ workers
 * (letting running jobs finish), stop the relay and close every pool before exiting.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), { logger: NEST_LEVELS[config.logLevel] });
  const logger = new Logger('Worker');
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing running jobs, then closing`);
    app.close().then(
      () => {
        logger.log('Worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Worker did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  logger.log('Worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
