import { hashPassword } from '@subsidy/auth';
import { AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { Role, TenantDefinition } from '@subsidy/tenancy';
import { Client } from 'pg';
import { DEMO_ORGANIZATIONS } from './demo-organizations';

export const DEMO_PASSWORD = 'Demo-2026-pass';

/** The one line an operator sees when the demo seed is pointed at a production installation. */
export const DEMO_REFUSED_IN_PRODUCTION =
  'The demo seed refuses NODE_ENV=production: it creates accounts whose password is published. Create the first platform administrator with `npm run platform:admin` instead.';

/**
 * Thrown before anything is written (or even connected to) when NODE_ENV is production: demo accounts share one
 * published password, the platform administrator included, and must never exist in a real installation.
 */
export function assertDemoAllowed(config: AppConfig): void {
  if (config.env === 'production') throw new Error(DEMO_REFUSED_IN_PRODUCTION);
}

/** Demo addresses, one per person (the segregation of duties ties accounts to people by address); `.invalid` never delivers. */
export function demoEmailOf(user: Pick<DemoUser, 'tenant' | 'username'>): string {
  return `${user.username}.${user.tenant}@demo.invalid`;
}

export interface DemoUser {
  tenant: string;
  username: string;
  role: Role;
  districtCode?: string;
  financeLevel?: 'city' | 'district';
  organization?: boolean;
}

/**
 * The demo cast of one tenant: one user per role, a reviewer and a finance officer for its first district, a reviewer
 * for the demo applicant's district too (else its first application would wait in district review with nobody to
 * take it, and a program with district review could not be scheduled), and a tenant administrator `admin` (in the
 * platform tenant, `admin` is the platform administrator). Each is a different person.
 */
export function demoUsersOf(tenant: TenantDefinition): DemoUser[] {
  if (tenant.kind === 'platform') return [{ tenant: tenant.id, username: 'admin', role: 'platform_admin' }];
  const district = tenant.districts[0].code;
  const applicantDistrict = DEMO_ORGANIZATIONS[tenant.id]?.districtCode;
  const reviewedDistricts = [...new Set([district, ...(applicantDistrict ? [applicantDistrict] : [])])];
  return [
    { tenant: tenant.id, username: 'admin', role: 'tenant_admin' },
    { tenant: tenant.id, username: 'officer', role: 'program_officer' },
    ...reviewedDistricts.map((code) => ({ tenant: tenant.id, username: `reviewer.${code}`, role: 'district_reviewer' as const, districtCode: code })),
    { tenant: tenant.id, username: 'tech', role: 'technical_reviewer' },
    { tenant: tenant.id, username: 'expert1', role: 'expert' },
    { tenant: tenant.id, username: 'expert2', role: 'expert' },
    { tenant: tenant.id, username: 'expert3', role: 'expert' },
    { tenant: tenant.id, username: 'finance.city', role: 'finance_officer', financeLevel: 'city' },
    { tenant: tenant.id, username: `finance.${district}`, role: 'finance_officer', financeLevel: 'district', districtCode: district },
    ...(DEMO_ORGANIZATIONS[tenant.id] ? [{ tenant: tenant.id, username: 'applicant', role: 'applicant' as const, organization: true }] : []),
  ];
}

/**
 * Idempotent: existing users and organizations are left as they are. Runs as the application role, tenant by tenant.
 * The password is hashed by the product's own hashPassword, so demo accounts take exactly as long to check as any
 * other (and as the dummy hash of an unknown user). Refuses production.
 */
export async function seedDemo(config: AppConfig, tenants: TenantDefinition[]): Promise<DemoUser[]> {
  assertDemoAllowed(config);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = new Client(poolConfig(config, 'app'));
  await client.connect();
  const seeded: DemoUser[] = [];
  try {
    for (const tenant of tenants) {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      const org = DEMO_ORGANIZATIONS[tenant.id];
      let organizationId: string | null = null;
      if (org) {
        await client.query(
          `insert into organizations (tenant_id, uscc, name, kind, district_code) values ($1, $2, $3, 'enterprise', $4) on conflict (tenant_id, uscc) do nothing`,
          [tenant.id, org.uscc, org.name, org.districtCode],
        );
        const { rows } = await client.query<{ id: string }>(`select id from organizations where tenant_id = $1 and uscc = $2`, [tenant.id, org.uscc]);
        organizationId = rows[0].id;
      }
      for (const user of demoUsersOf(tenant)) {
        await client.query(
          `insert into users (tenant_id, username, display_name, email, password_hash, role, district_code, finance_level, organization_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (tenant_id, username) do nothing`,
          [
            tenant.id,
            user.username,
            `${tenant.nameZh} ${user.username}`,
            demoEmailOf(user),
            passwordHash,
            user.role,
            user.districtCode ?? null,
            user.financeLevel ?? null,
            user.organization ? organizationId : null,
          ],
        );
        seeded.push(user);
      }
      if (organizationId) {
        // The demo applicant registered the organization, so it administers it (and its payee account). Its
        // registration stays pending review until the demo officer approves it through the API (approve-demo-organizations.ts).
        await client.query(
          `update organizations set administrator_user_id = (select id from users where username = 'applicant') where id = $1 and administrator_user_id is null`,
          [organizationId],
        );
      }
      await client.query('commit');
    }
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return seeded;
}
