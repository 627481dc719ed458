import { QUEUE_NAMES, QUEUES, QueueName } from './queue-catalogue';

/** The queues one worker process works (all by default); a deployment may dedicate processes to some queues. */
export const WORKER_QUEUES = Symbol('WORKER_QUEUES');

export function workerQueues(requested?: readonly QueueName[]): QueueName[] {
  return (requested ?? QUEUE_NAMES).filter((name) => Object.keys(QUEUES[name].jobs).length > 0);
}
