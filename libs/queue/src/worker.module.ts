import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler-registry';
import { OutboxJobRunner } from './outbox-job-runner';
import { OutboxRelayOptions } from './outbox-relay';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayService } from './outbox-relay.service';
import { QueueWorkers } from './queue-workers';
import { QueueModule } from './queue.module';

export interface WorkerModuleOptions {
  /** Relay tuning, or false for a process that only processes jobs (another process relays). */
  relay?: OutboxRelayOptions | false;
}

/**
 * The worker side: discovers `@JobHandler` providers from every loaded module (checked against the catalogue at boot),
 * runs one BullMQ worker per queue and the outbox relay. Needs DatabaseModule and ConfigModule in the application.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [JobHandlerRegistry, OutboxJobRunner, QueueWorkers];
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
