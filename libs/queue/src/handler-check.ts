import { cataloguedJobs, isCataloguedJob, QUEUE_NAMES } from './queue-catalogue';
import { QueueConfigurationError } from './queue-errors';

export interface DiscoveredHandler {
  queue: string;
  job: string;
  /** The class name, so a duplicate or stray handler can be found. */
  name: string;
}

/**
 * Every catalogue job of the queues this process works must have exactly one handler, and every handler must belong to
 * a catalogue job; otherwise jobs would sit unprocessed or run twice. Throws one error listing every problem, each
 * naming its `queue/job`.
 */
export function assertHandlersMatchCatalogue(handlers: DiscoveredHandler[], queues: readonly string[] = QUEUE_NAMES): void {
  const problems: string[] = [];
  for (const { queue, job } of cataloguedJobs().filter((j) => queues.includes(j.queue))) {
    const matching = handlers.filter((h) => h.queue === queue && h.job === job);
    if (matching.length === 0) problems.push(`no handler for ${queue}/${job}`);
    if (matching.length > 1) problems.push(`${matching.length} handlers for ${queue}/${job} (${matching.map((h) => h.name).join(', ')})`);
  }
  for (const handler of handlers) {
    if (!isCataloguedJob(handler.queue, handler.job)) {
      problems.push(`${handler.name} handles ${handler.queue}/${handler.job}, which is not in the queue catalogue`);
    }
  }
  if (problems.length > 0) throw new QueueConfigurationError(`Job handlers do not match the queue catalogue: ${problems.join('; ')}`);
}
