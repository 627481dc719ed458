import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler-registry';
import { OutboxJobRunner } from './outbox-job-runner';
import { OutboxRelayOptions } from './outbox-relay';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayService } from './outbox-relay.service';
import { QueueWorkers } from './queue-workers';
import { QueueModule } from './queue.module';
import { QueueName } from './queue-catalogue';
import { WORKER_QUEUES, workerQueues } from './worker-queues';

export interface WorkerModuleOptions {
  /** Relay tuning, or false for a process that only processes jobs (another process relays). */
  relay?: OutboxRelayOptions | false;
  /** The queues this process works, and whose handlers it must have; all queues by default. */
  queues?: readonly QueueName[];
}

/**
 * The worker side: discovers `@JobHandler` providers from every loaded module (checked against the catalogue at boot),
 * runs one BullMQ worker per queue and the outbox relay. Needs DatabaseModule and ConfigModule in the application.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [{ provide: WORKER_QUEUES, useValue: workerQueues(options.queues) }, JobHandlerRegistry, OutboxJobRunner, QueueWorkers];
    if (options.relay !== false) {
      providers.push({ provide: OUTBOX_RELAY_OPTIONS, useValue: options.relay ?? {} }, OutboxRelayService);
    }
    return {
      module: WorkerModule,
      imports: [DiscoveryModule, QueueModule],
      providers,
      exports: [OutboxJobRunner, JobHandlerRegistry],
    };
  }
}
