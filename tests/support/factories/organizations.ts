import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../test-database';
import { login, Session } from './sessions';
import { asSuperuser } from './superuser';
import { createUser, DEFAULT_TEST_PASSWORD, UserFixture } from './users';
import { makeUscc } from './uscc';
import { uniqueSuffix } from './unique';

export interface OrganizationSpec {
  tenantId: string;
  districtCode: string;
  uscc?: string;
  name?: string;
  kind?: 'enterprise' | 'institution' | 'social_org' | 'individual' | 'service_agency';
  /** Defaults to `verified`: an organization whose registration was checked already (registration is not under test). */
  registrationStatus?: 'pending_review' | 'verified';
}

export interface OrganizationFixture {
  id: string;
  tenantId: string;
  uscc: string;
  name: string;
  districtCode: string;
}

/**
 * Inserts an organization directly (no audit record): for tests that need one to exist, not to test registration.
 * Its credit code is registered in its own district, and its registration is already verified unless said otherwise.
 */
export async function createOrganization(db: TestDatabase, spec: OrganizationSpec): Promise<OrganizationFixture> {
  const uscc = spec.uscc ?? makeUscc({ division: spec.districtCode });
  const name = spec.name ?? `测试企业${uniqueSuffix()}有限公司`;
  const { rows } = await asSuperuser(db, (client) =>
    client.query<{ id: string }>(
      `insert into organizations (tenant_id, uscc, name, kind, district_code, registration_status) values ($1, $2, $3, $4, $5, $6) returning id`,
      [spec.tenantId, uscc, name, spec.kind ?? 'enterprise', spec.districtCode, spec.registrationStatus ?? 'verified'],
    ),
  );
  return { id: rows[0].id, tenantId: spec.tenantId, uscc, name, districtCode: spec.districtCode };
}

/** An applicant of the organization who is its administrator (keeps its payee account), as the registering user is. */
export async function createOrganizationAdministrator(db: TestDatabase, organization: { id: string; tenantId: string }): Promise<UserFixture> {
  const user = await createUser(db, { tenantId: organization.tenantId, role: 'applicant', organizationId: organization.id });
  await asSuperuser(db, (client) => client.query(`update organizations set administrator_user_id = $2 where id = $1`, [organization.id, user.id]));
  return user;
}

export interface RegisteredOrganization {
  organization: OrganizationFixture;
  /** The registering applicant, the organization's administrator; signs in with `password`. */
  applicant: UserFixture;
}

/**
 * Self-registration through the API (POST /organizations/register) with a credit code of the declared district; the
 * registration is then pending review. Usage: `const { organization, applicant } = await registerOrganization(app, { tenantId, districtCode })`.
 */
export async function registerOrganization(app: INestApplication, spec: Omit<OrganizationSpec, 'registrationStatus'>): Promise<RegisteredOrganization> {
  const username = `applicant-${uniqueSuffix()}`;
  const body = {
    tenant: spec.tenantId,
    organization: { uscc: spec.uscc ?? makeUscc({ division: spec.districtCode }), name: spec.name ?? `测试企业${uniqueSuffix()}有限公司`, kind: spec.kind ?? 'enterprise', districtCode: spec.districtCode },
    user: { username, displayName: `申报人${username}`, email: `${username}@example.cn`, password: DEFAULT_TEST_PASSWORD },
  };
  const response = await request(app.getHttpServer()).post('/api/v1/organizations/register').send(body);
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  const { organization, user } = response.body as { organization: OrganizationFixture; user: { id: string } };
  return {
    organization: { id: organization.id, tenantId: spec.tenantId, uscc: body.organization.uscc, name: body.organization.name, districtCode: spec.districtCode },
    applicant: { id: user.id, tenantId: spec.tenantId, username, password: DEFAULT_TEST_PASSWORD, role: 'applicant', districtCode: null, organizationId: organization.id },
  };
}

/** Approves a registration through the API as the district's reviewer or a program officer would. */
export async function approveRegistration(app: INestApplication, reviewer: Session, organizationId: string): Promise<void> {
  const response = await request(app.getHttpServer())
    .post(`/api/v1/organizations/${organizationId}/registration/approve`)
    .set(reviewer.headers)
    .send({ note: '已核对营业执照' });
  if (response.status !== 200) throw new Error(`approval of ${organizationId} failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * Registers through the API and has a program officer (made here unless given) approve it, so the organization can
 * submit at once: the path a real applicant takes before its first submission.
 */
export async function registerApprovedOrganization(
  app: INestApplication,
  db: TestDatabase,
  spec: Omit<OrganizationSpec, 'registrationStatus'>,
  reviewer?: Session,
): Promise<RegisteredOrganization> {
  const registered = await registerOrganization(app, spec);
  const officer = reviewer ?? (await login(app, await createUser(db, { tenantId: spec.tenantId, role: 'program_officer' })));
  await approveRegistration(app, officer, registered.organization.id);
  return registered;
}
