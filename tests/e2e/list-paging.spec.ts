import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  OrganizationFixture,
  ProgramFixture,
  Session,
  UserFixture,
} from '../support/factories';
import { createHandedOverProgram } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Issue 10: every list endpoint pages, filters and sorts on the server. The body keeps its shape ({ items }: the page's
 * rows) and X-Total-Count says how many rows match before paging.
 */
describe('list paging, filters and sort (X-Total-Count)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let admin: Session;
  let applicant: Session;
  let applicantUser: UserFixture;
  const orgs: OrganizationFixture[] = [];
  const programs: ProgramFixture[] = [];
  const clock = new ManualClock(new Date('2025-03-03T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const TENANT = 'tianjin';

  type Row = Record<string, unknown>;

  /** Reads every page of `url` with `pageSize`; checks X-Total-Count on each and that no row comes twice. */
  async function everyPage(session: Session | null, url: string, pageSize: number, key = 'id'): Promise<{ rows: Row[]; total: number; pages: number }> {
    const rows: Row[] = [];
    let total = -1;
    let page = 1;
    for (;;) {
      const sep = url.includes('?') ? '&' : '?';
      const req = http().get(`${url}${sep}page=${page}&pageSize=${pageSize}`);
      const res = await (session ? req.set(session.headers) : req).expect(200);
      const header = Number(res.headers['x-total-count']);
      if (total === -1) total = header;
      expect(header).toBe(total);
      const items = res.body.items as Row[];
      expect(items.length).toBeLessThanOrEqual(pageSize);
      rows.push(...items);
      if (items.length < pageSize) break;
      page += 1;
      expect(page).toBeLessThan(100);
    }
    expect(rows.every((r) => typeof r[key] === 'string')).toBe(true);
    expect(new Set(rows.map((r) => r[key])).size).toBe(rows.length);
    expect(rows).toHaveLength(total);
    return { rows, total, pages: page };
  }

  const get = (session: Session | null, url: string, status = 200) => {
    const req = http().get(url);
    return (session ? req.set(session.headers) : req).expect(status);
  };

  const sortedBy = <T>(values: T[], compare: (a: T, b: T) => number): T[] => [...values].sort(compare);
  const zh = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, districts: [{ code: '120101' }, { code: '120102' }] });
    // Usernames u00..u09: plain ASCII, so the order is the same under any collation.
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer', username: 'u00' }));
    admin = await login(app, await createUser(db, { tenantId: TENANT, role: 'tenant_admin', username: 'u01' }));
    // 12 organizations: 8 in 120101 (4 named 甲…), 4 in 120102; 3 pending review.
    for (let i = 0; i < 12; i++) {
      orgs.push(
        await createOrganization(db, {
          tenantId: TENANT,
          districtCode: i < 8 ? '120101' : '120102',
          // Names differ first in ASCII digits, so the order is the same under any collation.
          name: `单位${String(i).padStart(2, '0')}${i % 2 === 0 ? '甲' : '乙'}测试有限公司`,
          kind: i % 3 === 0 ? 'institution' : 'enterprise',
          registrationStatus: i < 3 ? 'pending_review' : 'verified',
        }),
      );
    }
    applicantUser = await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: orgs[5].id, username: 'u02' });
    applicant = await login(app, applicantUser);
    for (let i = 0; i < 9; i++) {
      const year = 2021 + (i % 3);
      programs.push(
        await createProgram(db, {
          tenantId: TENANT,
          policyId: 'tianjin-2021',
          year,
          title: `P${i} ${year}年度${i % 2 === 0 ? '标准化' : '质量'}资助`,
          status: i === 0 ? 'draft' : i < 5 ? 'open' : 'handed_over',
        }),
      );
    }
    // One application per organization in programs[1], statuses alternating; one more in programs[2].
    for (const [i, org] of orgs.entries()) {
      await createApplication(db, { tenantId: TENANT, programId: programs[1].id, organizationId: org.id, districtCode: org.districtCode, status: i % 2 === 0 ? 'draft' : 'district_review' });
    }
    await createApplication(db, { tenantId: TENANT, programId: programs[2].id, organizationId: orgs[0].id, districtCode: orgs[0].districtCode });
    // Seven more staff accounts (two of them deactivated) besides the officer and the administrator.
    for (let i = 0; i < 7; i++) {
      await createUser(db, {
        tenantId: TENANT,
        username: `u0${i + 3}`,
        role: i < 4 ? 'district_reviewer' : 'technical_reviewer',
        districtCode: i < 4 ? '120101' : null,
        active: i !== 1 && i !== 5,
      });
    }
    // Notifications: 7 for the applicant, 3 of them already read.
    await asSuperuser(db, async (client) => {
      for (let i = 0; i < 7; i++) {
        await client.query(
          `insert into notifications (tenant_id, user_id, kind, subject, body, created_at, read_at) values ($1, $2, $3, $3, 'body', $4, $5)`,
          [TENANT, applicantUser.id, `k${i}`, `2025-03-0${i + 1}T10:00:00+08:00`, i < 3 ? '2025-03-09T10:00:00+08:00' : null],
        );
      }
      // Publicities on five programs: three begun and open, one begun and closed, one not begun yet (not public).
      const spec: Array<[number, string, string, string]> = [
        [4, '2025-02-01', '2025-02-15', 'closed'],
        [5, '2025-02-20', '2025-03-06', 'open'],
        [6, '2025-02-25', '2025-03-11', 'open'],
        [7, '2025-02-25', '2025-03-11', 'open'],
        [8, '2025-03-10', '2025-03-24', 'open'],
      ];
      for (const [program, startsOn, endsOn, status] of spec) {
        await client.query(`insert into publicities (tenant_id, program_id, starts_on, ends_on, status) values ($1, $2, $3, $4, $5)`, [
          TENANT,
          programs[program].id,
          startsOn,
          endsOn,
          status,
        ]);
      }
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('applications', () => {
    it('pages every application once, in a stable order, with the total in X-Total-Count', async () => {
      const all = await everyPage(officer, '/api/v1/applications', 5);
      expect(all.total).toBe(13);
      expect(all.pages).toBe(3);
      // A sort with many ties (two statuses) still pages every row exactly once: the id breaks ties.
      const byStatus = await everyPage(officer, '/api/v1/applications?sort=status', 4);
      expect(byStatus.rows.map((r) => String(r.id)).sort()).toEqual(all.rows.map((r) => String(r.id)).sort());
      const statuses = byStatus.rows.map((r) => String(r.status));
      expect(statuses).toEqual(sortedBy(statuses, zh));
    });

    it('sorts by a whitelisted field, descending with "-"', async () => {
      const res = await get(officer, `/api/v1/applications?programId=${programs[1].id}&sort=-organizationName&pageSize=200`);
      const names = (res.body.items as Array<{ organizationName: string }>).map((a) => a.organizationName);
      expect(names).toHaveLength(12);
      expect(names).toEqual(sortedBy(names, zh).reverse());
    });

    it('filters by program, status, district and organization name or USCC, counting only the matches', async () => {
      const inProgram = await get(officer, `/api/v1/applications?programId=${programs[2].id}`);
      expect(inProgram.headers['x-total-count']).toBe('1');
      const reviewing = await get(officer, `/api/v1/applications?programId=${programs[1].id}&status=district_review&pageSize=2`);
      expect(reviewing.headers['x-total-count']).toBe('6');
      expect(reviewing.body.items).toHaveLength(2);
      const district = await get(officer, '/api/v1/applications?districtCode=120102');
      expect(district.headers['x-total-count']).toBe('4');
      expect((district.body.items as Array<{ districtCode: string }>).every((a) => a.districtCode === '120102')).toBe(true);
      const byName = await get(officer, '/api/v1/applications?q=甲测');
      expect(byName.headers['x-total-count']).toBe('7');
      const byUscc = await get(officer, `/api/v1/applications?q=${orgs[3].uscc.toLowerCase()}`);
      expect((byUscc.body.items as Array<{ organizationId: string }>).map((a) => a.organizationId)).toEqual([orgs[3].id]);
    });

    it("keeps an applicant's list to its own organization, total included", async () => {
      const res = await get(applicant, '/api/v1/applications');
      expect(res.headers['x-total-count']).toBe('1');
      expect((res.body.items as Array<{ organizationId: string }>).map((a) => a.organizationId)).toEqual([orgs[5].id]);
    });
  });

  describe('programs', () => {
    it('pages, filters by status, year and title, and sorts', async () => {
      const all = await everyPage(officer, '/api/v1/programs', 4);
      expect(all.total).toBe(9);
      expect((await get(officer, '/api/v1/programs?status=open')).headers['x-total-count']).toBe('4');
      const year = await get(officer, '/api/v1/programs?year=2022');
      expect(year.headers['x-total-count']).toBe('3');
      expect((year.body.items as Array<{ year: number }>).every((p) => p.year === 2022)).toBe(true);
      expect((await get(officer, '/api/v1/programs?q=质量')).headers['x-total-count']).toBe('4');
      const titles = ((await get(officer, '/api/v1/programs?sort=title')).body.items as Array<{ title: string }>).map((p) => p.title);
      expect(titles).toEqual(sortedBy(titles, zh));
      const byYear = await everyPage(officer, '/api/v1/programs?sort=-year', 2);
      const years = byYear.rows.map((p) => Number(p.year));
      expect(years).toEqual(sortedBy(years, (a, b) => b - a));
    });

    it('counts only what an applicant may see (no drafts)', async () => {
      const res = await get(applicant, '/api/v1/programs');
      expect(res.headers['x-total-count']).toBe('8');
    });
  });

  describe('users', () => {
    it('pages, filters by role, active and text, and sorts', async () => {
      const all = await everyPage(admin, '/api/v1/users', 3);
      expect(all.total).toBe(10);
      const usernames = all.rows.map((u) => String(u.username));
      expect(usernames).toEqual(sortedBy(usernames, zh));
      expect((await get(admin, '/api/v1/users?role=district_reviewer')).headers['x-total-count']).toBe('4');
      const inactive = await get(admin, '/api/v1/users?active=false');
      expect(inactive.headers['x-total-count']).toBe('2');
      expect((inactive.body.items as Array<{ active: boolean }>).every((u) => u.active === false)).toBe(true);
      expect((await get(admin, '/api/v1/users?active=true')).headers['x-total-count']).toBe('8');
      const one = usernames[4];
      const found = await get(admin, `/api/v1/users?q=${encodeURIComponent(one.toUpperCase())}`);
      expect((found.body.items as Array<{ username: string }>).map((u) => u.username)).toContain(one);
      const descending = ((await get(admin, '/api/v1/users?sort=-username')).body.items as Array<{ username: string }>).map((u) => u.username);
      expect(descending).toEqual([...usernames].reverse());
    });
  });

  describe('notifications', () => {
    it('pages with page/pageSize, filters unread, sorts oldest first, and totals', async () => {
      const all = await everyPage(applicant, '/api/v1/notifications', 3);
      expect(all.total).toBe(7);
      expect(all.rows.map((n) => n.kind)).toEqual(['k6', 'k5', 'k4', 'k3', 'k2', 'k1', 'k0']);
      const unread = await everyPage(applicant, '/api/v1/notifications?unread=true', 2);
      expect(unread.rows.map((n) => n.kind)).toEqual(['k6', 'k5', 'k4', 'k3']);
      const oldest = await get(applicant, '/api/v1/notifications?sort=createdAt&page=2&pageSize=2');
      expect((oldest.body.items as Array<{ kind: string }>).map((n) => n.kind)).toEqual(['k2', 'k3']);
      expect(oldest.headers['x-total-count']).toBe('7');
    });

    it('keeps the cursor paging and gives its total too', async () => {
      const first = await get(applicant, '/api/v1/notifications?limit=4');
      expect(first.headers['x-total-count']).toBe('7');
      const second = await get(applicant, `/api/v1/notifications?limit=4&cursor=${first.body.nextCursor}`);
      expect([...first.body.items, ...second.body.items].map((n: { kind: string }) => n.kind)).toEqual(['k6', 'k5', 'k4', 'k3', 'k2', 'k1', 'k0']);
      const refused = await get(applicant, `/api/v1/notifications?sort=createdAt&cursor=${first.body.nextCursor}`, 400);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['cursor']);
    });
  });

  describe('organizations', () => {
    it('pages, filters by text, status, kind and district, and sorts', async () => {
      const all = await everyPage(officer, '/api/v1/organizations', 5);
      expect(all.total).toBe(12);
      const names = all.rows.map((o) => String(o.name));
      expect(names).toEqual(sortedBy(names, zh));
      expect((await get(officer, '/api/v1/organizations?q=甲测')).headers['x-total-count']).toBe('6');
      expect((await get(officer, `/api/v1/organizations?q=${orgs[7].uscc}`)).body.items.map((o: { id: string }) => o.id)).toEqual([orgs[7].id]);
      expect((await get(officer, '/api/v1/organizations?status=pending_review')).headers['x-total-count']).toBe('3');
      expect((await get(officer, '/api/v1/organizations?kind=institution')).headers['x-total-count']).toBe('4');
      expect((await get(officer, '/api/v1/organizations?districtCode=120102&q=乙')).headers['x-total-count']).toBe('2');
      const descending = ((await get(officer, '/api/v1/organizations?sort=-name&pageSize=200')).body.items as Array<{ name: string }>).map((o) => o.name);
      expect(descending).toEqual([...names].reverse());
    });
  });

  describe('public publicities', () => {
    it('pages what has begun, filters by status, year and title, and sorts, without signing in', async () => {
      const url = `/api/v1/public/tenants/${TENANT}/publicities`;
      const all = await everyPage(null, url, 3);
      expect(all.total).toBe(4);
      const starts = all.rows.map((p) => String(p.startsOn));
      expect(starts).toEqual(sortedBy(starts, zh).reverse());
      // Two publicities start on the same day: ascending order keeps each exactly once across pages of one.
      const ascending = await everyPage(null, `${url}?sort=startsOn`, 1);
      expect(ascending.rows.map((p) => String(p.startsOn))).toEqual(sortedBy(starts, zh));
      expect((await get(null, `${url}?status=closed`)).headers['x-total-count']).toBe('1');
      expect((await get(null, `${url}?status=open`)).headers['x-total-count']).toBe('3');
      // Programs 4 and 7 (of those begun) are of 2022.
      const byYear = await get(null, `${url}?year=2022`);
      expect((byYear.body.items as Array<{ programYear: number }>).map((p) => p.programYear)).toEqual([2022, 2022]);
      expect(byYear.headers['x-total-count']).toBe('2');
      expect((await get(null, `${url}?q=P5`)).body.items.map((p: { programTitle: string }) => p.programTitle)).toEqual(['P5 2023年度质量资助']);
    });
  });

  describe('more lists', () => {
    it('registrations: pages the pending ones, filters by text, sorts', async () => {
      const all = await everyPage(officer, '/api/v1/organization-registrations', 2, 'organizationId');
      expect(all.total).toBe(3);
      expect(all.rows.map((r) => r.name)).toEqual([orgs[0].name, orgs[1].name, orgs[2].name]);
      const named = await get(officer, '/api/v1/organization-registrations?q=01乙');
      expect(named.headers['x-total-count']).toBe('1');
      const descending = await get(officer, '/api/v1/organization-registrations?sort=-name');
      expect((descending.body.items as Array<{ name: string }>).map((r) => r.name)).toEqual([orgs[2].name, orgs[1].name, orgs[0].name]);
    });

    it('experts: pages the pool, filters by active and field, sorts', async () => {
      for (let i = 0; i < 5; i++) {
        const expert = await createUser(db, { tenantId: TENANT, role: 'expert', username: `x0${i}`, displayName: `专家${i}` });
        await asSuperuser(db, (c) =>
          c.query(`insert into expert_profiles (tenant_id, user_id, field, affiliated_usccs, active) values ($1, $2, $3, '{}', $4)`, [TENANT, expert.id, i < 3 ? '标准化' : '计量', i !== 4]),
        );
      }
      const all = await everyPage(officer, '/api/v1/experts', 2, 'userId');
      expect(all.total).toBe(5);
      expect((await get(officer, '/api/v1/experts?active=false')).headers['x-total-count']).toBe('1');
      expect((await get(officer, `/api/v1/experts?field=${encodeURIComponent('计量')}`)).headers['x-total-count']).toBe('2');
      const byUsername = await get(officer, '/api/v1/experts?sort=-username');
      expect((byUsername.body.items as Array<{ username: string }>).map((e) => e.username)).toEqual(['x04', 'x03', 'x02', 'x01', 'x00']);
    });

    it('audit chain checks: pages the days, filters on the outcome, oldest first on request', async () => {
      await asSuperuser(db, async (c) => {
        for (let day = 1; day <= 5; day++) {
          const ok = day !== 3;
          await c.query(
            `insert into audit_chain_checks (tenant_id, checked_on, checked_at, ok, records_checked, head_seq, head_hash, broken_seq, broken_kind, broken_reason)
             values ($1, $2, $3, $4, 10, $5, $6, $7, $8, $9)`,
            [TENANT, `2025-02-0${day}`, `2025-02-0${day}T02:30:00+08:00`, ok, ok ? 10 : null, ok ? 'a'.repeat(64) : null, ok ? null : 4, ok ? null : 'edited', ok ? null : '第 4 条被修改'],
          );
        }
      });
      const all = await everyPage(officer, '/api/v1/audit/chain-checks', 2, 'checkedOn');
      expect(all.rows.map((r) => r.checkedOn)).toEqual(['2025-02-05', '2025-02-04', '2025-02-03', '2025-02-02', '2025-02-01']);
      expect((await get(officer, '/api/v1/audit/chain-checks?ok=false')).headers['x-total-count']).toBe('1');
      const oldest = await get(officer, '/api/v1/audit/chain-checks?sort=checkedOn&pageSize=2&page=2');
      expect((oldest.body.items as Array<{ checkedOn: string }>).map((r) => r.checkedOn)).toEqual(['2025-02-03', '2025-02-04']);
      // Without page/pageSize: the latest `limit` days, as before paging.
      expect((await get(officer, '/api/v1/audit/chain-checks?limit=2')).body.items).toHaveLength(2);
    });

    it('policies: pages and sorts the versions (in memory), with the total', async () => {
      const whole = await get(officer, '/api/v1/policies?pageSize=200');
      const total = Number(whole.headers['x-total-count']);
      expect(total).toBe(whole.body.items.length);
      expect(total).toBeGreaterThan(0);
      const all = await everyPage(officer, '/api/v1/policies?sort=-effectiveFrom', 1);
      const from = all.rows.map((p) => String(p.effectiveFrom));
      expect(from).toEqual(sortedBy(from, zh).reverse());
      const inForce = await get(officer, '/api/v1/policies?inForce=true');
      expect((inForce.body.items as Array<{ inForce: boolean }>).every((p) => p.inForce)).toBe(true);
    });
  });

  it('documents X-Total-Count and the paging parameters on each paged list operation', async () => {
    const document = (await http().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const paged = [
      '/api/v1/applications',
      '/api/v1/programs',
      '/api/v1/users',
      '/api/v1/notifications',
      '/api/v1/organizations',
      '/api/v1/public/tenants/{tenantId}/publicities',
      '/api/v1/objections',
      '/api/v1/organization-registrations',
      '/api/v1/organization-rename-requests',
      '/api/v1/experts',
      '/api/v1/experts/me/assignments',
      '/api/v1/audit/chain-checks',
      '/api/v1/policies',
    ];
    for (const path of paged) {
      const operation = document.paths[path]?.get;
      expect({ path, header: Object.keys(operation?.responses['200']?.headers ?? {}) }).toEqual({ path, header: ['X-Total-Count'] });
      const query = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect({ path, query: query.filter((name) => ['page', 'pageSize', 'sort'].includes(name)).sort() }).toEqual({ path, query: ['page', 'pageSize', 'sort'] });
    }
  });

  describe('bad paging values', () => {
    const cases: Array<[string, string, string]> = [
      ['/api/v1/applications?sort=secret', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/applications?sort=-', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/programs?sort=policy_hash', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/users?sort=password_hash', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/organizations?sort=name;drop', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/notifications?sort=-readAt', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/applications?pageSize=201', 'pageSize', 'pageSize 不能大于 200'],
      ['/api/v1/programs?pageSize=0', 'pageSize', 'pageSize 不能小于 1'],
      ['/api/v1/users?page=0', 'page', 'page 不能小于 1'],
      ['/api/v1/organizations?pageSize=ten', 'pageSize', 'pageSize 必须是整数'],
      ['/api/v1/users?active=yes', 'active', 'active 必须是以下之一'],
      ['/api/v1/notifications?unread=1', 'unread', 'unread 必须是以下之一'],
      ['/api/v1/experts?sort=affiliatedUsccs', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/organization-registrations?pageSize=500', 'pageSize', 'pageSize 不能大于 200'],
      ['/api/v1/objections?sort=contactPhone', 'sort', 'sort 必须是以下之一'],
      ['/api/v1/audit/chain-checks?ok=maybe', 'ok', 'ok 必须是以下之一'],
      [`/api/v1/public/tenants/${'tianjin'}/publicities?pageSize=1000`, 'pageSize', 'pageSize 不能大于 200'],
      [`/api/v1/public/tenants/${'tianjin'}/publicities?sort=programId`, 'sort', 'sort 必须是以下之一'],
    ];
    it.each(cases)('%s is a 400 naming %s in Chinese', async (url, field, zhText) => {
      const session = url.includes('/users') ? admin : url.includes('/notifications') ? applicant : url.includes('/public/') ? null : officer;
      const res = await get(session, url, 400);
      expect(res.body.code).toBe('validation_failed');
      const messages = (res.body.details as Array<{ path: string; message: string }>).filter((d) => d.path === field).map((d) => d.message);
      expect(messages).toContainEqual(expect.stringContaining(zhText));
    });
  });

  /**
   * The lists that are documents around their rows (the decision and approved lists with their program and totals, the
   * payer shares, the evaluation list, the revenue-sharing ratios): the rows are paged, the rest of the document stays
   * whole, X-Total-Count counts the rows, and without page/pageSize every row comes, as before paging.
   */
  describe('lists inside documents (decision, approved, shares, evaluation, revenue sharing)', () => {
    let finance: Session;
    let programId: string;

    /** Every page of `url`'s `field` rows with `pageSize`: each row once, X-Total-Count the same on every page. */
    async function everyPageOf(session: Session, url: string, field: string, pageSize: number, key: (row: Row) => string): Promise<{ rows: Row[]; total: number }> {
      const rows: Row[] = [];
      let total = -1;
      for (let page = 1; page < 50; page++) {
        const res = await get(session, `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
        const header = Number(res.headers['x-total-count']);
        if (total === -1) total = header;
        expect(header).toBe(total);
        const items = res.body[field] as Row[];
        expect(items.length).toBeLessThanOrEqual(pageSize);
        rows.push(...items);
        if (items.length < pageSize) break;
      }
      expect(new Set(rows.map(key)).size).toBe(rows.length);
      expect(rows).toHaveLength(total);
      return { rows, total };
    }

    beforeAll(async () => {
      finance = await login(app, await createUser(db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city', username: 'u20' }));
      const handed = await createHandedOverProgram(db, {
        tenantId: TENANT,
        policyId: 'tianjin-2021',
        applications: orgs.slice(3, 8).map((organization, index) => ({ organization, items: [{ achievementId: `a${index + 1}`, decidedFen: 1_000_000 * (index + 1) }] })),
      });
      programId = handed.program.id;
    });

    it('decision list: pages the decided applications, keeps the program\'s totals whole', async () => {
      const whole = await get(officer, `/api/v1/programs/${programId}/decision-list`);
      expect(whole.headers['x-total-count']).toBe('5');
      expect(whole.body.applications).toHaveLength(5);
      const all = await everyPageOf(officer, `/api/v1/programs/${programId}/decision-list`, 'applications', 2, (row) => String(row.applicationId));
      expect(all.total).toBe(5);
      expect(all.rows.map((row) => row.applicationId)).toEqual(whole.body.applications.map((row: Row) => row.applicationId));
      const second = await get(officer, `/api/v1/programs/${programId}/decision-list?page=2&pageSize=2`);
      expect(second.body.totalFen).toBe(whole.body.totalFen);
      expect(second.body.program).toEqual(whole.body.program);
    });

    it('approved list: pages the approved and handed-over applications', async () => {
      const all = await everyPageOf(finance, `/api/v1/programs/${programId}/approved-list`, 'applications', 3, (row) => String(row.applicationId));
      expect(all.total).toBe(5);
      expect((await get(officer, `/api/v1/programs/${programId}/approved-list?page=9`)).body.applications).toEqual([]);
    });

    it('shares and the evaluation list: page their rows once finance has taken the program in', async () => {
      // Tianjin's text pays from the city alone: its budget covers the five awards (15 万元 in all).
      await http().put(`/api/v1/finance/programs/${programId}/budget`).set({ ...finance.headers, 'Idempotency-Key': 'paging-budget-1' }).send({ payer: 'city', amountFen: 100_000_000 }).expect(200);
      const intake = await http().post(`/api/v1/finance/programs/${programId}/intake`).set({ ...finance.headers, 'Idempotency-Key': 'paging-intake-1' });
      expect({ status: intake.status, body: intake.status === 200 ? null : intake.body }).toEqual({ status: 200, body: null });
      const whole = await get(finance, `/api/v1/finance/programs/${programId}/shares`);
      const total = Number(whole.headers['x-total-count']);
      expect(total).toBe(whole.body.shares.length);
      expect(total).toBeGreaterThanOrEqual(5);
      const shares = await everyPageOf(finance, `/api/v1/finance/programs/${programId}/shares`, 'shares', 2, (row) => String(row.shareId));
      expect(shares.total).toBe(total);
      const evaluation = await get(finance, `/api/v1/finance/programs/${programId}/evaluation-list`);
      expect(evaluation.headers['x-total-count']).toBe(String(evaluation.body.items.length));
      const firstPage = await get(finance, `/api/v1/finance/programs/${programId}/evaluation-list?pageSize=1`);
      expect(firstPage.body.items).toEqual(evaluation.body.items.slice(0, 1));
      expect(firstPage.headers['x-total-count']).toBe(evaluation.headers['x-total-count']);
    });

    it('revenue-sharing ratios: pages the districts\' ratios', async () => {
      for (const code of ['120101', '120102']) {
        await http().put(`/api/v1/finance/revenue-sharing/${code}`).set(finance.headers).send({ cityParts: 40, districtParts: 60, basis: '津政发〔2019〕1号 市与区财政收入分享比例' }).expect(200);
      }
      const all = await everyPageOf(finance, '/api/v1/finance/revenue-sharing', 'ratios', 1, (row) => String(row.districtCode));
      expect(all.total).toBe(2);
    });

    it('documents X-Total-Count, page and pageSize on each, and refuses bad paging values', async () => {
      const document = (await http().get('/api/docs/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
      };
      for (const path of [
        '/api/v1/programs/{id}/decision-list',
        '/api/v1/programs/{id}/approved-list',
        '/api/v1/finance/programs/{id}/shares',
        '/api/v1/finance/programs/{id}/evaluation-list',
        '/api/v1/finance/revenue-sharing',
      ]) {
        const operation = document.paths[path]?.get;
        expect({ path, header: Object.keys(operation?.responses['200']?.headers ?? {}) }).toEqual({ path, header: ['X-Total-Count'] });
        const query = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect({ path, query: query.filter((name) => ['page', 'pageSize'].includes(name)).sort() }).toEqual({ path, query: ['page', 'pageSize'] });
      }
      const refused = await get(officer, `/api/v1/programs/${programId}/decision-list?pageSize=201`, 400);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ path: 'pageSize' }));
      const zero = await get(finance, `/api/v1/finance/programs/${programId}/evaluation-list?page=0`, 400);
      expect(zero.body.details).toContainEqual(expect.objectContaining({ path: 'page' }));
    });
  });
});
