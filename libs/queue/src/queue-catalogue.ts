/**
 * The one list of queues and job names. A job's payload names its tenant and the ids it works on, never whole records:
 * the handler reads current state inside its own transaction, so a payload can never carry stale data.
 *
 * Adding a job: add one entry under its queue here (`'name': job<Payload>('what it does')`), then write a class with
 * `@JobHandler('queue', 'name')` in the owning feature's module. The worker refuses to start until both exist.
 */

/** Scalars only, so a record cannot be smuggled into a payload. */
export type JobPayloadShape = { readonly tenantId: string } & { readonly [key: string]: string | number | boolean | null };

/** A job declaration; `payload` exists only in the type system and carries the payload type to the typed helpers. */
export interface JobSpec<P extends JobPayloadShape> {
  readonly description: string;
  readonly payload?: P;
}

export function job<P extends JobPayloadShape>(description: string): JobSpec<P> {
  return { description };
}

export interface QueueSettings {
  /** Total tries, the first included; BullMQ waits `backoff.delay * 2^(n-1)` ms before try n+1. */
  readonly attempts: number;
  readonly backoff: { readonly type: 'exponential'; readonly delay: number };
  /** Jobs run at once per worker process. */
  readonly concurrency: number;
  /** Completed jobs stay visible on the dashboard this long (seconds) / this many; PostgreSQL keeps the record. */
  readonly removeOnComplete: { readonly age: number; readonly count: number };
  /** Failed jobs stay long enough to investigate; the outbox row is dead-lettered with the error too. */
  readonly removeOnFail: { readonly age: number; readonly count: number };
}

export interface QueueDefinition extends QueueSettings {
  readonly jobs: { readonly [name: string]: JobSpec<JobPayloadShape> };
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export type VerifyAuditChainPayload = { tenantId: string };
export type ProgramJobPayload = { tenantId: string; programId: string };
export type ApplicationJobPayload = { tenantId: string; applicationId: string };
/** `round` ties a deadline job to the submission or panel round that set it, so a stale one does nothing. */
export type ApplicationRoundJobPayload = { tenantId: string; applicationId: string; round: number };
/** A review stage's due date: the job does nothing once the application left `stage` or its due date moved. */
export type ApplicationStageJobPayload = { tenantId: string; applicationId: string; stage: string; dueOn: string };
export type PublicityJobPayload = { tenantId: string; publicityId: string };
export type NotificationJobPayload = { tenantId: string; notificationId: string };
/** A payment batch line: lines are keyed by their batch and number (payment_batch_lines has no id of its own). */
export type PaymentLineJobPayload = { tenantId: string; batchId: string; lineNo: number };

/** One chunk of an official-list import (issue 12): `fromItem` is the import's checkpoint when the chunk was queued. */
export type OfficialListChunkPayload = { tenantId: string; listId: string; fromItem: number };
export type OfficialListRematchPayload = { tenantId: string; organizationId: string };

export const QUEUES = {
  /** Application state transitions: deadlines, review assignments, publicity windows. */
  workflow: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    concurrency: 4,
    removeOnComplete: { age: 3 * DAY, count: 10_000 },
    removeOnFail: { age: 30 * DAY, count: 10_000 },
    jobs: {
      'program.open': job<ProgramJobPayload>('Opens a scheduled program for applications at its opening instant'),
      'program.close': job<ProgramJobPayload>('Closes an open program at its closing instant'),
      'application.formal-check-deadline': job<ApplicationRoundJobPayload>('Flags a formal check not answered by its deadline and alerts the office'),
      'application.stage-reminder': job<ApplicationStageJobPayload>('Reminds whoever holds a review stage a few working days before its due date'),
      'application.stage-overdue': job<ApplicationStageJobPayload>('Escalates a review stage still not done the working day after its due date to the program office'),
      'application.correction-lapse': job<ApplicationRoundJobPayload>('Lapses an application whose correction was not made by its deadline'),
      'panel.reminder': job<ApplicationRoundJobPayload>('Reminds panel experts who have not scored before the deadline'),
      'panel.deadline': job<ApplicationRoundJobPayload>('At the scoring deadline, releases experts who did not score and tops the panel up to quorum'),
      'panel.year-rescreen': job<ApplicationJobPayload>("After a submission under a year-wide exclusion rule, removes and replaces the year's panel experts from its units"),
      'publicity.close': job<PublicityJobPayload>('Closes a publicity period at the end of its last day'),
      'publicity.objection-digest': job<PublicityJobPayload>("Tells the program officers once about the publicity's objections received since its last digest"),
    },
  },
  /** E-mail and in-app messages; retried patiently because mail servers recover slowly. */
  notifications: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 5_000 },
    concurrency: 8,
    removeOnComplete: { age: 1 * DAY, count: 5_000 },
    removeOnFail: { age: 14 * DAY, count: 10_000 },
    jobs: {
      'email.send': job<NotificationJobPayload>('Sends the e-mail copy of a notification where SMTP is configured'),
    },
  },
  /** Disbursement batches and ledger postings: few tries, failures go to a person quickly. */
  finance: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    concurrency: 1,
    removeOnComplete: { age: 30 * DAY, count: 50_000 },
    removeOnFail: { age: 90 * DAY, count: 50_000 },
    jobs: {
      'payment.instruct-line': job<PaymentLineJobPayload>('Instructs one line of a released payment batch: approved → payable, once'),
    },
  },
  /** Official lists (免申即享): imports read in database-committed chunks, and re-matching when an organization registers. */
  lists: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    concurrency: 1,
    removeOnComplete: { age: 3 * DAY, count: 10_000 },
    removeOnFail: { age: 30 * DAY, count: 10_000 },
    jobs: {
      'official-list.import-chunk': job<OfficialListChunkPayload>("Reads, matches and stores the next chunk of an official list's entries from its checkpoint, then queues the next chunk"),
      'official-list.rematch-organization': job<OfficialListRematchPayload>('Matches waiting official-list entries (unregistered or in review) against an organization that has just registered'),
    },
  },
  /** Housekeeping and integrity checks. */
  maintenance: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    concurrency: 2,
    removeOnComplete: { age: 7 * DAY, count: 1_000 },
    removeOnFail: { age: 30 * DAY, count: 1_000 },
    jobs: {
      'audit.verify-chain': job<VerifyAuditChainPayload>("Verifies the tenant's audit hash chain (nightly, see libs/audit/README.md), records the outcome in it and alerts on a break"),
    },
  },
} satisfies { readonly [queue: string]: QueueDefinition };

export type Catalogue = typeof QUEUES;
export type QueueName = keyof Catalogue & string;
export type JobName<Q extends QueueName> = keyof Catalogue[Q]['jobs'] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> =
  Catalogue[Q]['jobs'][J] extends JobSpec<infer P> ? P : never;

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function queueDefinition(queue: string): QueueDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(QUEUES, queue) ? (QUEUES as Record<string, QueueDefinition>)[queue] : undefined;
}

export function isCataloguedJob(queue: string, jobName: string): boolean {
  const definition = queueDefinition(queue);
  return definition !== undefined && Object.prototype.hasOwnProperty.call(definition.jobs, jobName);
}

/** Every `queue/job` pair in the catalogue. */
export function cataloguedJobs(): Array<{ queue: QueueName; job: string }> {
  return QUEUE_NAMES.flatMap((queue) => Object.keys(QUEUES[queue].jobs).map((name) => ({ queue, job: name })));
}
