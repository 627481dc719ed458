import { Module } from '@nestjs/common';
import { JobHandler, JobName, MaintenanceJobsModule, QueueConfigurationError, QueueJobHandler, VerifyAuditChainPayload } from '@subsidy/queue';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { compileWorker, deleteRedisKeys } from './queue-fixture';

@JobHandler('maintenance', 'audit.verify-chain')
class SecondVerifyHandler implements QueueJobHandler<'maintenance', 'audit.verify-chain'> {
  async handle(): Promise<void> {
    throw new Error('never runs: the worker refuses to start with two handlers for one job');
  }
}

// A handler for a job that was removed from the catalogue; the cast stands in for code that no longer type-checks.
@JobHandler('maintenance', 'audit.retired-job' as JobName<'maintenance'>)
class RetiredJobHandler implements QueueJobHandler<'maintenance', JobName<'maintenance'>> {
  async handle(_manager: unknown, _payload: VerifyAuditChainPayload): Promise<void> {
    throw new Error('never runs: the worker refuses to start with a handler for an unknown job');
  }
}

@Module({ providers: [SecondVerifyHandler] })
class DuplicateHandlerModule {}

@Module({ providers: [RetiredJobHandler] })
class StrayHandlerModule {}

describe('the boot-time check of job handlers against the catalogue', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await deleteRedisKeys(db.config);
    await db.drop();
  });

  /** Boots a worker (no relay) with the given handler modules; returns the boot error, if any, after closing it. */
  async function bootError(modules: Parameters<typeof compileWorker>[1]): Promise<unknown> {
    const worker = await compileWorker(db.config, modules, false);
    try {
      await worker.init();
    } catch (error) {
      // Nest's close() re-throws a failed init without running destroy hooks; the check runs before any queue
      // connection opens, so the database pool is the only thing to close.
      await worker.get(DataSource).destroy();
      return error;
    }
    await worker.close();
    return undefined;
  }

  it('starts when every catalogue job has exactly one handler', async () => {
    expect(await bootError([MaintenanceJobsModule])).toBeUndefined();
  });

  it('refuses to start when a job has no handler, naming the job', async () => {
    const error = await bootError([]);
    expect(error).toBeInstanceOf(QueueConfigurationError);
    expect((error as Error).message).toBe('Job handlers do not match the queue catalogue: no handler for maintenance/audit.verify-chain');
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const error = await bootError([MaintenanceJobsModule, DuplicateHandlerModule]);
    expect((error as Error).message).toBe(
      'Job handlers do not match the queue catalogue: 2 handlers for maintenance/audit.verify-chain (VerifyAuditChainHandler, SecondVerifyHandler)',
    );
  });

  it('refuses to start when a handler belongs to no catalogue job', async () => {
    const error = await bootError([MaintenanceJobsModule, StrayHandlerModule]);
    expect((error as Error).message).toBe(
      'Job handlers do not match the queue catalogue: RetiredJobHandler handles maintenance/audit.retired-job, which is not in the queue catalogue',
    );
  });
});
