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
  handle(manager: EntityManager, payload: JobPayload<Q, J>, context: JobContext): Promise<void | ExternalEffect>;
}

/**
 * An effect outside the database (an e-mail) that must happen at most once. A handler that returns one has written
 * the intent with `manager`; the runner then commits that transaction WITHOUT completing the outbox row, calls
 * perform() outside any transaction, and calls record() in a second transaction that locks the row again and completes
 * it. A worker that dies between the two leaves the intent committed and the row open, so the next try finds the intent
 * and must not repeat the effect. Each phase holds one pooled connection at most, never two at once, so the pool cannot
 * deadlock however many jobs run concurrently.
 */
export interface ExternalEffect {
  /** Performs the effect. Throwing means "outcome unknown": nothing is recorded and the error propagates (a retry follows). */
  perform(): Promise<void>;
  /**
   * Records the outcome. Returning an Error commits what was written, leaves the row open and throws that error so the
   * queue retries (an UnrecoverableError dead-letters the row); throwing rolls this transaction back.
   */
  record(manager: EntityManager): Promise<Error | void>;
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
