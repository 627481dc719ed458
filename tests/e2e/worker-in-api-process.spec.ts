import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@subsidy/config';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The demo and the end-to-end tests start the worker in the API's process. With a log level set, Nest used to hand the
 * level list to the process-wide logger, which by then is the API's pino logger, and the worker failed to start with
 * "setLogLevels is not a function".
 */
describe('the worker started in the API process with a log level', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    // 'error', not 'silent': the failure needed a real list of levels.
    config = { ...db.config, logLevel: 'error' };
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  it('starts after the API, and stops', async () => {
    app = await createApp(config);
    worker = await createWorker(config);
    await worker.close();
    worker = undefined;
  });

  it('starts silent too', async () => {
    worker = await createWorker({ ...config, logLevel: 'silent' });
    await worker.close();
    worker = undefined;
  });
});
