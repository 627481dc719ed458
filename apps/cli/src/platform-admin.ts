import { AuditLog } from '@subsidy/audit';
import { hashPassword } from '@subsidy/auth';
import { loadConfigOrExit } from '@subsidy/config';
import { openAppDataSource } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { parseArgs } from 'node:util';
import { runCommand } from './run-command';

const PLATFORM = 'platform';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/**
 * Creates the first platform administrator of a new installation (run `npm run tenants:sync` first, which creates the
 * platform tenant): `echo "$PASSWORD" | npm run platform:admin -- --username ops --name "Operations" --email ops@example.cn`.
 * The operator running it is the administrator, so the password comes from them (standard input, never an argument
 * that `ps` would show). `--if-absent` makes a second run a no-op instead of an error (docker-compose runs it at every
 * start); it never changes an existing account's password.
 */
runCommand(async () => {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, 'if-absent': { type: 'boolean' } },
  });
  if (!values.username || !/^[a-z0-9][a-z0-9._@-]{2,63}$/.test(values.username)) {
    throw new Error('--username is required: 3-64 lower-case letters, digits, and . _ @ -');
  }
  if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) throw new Error('--email must be an e-mail address');
  const password = await readStdin();
  if (password.length < 12) throw new Error('The password (read from standard input) must have at least 12 characters');
  const config = loadConfigOrExit();
  const dataSource = await openAppDataSource(config);
  try {
    const actor = { kind: 'system' as const, id: 'cli:platform-admin' };
    const created = await RequestContextStore.run({ tenantId: PLATFORM, actor }, () =>
      dataSource.transaction(async (manager) => {
        await manager.query(`select set_config('app.tenant_id', $1, true)`, [PLATFORM]);
        const tenant = await manager.query(`select 1 from tenants where id = $1`, [PLATFORM]);
        if (tenant.length === 0) throw new Error('The platform tenant does not exist yet: run `npm run tenants:sync` first');
        const [user] = (await manager.query(
          `insert into users (tenant_id, username, display_name, email, password_hash, role) values ($1, $2, $3, $4, $5, 'platform_admin')
           on conflict (tenant_id, username) do nothing returning id`,
          [PLATFORM, values.username, values.name ?? values.username, values.email?.trim() ?? null, await hashPassword(password)],
        )) as Array<{ id: string }>;
        if (!user) {
          if (values['if-absent']) return false;
          throw new Error(`A platform user named ${values.username} already exists`);
        }
        await new AuditLog().record(manager, { action: 'user.created', entityType: 'user', entityId: user.id, reason: 'bootstrap of a platform administrator', data: { role: 'platform_admin', username: values.username } });
        return true;
      }),
    );
    process.stdout.write(created ? `Platform administrator ${values.username} created\n` : `Platform user ${values.username} already exists; left unchanged\n`);
  } finally {
    await dataSource.destroy();
  }
});
