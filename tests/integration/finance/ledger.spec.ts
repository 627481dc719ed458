import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@subsidy/calendar';
import { ClockModule } from '@subsidy/common';
import { ConfigModule } from '@subsidy/config';
import { DatabaseModule, TenantTransactions } from '@subsidy/database';
import { ACCOUNT_KINDS, AccountRef, BalanceBook, parseAccountCode, Ledger, transfer, UnbalancedPostingError, verifyLedger } from '@subsidy/finance';
import fc from 'fast-check';
import { RequestContextStore } from '@subsidy/tenancy';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { asSuperuser, createProgram, ProgramFixture, TenantFixture } from '../../support/factories';
import { createPolicyTenant } from '../../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const ROOT = join(__dirname, '..', '..', '..');

describe('double-entry ledger in PostgreSQL', () => {
  let db: TestDatabase;
  let context: INestApplicationContext;
  let transactions: TenantTransactions;
  let tenant: TenantFixture;
  let program: ProgramFixture;
  const account = (kind: AccountRef['kind'], payer = 'city'): AccountRef => ({ kind, programId: program.id, payer });

  const inTenant = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
    RequestContextStore.run({ tenantId: tenant.id, actor: { kind: 'user', id: 'tester', role: 'finance_officer', financeLevel: 'city' } }, () => transactions.run(work));

  const verifyAsApp = async (): Promise<Awaited<ReturnType<typeof verifyLedger>>> => {
    const client = await db.appRole();
    try {
      await client.query('begin isolation level repeatable read read only');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      const result = await verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]);
      await client.query('rollback');
      return result;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({ imports: [ConfigModule.forRoot(db.config), ClockModule.forRoot(new ManualClock(new Date('2024-06-01T02:00:00Z'))), DatabaseModule] })
    class LedgerTestModule {}
    context = await NestFactory.createApplicationContext(LedgerTestModule, { logger: false });
    transactions = context.get(TenantTransactions);
    tenant = await createPolicyTenant(db, 'weihai', [{ code: '371002', nameZh: '环翠区' }]);
    program = await createProgram(db, { tenantId: tenant.id, policyId: 'weihai-2020', status: 'handed_over' });
  });

  afterAll(async () => {
    await context?.close();
    await db?.drop({ skipIntegrityCheck: true }); // this file tampers with balances on purpose
  });

  it('posts a balanced entry and keeps the cached balances equal to the entries', async () => {
    await inTenant((manager) => Ledger.post(manager, transfer('budget_allocated', account('appropriation'), account('budget'), 1_000_000n, 'budget'), 'tester'));
    await inTenant((manager) => Ledger.post(manager, transfer('award_committed', account('budget'), account('committed'), 250_001n, 'award'), 'tester'));
    const totals = await inTenant((manager) => Ledger.totals(manager, account('budget')));
    expect(totals).toEqual({ debitFen: 1_000_000n, creditFen: 250_001n });
    await expect(verifyAsApp()).resolves.toMatchObject({ ok: true, entries: 2, accounts: 3 });
  });

  it('refuses an unbalanced posting in the code, writing nothing', async () => {
    const posting = transfer('correction', account('budget'), account('committed'), 5n, 'bad');
    posting.lines[1].creditFen = 4n;
    await expect(inTenant((manager) => Ledger.post(manager, posting, 'tester'))).rejects.toBeInstanceOf(UnbalancedPostingError);
    await expect(verifyAsApp()).resolves.toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses at commit an entry whose lines do not balance, even written past the code by the app role', async () => {
    const client = await db.appRole();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      const { rows } = await client.query<{ id: string }>(
        `insert into ledger_entries (tenant_id, kind, program_id, memo, actor_id) values ($1, 'correction', $2, 'one-sided', 'x') returning id`,
        [tenant.id, program.id],
      );
      await client.query(`insert into ledger_lines (tenant_id, entry_id, line_no, account, debit_fen) values ($1, $2, 1, $3, 100)`, [
        tenant.id,
        rows[0].id,
        `budget:${program.id}:city`,
      ]);
      await client.query(`insert into ledger_lines (tenant_id, entry_id, line_no, account, credit_fen) values ($1, $2, 2, $3, 99)`, [
        tenant.id,
        rows[0].id,
        `committed:${program.id}:city`,
      ]);
      await expect(client.query('commit')).rejects.toThrow(/not balanced/);
    } finally {
      await client.end();
    }
    await expect(verifyAsApp()).resolves.toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses at commit an entry without lines', async () => {
    const client = await db.appRole();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await client.query(`insert into ledger_entries (tenant_id, kind, program_id, memo, actor_id) values ($1, 'correction', $2, 'empty', 'x')`, [tenant.id, program.id]);
      await expect(client.query('commit')).rejects.toThrow(/has no lines/);
    } finally {
      await client.end();
    }
  });

  it('does not let the app role update or delete entries or lines', async () => {
    const client = await db.appRole();
    const attempt = async (sql: string): Promise<void> => {
      await client.query('begin');
      try {
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
        await client.query(sql);
      } finally {
        await client.query('rollback');
      }
    };
    try {
      await expect(attempt(`update ledger_lines set debit_fen = debit_fen + 1 where debit_fen > 0`)).rejects.toThrow(/permission denied/);
      await expect(attempt(`delete from ledger_lines`)).rejects.toThrow(/permission denied/);
      await expect(attempt(`update ledger_entries set memo = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await expect(attempt(`delete from ledger_entries`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('corrects by a new entry that reverses the old one', async () => {
    const original = await inTenant((manager) => Ledger.post(manager, transfer('award_committed', account('budget'), account('committed'), 70n, 'typo'), 'tester'));
    await inTenant((manager) =>
      Ledger.post(manager, { ...transfer('correction', account('committed'), account('budget'), 70n, 'reverses the typo'), corrects: original.id }, 'tester'),
    );
    const committed = await inTenant((manager) => Ledger.totals(manager, account('committed')));
    expect(committed.debitFen - committed.creditFen).toBe(250_001n);
    await expect(verifyAsApp()).resolves.toMatchObject({ ok: true, entries: 4 });
  });

  it('keeps every cached balance equal to its lines over random sequences of postings (property-based, real database)', async () => {
    const movement = fc.record({
      from: fc.constantFrom(...ACCOUNT_KINDS),
      to: fc.constantFrom(...ACCOUNT_KINDS),
      payer: fc.constantFrom('city', 'district:371002'),
      amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 8 }), async (movements) => {
        const own = await createProgram(db, { tenantId: tenant.id, policyId: 'weihai-2020', status: 'handed_over' });
        const ref = (kind: AccountRef['kind'], payer: string): AccountRef => ({ kind, programId: own.id, payer });
        const model = new BalanceBook();
        await inTenant(async (manager) => {
          for (const m of movements) {
            const posting = transfer('correction', ref(m.from, m.payer), ref(m.to, m.payer), m.amount, 'generated');
            model.apply(posting);
            await Ledger.post(manager, posting, 'property');
          }
        });
        for (const code of model.codes()) {
          const stored = await inTenant((manager) => Ledger.totals(manager, parseAccountCode(code)));
          expect({ code, ...stored }).toEqual({ code, ...model.totalsOf(code) });
        }
        expect((await verifyAsApp()).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  describe('ledger:check', () => {
    const env = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_NAME: db.name, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    // The first call goes through scripts/built.js exactly as `npm run ledger:check` does (building dist/ if stale).
    const viaNpmScript = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'built.js'), 'apps/cli/src/ledger-check', ...args], { cwd: ROOT, env: env(), encoding: 'utf8' });
    const compiled = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist', 'apps', 'cli', 'src', 'ledger-check.js'), ...args], { cwd: ROOT, env: env(), encoding: 'utf8' });
    const committedCity = () => `committed:${program.id}:city`;
    const tamper = (delta: number) =>
      asSuperuser(db, (client: Client) =>
        client.query(`update ledger_balances set debit_fen = debit_fen + $3 where tenant_id = $1 and account = $2`, [tenant.id, committedCity(), delta]),
      );

    it('passes on a consistent ledger', () => {
      const run = viaNpmScript(['--tenant', tenant.id]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Ledger consistent: 1 tenant\(s\), \d+ entr\(ies\), \d+ account\(s\) rebuilt from entries\n$/);
    });

    it('finds a cached balance tampered with past the application, naming the account, and exits 1', async () => {
      await tamper(1);
      const result = await verifyAsApp();
      expect(result.ok).toBe(false);
      expect(result.mismatch).toMatchObject({ kind: 'balance_mismatch', account: committedCity(), cachedDebitFen: '250072', entriesDebitFen: '250071' });
      const run = compiled([]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`tenant ${tenant.id}: account ${committedCity()} cached balance debit 250072`);
      await tamper(-1);
      await expect(verifyAsApp()).resolves.toMatchObject({ ok: true });
      expect(compiled(['--tenant', tenant.id]).status).toBe(0);
    });
  });
});
