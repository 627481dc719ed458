import { Body, Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@subsidy/calendar';
import { ClockModule, ConflictError, HttpExceptionFilter } from '@subsidy/common';
import { ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { ABANDONED_CLAIM_MS, Idempotent, IdempotencyModule, REFUSED_ANSWER_TTL_MS, requestFingerprint } from '@subsidy/idempotency';
import { RequestContextStore } from '@subsidy/tenancy';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { asSuperuser, createTenant, TenantFixture } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** A route whose effects the test can count, fail on demand, and hold open. */
const effects: string[] = [];
let gate: Promise<void> = Promise.resolve();

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(201)
  @Idempotent('things.create')
  async create(@Body() body: { name: string }): Promise<{ number: number; name: string }> {
    if (body.name === 'slow') await gate;
    if (body.name === 'refused') throw new ConflictError('thing_refused', { zh: '名为“refused”的记录不予受理', en: 'Things named "refused" are refused' }, [{ path: 'name', message: 'refused' }]);
    if (body.name === 'crash') throw new Error('the database went away');
    effects.push(body.name);
    return { number: effects.length, name: body.name };
  }
}

describe('@Idempotent routes over a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let alpha: TenantFixture;
  let beta: TenantFixture;
  const clock = new ManualClock(new Date('2024-03-15T02:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({
      imports: [ConfigModule.forRoot(db.config), ClockModule.forRoot(clock), DatabaseModule, IdempotencyModule],
      controllers: [ThingsController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    // Stands in for the auth guard: the tenant and actor of the request come from test headers.
    app.use((req: Request, _res: Response, next: NextFunction) =>
      RequestContextStore.run({ tenantId: req.header('x-tenant'), actor: { kind: 'user', id: req.header('x-actor') ?? 'nobody', role: 'applicant' } }, () => next()),
    );
    app.useGlobalFilters(new HttpExceptionFilter());
    await app.init();
    alpha = await createTenant(db);
    beta = await createTenant(db);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(() => {
    effects.length = 0;
  });

  const post = (key: string | undefined, body: object, who: { tenant?: string; actor?: string } = {}) => {
    const call = request(app.getHttpServer())
      .post('/things')
      .set('x-tenant', who.tenant ?? alpha.id)
      .set('x-actor', who.actor ?? 'user-1')
      .send(body);
    return key === undefined ? call : call.set('Idempotency-Key', key);
  };

  const keyRow = async (tenantId: string, key: string) =>
    (
      await asSuperuser(db, (c) =>
        c.query(`select scope, status, response_status, response_body from idempotency_keys where tenant_id = $1 and key = $2`, [tenantId, key]),
      )
    ).rows;

  it('runs the first request and replays its answer, with the replay header, to a retry', async () => {
    const first = await post('key-first-0001', { name: 'a' }).expect(201);
    expect(first.body).toEqual({ number: 1, name: 'a' });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await post('key-first-0001', { name: 'a' }).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(effects).toEqual(['a']);
    expect(await keyRow(alpha.id, 'key-first-0001')).toEqual([{ scope: 'things.create', status: 'completed', response_status: 201, response_body: { number: 1, name: 'a' } }]);
  });

  it('refuses the same key for a different body with 422', async () => {
    await post('key-reused-0001', { name: 'a' }).expect(201);
    const reused = await post('key-reused-0001', { name: 'b' }).expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(effects).toEqual(['a']);
  });

  it('keeps keys apart per actor and per tenant', async () => {
    await post('key-shared-0001', { name: 'a' }).expect(201);
    const otherActor = await post('key-shared-0001', { name: 'a' }, { actor: 'user-2' }).expect(201);
    const otherTenant = await post('key-shared-0001', { name: 'a' }, { tenant: beta.id }).expect(201);
    expect(otherActor.headers['idempotent-replayed']).toBeUndefined();
    expect(otherTenant.headers['idempotent-replayed']).toBeUndefined();
    expect(effects).toEqual(['a', 'a', 'a']);
  });

  it('stores a 4xx answer and replays the same error', async () => {
    const first = await post('key-refused-001', { name: 'refused' }).expect(409);
    expect(first.body).toMatchObject({ code: 'thing_refused', message: '名为“refused”的记录不予受理', details: [{ path: 'name', message: 'refused' }] });
    const retry = await post('key-refused-001', { name: 'refused' }).expect(409);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect({ ...retry.body, requestId: undefined }).toEqual({ ...first.body, requestId: undefined });
    // The replay keeps both languages: a retry that asks for English gets the English text.
    const english = await post('key-refused-001', { name: 'refused' }).set('Accept-Language', 'en').expect(409);
    expect(english.headers['idempotent-replayed']).toBe('true');
    expect(english.body).toMatchObject({ code: 'thing_refused', message: 'Things named "refused" are refused' });
    expect(await keyRow(alpha.id, 'key-refused-001')).toEqual([expect.objectContaining({ status: 'completed', response_status: 409 })]);
  });

  it('replays a refusal only for REFUSED_ANSWER_TTL_MS; then the same request runs again and the record is gone', async () => {
    const start = clock.now();
    try {
      await post('key-expiring-01', { name: 'refused' }).expect(409);
      clock.set(new Date(start.getTime() + REFUSED_ANSWER_TTL_MS - 1_000));
      const stillReplayed = await post('key-expiring-01', { name: 'refused' }).expect(409);
      expect(stillReplayed.headers['idempotent-replayed']).toBe('true');
      clock.set(new Date(start.getTime() + REFUSED_ANSWER_TTL_MS + 1_000));
      const again = await post('key-expiring-01', { name: 'refused' }).expect(409);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(await keyRow(alpha.id, 'key-expiring-01')).toEqual([expect.objectContaining({ status: 'completed', response_status: 409 })]);
    } finally {
      clock.set(start);
    }
  });

  it("deletes the actor's expired refusals on its next request, even under keys never used again", async () => {
    const start = clock.now();
    try {
      await post('key-forgotten-1', { name: 'refused' }).expect(409);
      await post('key-forgotten-2', { name: 'refused' }, { actor: 'user-2' }).expect(409);
      await post('key-kept-00001', { name: 'kept' }).expect(201);
      clock.set(new Date(start.getTime() + REFUSED_ANSWER_TTL_MS + 1_000));
      await post('key-unrelated-1', { name: 'b' }).expect(201);
      expect(await keyRow(alpha.id, 'key-forgotten-1')).toEqual([]);
      // Another actor's refusal waits for that actor's next request; a success is kept.
      expect(await keyRow(alpha.id, 'key-forgotten-2')).toHaveLength(1);
      expect(await keyRow(alpha.id, 'key-kept-00001')).toEqual([expect.objectContaining({ response_status: 201 })]);
      const replay = await post('key-kept-00001', { name: 'kept' }).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(effects).toEqual(['kept', 'b']);
    } finally {
      clock.set(start);
    }
  });

  it('lets a corrected request take over the key of a refused one at once, but never the key of a success', async () => {
    await post('key-corrected-1', { name: 'refused' }).expect(409);
    const corrected = await post('key-corrected-1', { name: 'fixed' }).expect(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(corrected.body).toEqual({ number: 1, name: 'fixed' });
    const replay = await post('key-corrected-1', { name: 'fixed' }).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The original refused body now conflicts with a stored success: that is a reused key again.
    expect((await post('key-corrected-1', { name: 'refused' }).expect(422)).body.code).toBe('idempotency_key_reused');
    expect(effects).toEqual(['fixed']);
  });

  it('forgets the key after a 5xx so the client may retry it', async () => {
    const crashed = await post('key-crash-0001', { name: 'crash' }).expect(500);
    expect(crashed.body.code).toBe('internal_error');
    expect(await keyRow(alpha.id, 'key-crash-0001')).toEqual([]);
    await post('key-crash-0001', { name: 'crash' }).expect(500);
    expect(await keyRow(alpha.id, 'key-crash-0001')).toEqual([]);
  });

  it('answers a duplicate that arrives while the first is running with 409, then replays', async () => {
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const first = post('key-slow-00001', { name: 'slow' }).then((r) => r);
    // Wait until the first request holds the key.
    for (let i = 0; i < 100 && (await keyRow(alpha.id, 'key-slow-00001')).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const duplicate = await post('key-slow-00001', { name: 'slow' }).expect(409);
    expect(duplicate.body.code).toBe('idempotency_in_progress');
    open();
    expect((await first).status).toBe(201);
    const replay = await post('key-slow-00001', { name: 'slow' }).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(effects).toEqual(['slow']);
  });

  // Claims written before leases existed (no lease_expires_at) keep the fixed window; claim-lease.spec.ts covers leases.
  it('takes over a claim abandoned by a request that died, but not one that may still be running', async () => {
    const claim = (key: string, ageMs: number) =>
      asSuperuser(db, (c) =>
        c.query(`insert into idempotency_keys (tenant_id, actor_id, key, scope, request_hash, created_at) values ($1, 'user-1', $2, 'things.create', $3, $4)`, [
          alpha.id,
          key,
          requestFingerprint({ scope: 'things.create', method: 'POST', path: '/things', body: { name: 'a' } }),
          new Date(clock.now().getTime() - ageMs),
        ]),
      );
    await claim('key-recent-0001', ABANDONED_CLAIM_MS - 60_000);
    expect((await post('key-recent-0001', { name: 'a' }).expect(409)).body.code).toBe('idempotency_in_progress');
    await claim('key-dead-00001', ABANDONED_CLAIM_MS + 60_000);
    const revived = await post('key-dead-00001', { name: 'a' }).expect(201);
    expect(revived.headers['idempotent-replayed']).toBeUndefined();
    expect(effects).toEqual(['a']);
    expect(await keyRow(alpha.id, 'key-dead-00001')).toEqual([expect.objectContaining({ status: 'completed', response_status: 201 })]);
  });

  it('makes exactly one effect of many simultaneous requests with one key', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('key-burst-0001', { name: 'burst' })));
    expect(effects).toEqual(['burst']);
    for (const r of responses) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.code).toBe('idempotency_in_progress');
    }
  });

  it('requires a well-formed key, naming the header', async () => {
    const missing = await post(undefined, { name: 'a' }).expect(400);
    expect(missing.body).toMatchObject({ code: 'idempotency_key_missing', details: [{ path: 'Idempotency-Key', message: '必须提供' }] });
    const short = await post('short', { name: 'a' }).expect(400);
    expect(short.body.code).toBe('idempotency_key_invalid');
    expect(effects).toEqual([]);
  });
});
