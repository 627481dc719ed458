import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@subsidy/config';
import { createWorker } from './create-worker';

/**
 * The worker process: no HTTP, just the job processors and the outbox relay. SIGTERM/SIGINT close the BullMQ workers
 * (letting running jobs finish), stop the relay and close every pool before exiting.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorker(config);
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
