import { Body, Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@subsidy/calendar';
import { ClockModule, HttpExceptionFilter } from '@subsidy/common';
import { ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { Idempotent, IdempotencyModule, IdempotencyStore, requestFingerprint } from '@subsidy/idempotency';
import { RequestContextStore } from '@subsidy/tenancy';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { asSuperuser, createTenant, TenantFixture } from '../../support/factories';
import { waitFor } from '../../support/polling';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * Issue 15, "faults that lose or double nothing": a claimed Idempotency-Key holds a lease that its running request
 * renews. A request whose process died leaves its claim behind unrenewed; the retry takes it over once the lease has run
 * out and runs exactly once, while a duplicate of a request that really still runs keeps getting 409.
 */
const LEASE_SECONDS = 3;
const LEASE_MS = LEASE_SECONDS * 1000;

const effects: string[] = [];
let gate: Promise<void> = Promise.resolve();

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(201)
  @Idempotent('things.create')
  async create(@Body() body: { name: string }): Promise<{ number: number; name: string }> {
    if (body.name === 'slow') await gate;
    effects.push(body.name);
    return { number: effects.length, name: body.name };
  }
}

describe('Idempotency-Key leases over a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let alpha: TenantFixture;
  const clock = new ManualClock(new Date('2024-09-30T01:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({
      imports: [ConfigModule.forRoot({ ...db.config, idempotency: { leaseSeconds: LEASE_SECONDS } }), ClockModule.forRoot(clock), DatabaseModule, IdempotencyModule],
      controllers: [ThingsController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    // Stands in for the auth guard: the tenant and actor of the request come from test headers.
    app.use((req: Request, _res: Response, next: NextFunction) =>
      RequestContextStore.run({ tenantId: req.header('x-tenant'), actor: { kind: 'user', id: 'user-1', role: 'applicant' } }, () => next()),
    );
    app.useGlobalFilters(new HttpExceptionFilter());
    await app.init();
    alpha = await createTenant(db);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(() => {
    effects.length = 0;
  });

  const post = (key: string, body: object) => request(app.getHttpServer()).post('/things').set('x-tenant', alpha.id).set('Idempotency-Key', key).send(body);

  const keyRow = async (key: string) =>
    (
      await asSuperuser(db, (c) =>
        c.query<{ status: string; response_status: number | null; lease_expires_at: Date | null }>(
          `select status, response_status, lease_expires_at from idempotency_keys where tenant_id = $1 and key = $2`,
          [alpha.id, key],
        ),
      )
    ).rows;

  /** What a process killed mid-request leaves behind: the claim, committed by the real store, and nothing after it. */
  const claimThenDie = (key: string, body: object) =>
    RequestContextStore.run({ tenantId: alpha.id, actor: { kind: 'user', id: 'user-1', role: 'applicant' } }, () =>
      app.get(IdempotencyStore).claim({ actorId: 'user-1', key }, 'things.create', requestFingerprint({ scope: 'things.create', method: 'POST', path: '/things', body })),
    );

  it('gives a claim a lease of IDEMPOTENCY_LEASE_SECONDS from the clock, and clears it with the answer', async () => {
    await claimThenDie('key-lease-shape-1', { name: 'x' });
    expect(await keyRow('key-lease-shape-1')).toEqual([{ status: 'in_progress', response_status: null, lease_expires_at: new Date(clock.now().getTime() + LEASE_MS) }]);
    await post('key-lease-shape-2', { name: 'y' }).expect(201);
    expect(await keyRow('key-lease-shape-2')).toEqual([{ status: 'completed', response_status: 201, lease_expires_at: null }]);
  });

  it('lets the retry of a request whose process died run exactly once, after the lease and not before', async () => {
    const claim = await claimThenDie('key-died-000001', { name: 'a' });
    expect(claim.kind).toBe('started');
    expect((await post('key-died-000001', { name: 'a' }).expect(409)).body.code).toBe('idempotency_in_progress');
    clock.advance(LEASE_MS - 1);
    expect((await post('key-died-000001', { name: 'a' }).expect(409)).body.code).toBe('idempotency_in_progress');
    expect(effects).toEqual([]);

    clock.advance(1);
    const retry = await post('key-died-000001', { name: 'a' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body).toEqual({ number: 1, name: 'a' });
    const again = await post('key-died-000001', { name: 'a' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect(effects).toEqual(['a']);
    expect(await keyRow('key-died-000001')).toEqual([{ status: 'completed', response_status: 201, lease_expires_at: null }]);
  });

  it('makes one effect of many simultaneous retries of a dead claim', async () => {
    await claimThenDie('key-died-burst-1', { name: 'burst' });
    clock.advance(LEASE_MS + 1_000);
    const responses = await Promise.all(Array.from({ length: 6 }, () => post('key-died-burst-1', { name: 'burst' })));
    expect(effects).toEqual(['burst']);
    const ran = responses.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] === undefined);
    expect(ran).toHaveLength(1);
    for (const r of responses) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.code).toBe('idempotency_in_progress');
    }
  });

  it('keeps answering 409 to a duplicate of a request that still runs past the lease length, as it renews its lease', async () => {
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const first = post('key-alive-000001', { name: 'slow' }).then((r) => r);
    const [claimed] = await waitFor('the claim of the running request', async () => {
      const rows = await keyRow('key-alive-000001');
      return rows.length > 0 && rows;
    });
    expect(claimed.lease_expires_at).toEqual(new Date(clock.now().getTime() + LEASE_MS));

    // Past the first lease: only the running request's renewals keep the key from being taken over.
    clock.advance(LEASE_MS + 1_000);
    const renewedTo = new Date(clock.now().getTime() + LEASE_MS);
    // Renewals come every third of the lease, so one must land within a lease's length of real time.
    await waitFor(
      'a renewal of the running request',
      async () => {
        const [row] = await keyRow('key-alive-000001');
        return row?.lease_expires_at?.getTime() === renewedTo.getTime();
      },
      LEASE_MS,
    );
    const duplicate = await post('key-alive-000001', { name: 'slow' }).expect(409);
    expect(duplicate.body.code).toBe('idempotency_in_progress');

    open();
    expect((await first).status).toBe(201);
    const replay = await post('key-alive-000001', { name: 'slow' }).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(effects).toEqual(['slow']);
  });
});
