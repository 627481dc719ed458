/** Programming errors in how jobs are enqueued or wired; they name the queue and job so the fix is obvious. */
export class QueueConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueConfigurationError';
  }
}

export class OutboxTenantMismatchError extends Error {
  constructor(queue: string, job: string, payloadTenant: string, contextTenant: string) {
    super(`Cannot enqueue ${queue}/${job} for tenant ${payloadTenant} from a unit of work of tenant ${contextTenant}`);
    this.name = 'OutboxTenantMismatchError';
  }
}
