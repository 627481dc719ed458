import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public objections against floods (libs/workflow/src/publicity): each objection keeps its contact in a comparable
 * form (digits of the phone without +86, the e-mail in lower case), so a second objection of one contact to one award
 * is recognized and the number a contact has under review can be counted; and `officers_notified_at`, set when the
 * officers' digest (job publicity.objection-digest) has told them about it, so each objection is announced once.
 * Objections received before this migration were announced one by one: they count as notified.
 */
export class ObjectionFloods1763900009400 implements MigrationInterface {
  name = 'ObjectionFloods1763900009400';

  async up(q: QueryRunner): Promise<void> {
    // The same rule as phoneKey() in objection-contact.ts (tests/integration/workflow-publicity checks they agree).
    const phoneKey = `CASE
        WHEN regexp_replace(contact_phone, '\\D', '', 'g') LIKE '0086%' THEN substr(regexp_replace(contact_phone, '\\D', '', 'g'), 5)
        WHEN btrim(contact_phone) LIKE '+86%' THEN substr(regexp_replace(contact_phone, '\\D', '', 'g'), 3)
        WHEN regexp_replace(contact_phone, '\\D', '', 'g') ~ '^861[0-9]{10}$' THEN substr(regexp_replace(contact_phone, '\\D', '', 'g'), 3)
        ELSE regexp_replace(contact_phone, '\\D', '', 'g')
      END`;
    const statements = [
      // Generated, so every row has them however it was written, and they can never disagree with the contact.
      `ALTER TABLE objections
         ADD COLUMN contact_phone_key text GENERATED ALWAYS AS (${phoneKey}) STORED,
         ADD COLUMN contact_email_key text GENERATED ALWAYS AS (lower(btrim(contact_email))) STORED,
         ADD COLUMN officers_notified_at timestamptz`,
      `UPDATE objections SET officers_notified_at = created_at`,
      `CREATE INDEX objections_by_phone_key ON objections (tenant_id, publicity_id, contact_phone_key) WHERE contact_phone_key IS NOT NULL`,
      `CREATE INDEX objections_by_email_key ON objections (tenant_id, publicity_id, contact_email_key) WHERE contact_email_key IS NOT NULL`,
      `CREATE INDEX objections_awaiting_digest ON objections (tenant_id, publicity_id) WHERE officers_notified_at IS NULL`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS objections_awaiting_digest`);
    await q.query(`DROP INDEX IF EXISTS objections_by_email_key`);
    await q.query(`DROP INDEX IF EXISTS objections_by_phone_key`);
    await q.query(`ALTER TABLE objections DROP COLUMN IF EXISTS officers_notified_at, DROP COLUMN IF EXISTS contact_email_key, DROP COLUMN IF EXISTS contact_phone_key`);
  }
}
