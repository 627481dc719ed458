import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayload, QueueName } from './queue-catalogue';

export interface JobContext {
  /** The outbox row this job came from; also its BullMQ job id. */
  outboxId: string;
  queue: QueueName;
  jobName: string;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * Runs one job inside the tenant transaction the processor opened: every write goes through `manager`, so the effect
 * and the outbox row's completion commit together and a redelivered job finds the row completed and does nothing.
 */
export interface QueueJobHandler<Q extends QueueName, J extends JobName<Q>> {
  handle(manager: EntityManager, payload: JobPayload<Q, J>, context: JobContext): Promise<void>;
}

export interface JobHandlerBinding {
  queue: string;
  job: string;
}

export const JOB_HANDLER_METADATA = Symbol('subsidy:job-handler');

/**
 * Registers a provider as the handler of one catalogue job. The worker discovers it in any module it loads, so adding a
 * job never means editing a central switch. The class must implement the job's payload type.
 */
export function JobHandler<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J) {
  return <T extends new (...args: never[]) => QueueJobHandler<Q, J>>(target: T): void => {
    const binding: JobHandlerBinding = { queue, job };
    Reflect.defineMetadata(JOB_HANDLER_METADATA, binding, target);
    Injectable()(target);
  };
}

export function jobHandlerBinding(target: unknown): JobHandlerBinding | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getMetadata(JOB_HANDLER_METADATA, target) as JobHandlerBinding | undefined;
}
