import { TestDatabase } from '../test-database';
import { createApplication, nationalStandardLead } from './applications';
import { createOrganization, OrganizationFixture } from './organizations';
import { createProgram, ProgramFixture } from './programs';
import { asSuperuser } from './superuser';
import { createTenant, TenantFixture } from './tenants';

/**
 * Finance test data: a tenant named after a policy folder (so programs can use its policy), and a program already
 * handed over to finance with decided items, written directly through the superuser (no workflow run needed).
 *
 *   const tenant = await createPolicyTenant(db, 'weihai', [{ code: '371002', nameZh: '环翠区' }]);
 *   const handed = await createHandedOverProgram(db, { tenantId: tenant.id, policyId: 'weihai-2020', applications: [...] });
 */
export async function createPolicyTenant(db: TestDatabase, policyTenant: string, districts: Array<{ code: string; nameZh: string }>): Promise<TenantFixture> {
  return createTenant(db, { id: policyTenant, districts });
}

export interface DecidedItemSpec {
  achievementId: string;
  decidedFen: number;
  article?: string;
}

export interface HandedOverApplicationSpec {
  organization: OrganizationFixture;
  /** Achievements as in achievement.schema.json; defaults to one national standard (lead) per decided item. */
  achievements?: Array<Record<string, unknown> & { id: string }>;
  items: DecidedItemSpec[];
  submittedAt?: Date;
}

export interface HandedOverProgramSpec {
  tenantId: string;
  policyId: string;
  year?: number;
  applications: HandedOverApplicationSpec[];
}

export interface HandedOverProgram {
  program: ProgramFixture;
  applicationIds: string[];
}

/** A program in status handed_over whose applications are handed_over with decision_items. */
export async function createHandedOverProgram(db: TestDatabase, spec: HandedOverProgramSpec): Promise<HandedOverProgram> {
  const program = await createProgram(db, { tenantId: spec.tenantId, policyId: spec.policyId, year: spec.year ?? 2024, status: 'handed_over' });
  const applicationIds: string[] = [];
  for (const a of spec.applications) {
    const application = await createApplication(db, {
      tenantId: spec.tenantId,
      programId: program.id,
      organizationId: a.organization.id,
      districtCode: a.organization.districtCode,
      status: 'handed_over',
      submittedAt: a.submittedAt ?? new Date('2024-03-20T10:00:00+08:00'),
      achievements: a.achievements ?? a.items.map((item, index) => nationalStandardLead(item.achievementId, `2023-0${(index % 9) + 1}-01`)),
    });
    await asSuperuser(db, async (client) => {
      for (const item of a.items) {
        await client.query(
          `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, article, proposed_fen, decided_fen)
           values ($1, $2, $3, $4, 'ceiling', $5, $4, $6)`,
          [spec.tenantId, application.id, item.achievementId, Math.max(item.decidedFen, 50_000_000), item.article ?? '第六条', item.decidedFen],
        );
      }
    });
    applicationIds.push(application.id);
  }
  return { program, applicationIds };
}

export interface WeihaiPayout {
  orgA: OrganizationFixture;
  orgB: OrganizationFixture;
  programId: string;
  applicationIds: string[];
}

/**
 * Weihai, whose policy splits every award 1:1 between the city and the awardee's district, with one awardee in 环翠区
 * (371002) and one in 文登区 (371003) and their program handed over to finance.
 */
export async function createWeihaiPayout(db: TestDatabase, awards: { orgA: DecidedItemSpec[]; orgB: DecidedItemSpec[] }): Promise<WeihaiPayout> {
  await createPolicyTenant(db, 'weihai', [
    { code: '371002', nameZh: '环翠区' },
    { code: '371003', nameZh: '文登区' },
  ]);
  const orgA = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
  const orgB = await createOrganization(db, { tenantId: 'weihai', districtCode: '371003' });
  const handed = await createHandedOverProgram(db, {
    tenantId: 'weihai',
    policyId: 'weihai-2020',
    applications: [
      { organization: orgA, items: awards.orgA },
      { organization: orgB, items: awards.orgB },
    ],
  });
  return { orgA, orgB, programId: handed.program.id, applicationIds: handed.applicationIds };
}
