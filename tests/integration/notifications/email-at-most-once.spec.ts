import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AuditModule } from '@subsidy/audit';
import { ClockModule } from '@subsidy/common';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule, TenantTransactions } from '@subsidy/database';
import { MailTransport, Notifier, NotificationsModule } from '@subsidy/notifications';
import { DeliveredJob, OutboxJobRunner, WorkerModule } from '@subsidy/queue';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { SmtpSink } from '../../e2e/scenarios-support/smtp-sink';
import { asSuperuser, createTenant, createUser, TenantFixture, UserFixture } from '../../support/factories';
import { deleteRedisKeys } from '../../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const silentLogger: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * Issue 15: an e-mail goes out at most once even when the worker dies between handing it to SMTP and recording that
 * it did. The real runner, handler and SMTP transport against a local SMTP sink; the "death" is the outcome write
 * failing in PostgreSQL after the sink accepted the message (a trigger raises), which leaves exactly what a killed
 * worker leaves: the intent committed, no outcome, the outbox row open for the retry.
 */
describe('e-mail copies are sent at most once', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let config: AppConfig;
  let worker: TestingModule;
  let tenant: TenantFixture;
  let officer: UserFixture;
  let admin: UserFixture;

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  /** Writes a notification for the officer the way a workflow step does, and returns it with its e-mail job's outbox id. */
  async function notifyOfficer(kind: string): Promise<{ id: string; outboxId: string }> {
    const [id] = await RequestContextStore.run({ tenantId: tenant.id, actor: SYSTEM_ACTOR }, () =>
      worker.get(TenantTransactions).run((m) => worker.get(Notifier).notify(m, [{ userId: officer.id }], { kind, subject: `主题 ${kind}`, body: `正文 ${kind}` })),
    );
    const [job] = await rows<{ id: string }>(`select id from outbox where job_name = 'email.send' and payload->>'notificationId' = $1`, [id]);
    return { id, outboxId: job.id };
  }

  const delivery = (outboxId: string, notificationId: string, attemptsMade: number): DeliveredJob => ({
    id: outboxId,
    name: 'email.send',
    data: { tenantId: tenant.id, notificationId },
    attemptsMade,
    opts: { attempts: 10 },
  });
  const received = (messageId: string) => sink.mails.filter((m) => m.messageId === messageId);

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await SmtpSink.start();
    config = { ...db.config, mail: { ...db.config.mail, smtpUrl: sink.url } };
    const builder = Test.createTestingModule({
      // No relay: the test hands jobs to the runner itself, as BullMQ would on a delivery and on a retry.
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(), DatabaseModule, AuditModule, WorkerModule.forRoot({ relay: false, queues: ['notifications'] }), NotificationsModule],
    });
    worker = await (process.env.LOG_LEVEL ? builder : builder.setLogger(silentLogger)).compile();
    await worker.init();
    tenant = await createTenant(db);
    officer = await createUser(db, { tenantId: tenant.id, role: 'program_officer', email: 'officer@example.cn' });
    admin = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin', email: 'admin@example.cn' });
  });

  afterAll(async () => {
    await worker?.close();
    await sink?.close();
    if (db) await deleteRedisKeys(db.config);
    await db?.drop();
  });

  it('records sent, with the deterministic Message-ID the server received', async () => {
    const { id, outboxId } = await notifyOfficer('test.normal');
    await expect(worker.get(OutboxJobRunner).run('notifications', delivery(outboxId, id, 0))).resolves.toBe('completed');
    const messageId = `<${id}@subsidy-hub.local>`;
    expect(received(messageId)).toEqual([expect.objectContaining({ to: ['officer@example.cn'], text: expect.stringContaining('正文 test.normal') })]);
    const [row] = await rows<Record<string, unknown>>(
      `select email_status, email_message_id, email_sending_at is not null as intent, email_sent_at >= email_sending_at as ordered, email_error from notifications where id = $1`,
      [id],
    );
    expect(row).toEqual({ email_status: 'sent', email_message_id: messageId, intent: true, ordered: true, email_error: null });
    // A redelivery of the completed job sends nothing.
    await expect(worker.get(OutboxJobRunner).run('notifications', delivery(outboxId, id, 1))).resolves.toBe('already-completed');
    expect(received(messageId)).toHaveLength(1);
  });

  it('after a death between sending and recording, the retry does not send again: unknown, audited, operators told in the product', async () => {
    const { id, outboxId } = await notifyOfficer('test.dies');
    const messageId = `<${id}@subsidy-hub.local>`;
    await asSuperuser(db, async (c) => {
      await c.query(`create function test_lose_email_outcome() returns trigger language plpgsql as $$
        begin raise exception 'worker died before recording the outcome'; end $$`);
      await c.query(`create trigger test_lose_email_outcome before update on notifications for each row
        when (old.email_status = 'sending' and new.email_status <> 'sending') execute function test_lose_email_outcome()`);
    });
    try {
      await expect(worker.get(OutboxJobRunner).run('notifications', delivery(outboxId, id, 0))).rejects.toThrow(/worker died before recording the outcome/);
    } finally {
      await asSuperuser(db, async (c) => {
        await c.query(`drop trigger test_lose_email_outcome on notifications`);
        await c.query(`drop function test_lose_email_outcome()`);
      });
    }
    expect(received(messageId)).toHaveLength(1);
    const [dead] = await rows<Record<string, unknown>>(
      `select n.email_status, n.email_message_id, o.completed_at is null as open from notifications n join outbox o on o.id = $2 where n.id = $1`,
      [id, outboxId],
    );
    expect(dead).toEqual({ email_status: 'sending', email_message_id: messageId, open: true });

    // The queue retries the job: the intent is there without an outcome, so nothing is sent.
    await expect(worker.get(OutboxJobRunner).run('notifications', delivery(outboxId, id, 1))).resolves.toBe('completed');
    await expect(worker.get(OutboxJobRunner).run('notifications', delivery(outboxId, id, 2))).resolves.toBe('already-completed');
    expect(received(messageId)).toHaveLength(1);
    const [after] = await rows<Record<string, unknown>>(`select email_status, email_sent_at, email_error is not null as why from notifications where id = $1`, [id]);
    expect(after).toEqual({ email_status: 'unknown', email_sent_at: null, why: true });

    const audit = await rows<{ actor_kind: string; data: { messageId: string; outboxId: string } }>(
      `select actor_kind, data from audit_log where tenant_id = $1 and action = 'notification.email-unknown' and entity_id = $2`,
      [tenant.id, id],
    );
    expect(audit).toEqual([{ actor_kind: 'system', data: expect.objectContaining({ messageId, outboxId }) }]);

    // The tenant administrator is told in the product, not by e-mail (the channel in doubt), with the Message-ID to look up.
    const notices = await rows<{ id: string; user_id: string; email_status: string; body: string }>(
      `select id, user_id, email_status, body from notifications where kind = 'notification.email-unknown' and entity_id = $1`,
      [id],
    );
    expect(notices).toEqual([{ id: expect.any(String), user_id: admin.id, email_status: 'none', body: expect.stringContaining(messageId) }]);
    const mailed = await rows(`select 1 from outbox where job_name = 'email.send' and payload->>'notificationId' = $1`, [notices[0].id]);
    expect(mailed).toHaveLength(0);
    expect(sink.mails.filter((m) => m.to.includes('admin@example.cn'))).toHaveLength(0);
  });

  it('counts a server that could not be reached as refused (safe to retry), never as unknown', async () => {
    const closed = await SmtpSink.start();
    await closed.close();
    const transport = new MailTransport({ ...config, mail: { ...config.mail, smtpUrl: closed.url } });
    try {
      const outcome = await transport.send({ to: 'officer@example.cn', subject: 's', text: 't', messageId: '<x@subsidy-hub.local>' });
      expect(outcome).toEqual({ kind: 'refused', error: expect.stringMatching(/ECONNREFUSED|connect/i), permanent: false });
    } finally {
      transport.onModuleDestroy();
    }
  });
});
