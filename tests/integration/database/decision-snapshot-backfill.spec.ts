import { Client } from 'pg';
import { backfillDecisionSnapshots } from '../../../libs/database/src/migrations/1763900009200-DecisionSnapshotsAndRenameRequests';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, nationalStandardLead } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * The migration's backfill of decision snapshots (1763900009200): rows decided before the snapshot columns existed get
 * the current organization name and credit code and the achievement's label, tenant by tenant, as the migration owner
 * under forced row-level security; rows that already have a snapshot, and undecided applications, are left alone.
 */
describe('decision snapshot backfill', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function asOwner(work: (client: Client) => Promise<void>): Promise<void> {
    const { owner } = db.config.database;
    const client = new Client({ host: db.config.database.host, port: db.config.database.port, user: owner.user, password: owner.password || undefined, database: db.name });
    await client.connect();
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
    } finally {
      await client.end();
    }
  }

  it('fills names, credit codes and item labels of decided rows in every tenant, and nothing else', async () => {
    const decided: Array<{ applicationId: string; name: string; uscc: string }> = [];
    let undecided = '';
    let alreadySnapshotted = '';
    for (const tenantId of ['tianjin', 'weihai']) {
      const districtCode = tenantId === 'tianjin' ? '120101' : '371002';
      await createTenant(db, { id: tenantId, districts: [{ code: districtCode, nameZh: '一区' }] });
      const program = await createProgram(db, { tenantId, policyId: tenantId === 'tianjin' ? 'tianjin-2021' : 'weihai-2020', status: 'decided' });
      const org = await createOrganization(db, { tenantId, districtCode });
      const application = await createApplication(db, {
        tenantId,
        programId: program.id,
        organizationId: org.id,
        districtCode,
        status: 'decided',
        achievements: [nationalStandardLead('a1'), { id: 'p1', type: 'pilot_project', title: '国家级标准化试点项目' }, { id: 'x9', type: 'other' }],
      });
      await asSuperuser(db, async (c) => {
        for (const achievementId of ['a1', 'p1', 'x9']) {
          await c.query(
            `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, proposed_fen, decided_fen) values ($1, $2, $3, 100, 'ceiling', 100, 100)`,
            [tenantId, application.id, achievementId],
          );
        }
      });
      decided.push({ applicationId: application.id, name: org.name, uscc: org.uscc });
      if (tenantId === 'weihai') {
        const other = await createOrganization(db, { tenantId, districtCode });
        undecided = (await createApplication(db, { tenantId, programId: program.id, organizationId: other.id, districtCode, status: 'expert_review' })).id;
        const third = await createOrganization(db, { tenantId, districtCode });
        alreadySnapshotted = (await createApplication(db, { tenantId, programId: program.id, organizationId: third.id, districtCode, status: 'decided' })).id;
        await asSuperuser(db, async (c) => {
          await c.query(`insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, proposed_fen, decided_fen, achievement_label) values ($1, $2, 'a1', 100, 'ceiling', 100, 100, '决定时的名称')`, [tenantId, alreadySnapshotted]);
          await c.query(`update applications set decided_organization_name = '决定时的单位名称' where id = $1`, [alreadySnapshotted]);
        });
      }
    }

    // The migration runs on a TypeORM query runner, whose query() answers the rows.
    await asOwner((client) => backfillDecisionSnapshots({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }));

    const su = await db.superuser();
    try {
      for (const expected of decided) {
        const { rows } = await su.query(`select decided_organization_name as name, decided_organization_uscc as uscc from applications where id = $1`, [expected.applicationId]);
        expect(rows[0]).toEqual({ name: expected.name, uscc: expected.uscc });
        const items = await su.query(`select achievement_id, standard_no, achievement_label, policy_label from decision_items where application_id = $1 order by achievement_id`, [expected.applicationId]);
        expect(items.rows).toEqual([
          { achievement_id: 'a1', standard_no: 'GB/T 40001-2023', achievement_label: 'GB/T 40001-2023', policy_label: null },
          { achievement_id: 'p1', standard_no: null, achievement_label: '国家级标准化试点项目', policy_label: null },
          { achievement_id: 'x9', standard_no: null, achievement_label: 'x9', policy_label: null },
        ]);
      }
      const untouched = await su.query(`select decided_organization_name as name from applications where id = $1`, [undecided]);
      expect(untouched.rows[0].name).toBeNull();
      const kept = await su.query(
        `select a.decided_organization_name as name, i.achievement_label as label from applications a join decision_items i on i.application_id = a.id where a.id = $1`,
        [alreadySnapshotted],
      );
      expect(kept.rows[0]).toEqual({ name: '决定时的单位名称', label: '决定时的名称' });
    } finally {
      await su.end();
    }
  });
});
