import { phoneKey } from '@subsidy/workflow';
import { asSuperuser } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { PHONE_KEYS } from '../../unit/publicity/support/phone-keys';

/**
 * The keys of stored objections are generated columns; those of an incoming one come from objection-contact.ts.
 * A duplicate is only recognized if both agree, so the columns' own expressions are evaluated here on the same inputs.
 */
describe('objection contact keys: the generated columns agree with objection-contact.ts', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function generated(column: string, input: string | null, source: string): Promise<string | null> {
    return asSuperuser(db, async (client) => {
      const { rows } = await client.query<{ expression: string }>(
        `select pg_get_expr(d.adbin, d.adrelid) as expression
           from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
          where d.adrelid = 'objections'::regclass and a.attname = $1 and a.attgenerated = 's'`,
        [column],
      );
      expect(rows).toHaveLength(1);
      const result = await client.query<{ key: string | null }>(`select ${rows[0].expression} as key from (select $1::text as ${source}) as objections`, [input]);
      return result.rows[0].key;
    });
  }

  it.each(PHONE_KEYS)('phone %j', async (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
    expect(await generated('contact_phone_key', phone, 'contact_phone')).toBe(key);
  });

  it.each([
    ['Objector@Example.CN', 'objector@example.cn'],
    [' li.si@example.cn  ', 'li.si@example.cn'],
  ])('e-mail %j', async (email, key) => {
    expect(await generated('contact_email_key', email, 'contact_email')).toBe(key);
  });

  it('is null where the contact detail is', async () => {
    expect(await generated('contact_phone_key', null, 'contact_phone')).toBeNull();
    expect(await generated('contact_email_key', null, 'contact_email')).toBeNull();
  });
});
