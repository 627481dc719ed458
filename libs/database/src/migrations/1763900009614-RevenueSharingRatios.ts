import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * The city:district fiscal revenue-sharing ratio of each district (财政收入分享比例), which some texts split awards by
 * without stating it (Linyi 第六条: 激励资金给予企业的, 按照现行财政收入分享比例由市与县区分级承担). It is the tenant's
 * fiscal arrangement with each county, not part of any policy text, so a city finance officer records it here, with the
 * document that sets it (`basis`); finance intake splits every award the engine marks `revenueSharing` by it
 * (libs/finance/src/revenue-sharing).
 *
 * One current ratio per district (primary key tenant_id, district_code): intake stores the shares it computed, so a
 * later change never alters a program already taken in, and the audit log keeps every earlier ratio. Parts are small
 * integers (40:60, 35:65, 1:0 for a district whose awards the city bears alone); at least one must be positive.
 * The app role may read, insert and update (a change of the arrangement), never delete.
 */
export class RevenueSharingRatios1763900009614 implements MigrationInterface {
  name = 'RevenueSharingRatios1763900009614';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE revenue_sharing_ratios (
         tenant_id text NOT NULL REFERENCES tenants(id),
         district_code char(6) NOT NULL,
         city_parts integer NOT NULL CHECK (city_parts BETWEEN 0 AND 10000),
         district_parts integer NOT NULL CHECK (district_parts BETWEEN 0 AND 10000),
         basis text NOT NULL CHECK (length(btrim(basis)) BETWEEN 1 AND 200),
         set_by text NOT NULL,
         set_at timestamptz NOT NULL,
         version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
         PRIMARY KEY (tenant_id, district_code),
         FOREIGN KEY (tenant_id, district_code) REFERENCES districts(tenant_id, code),
         CHECK (city_parts + district_parts > 0)
       )`,
      ...tenantIsolation('revenue_sharing_ratios'),
      `GRANT SELECT, INSERT, UPDATE ON revenue_sharing_ratios TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS revenue_sharing_ratios`);
  }
}
