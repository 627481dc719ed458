import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { assertHandlersMatchCatalogue, DiscoveredHandler } from './handler-check';
import { ExternalEffect, jobHandlerBinding, JobContext } from './job-handler';
import { QueueConfigurationError } from './queue-errors';
import { QueueName } from './queue-catalogue';
import { WORKER_QUEUES } from './worker-queues';
import { EntityManager } from 'typeorm';

type AnyJobHandler = { handle(manager: EntityManager, payload: unknown, context: JobContext): Promise<void | ExternalEffect> };

/** Finds every `@JobHandler` provider at boot and refuses to start unless they match the catalogue one to one. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, AnyJobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(WORKER_QUEUES) private readonly queues: readonly QueueName[],
  ) {}

  onModuleInit(): void {
    const found: Array<DiscoveredHandler & { instance: AnyJobHandler }> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const binding = jobHandlerBinding(wrapper.metatype);
      if (!binding) continue;
      const instance = wrapper.instance as AnyJobHandler | undefined;
      if (!instance || typeof instance.handle !== 'function') {
        throw new QueueConfigurationError(`${wrapper.name} is registered for ${binding.queue}/${binding.job} but has no handle() method`);
      }
      found.push({ ...binding, name: String(wrapper.name), instance });
    }
    assertHandlersMatchCatalogue(found, this.queues);
    for (const handler of found) this.handlers.set(`${handler.queue}/${handler.job}`, handler.instance);
  }

  get(queue: string, job: string): AnyJobHandler {
    const handler = this.handlers.get(`${queue}/${job}`);
    if (!handler) throw new QueueConfigurationError(`No handler for ${queue}/${job}`);
    return handler;
  }
}
