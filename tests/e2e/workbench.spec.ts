import { INestApplication } from '@nestjs/common';
import { CalendarDate, ManualClock, workingDaysBetween } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, login, OrganizationFixture, Session, UserFixture } from '../support/factories';
import { createHandedOverProgram } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Item {
  id: string;
  entity: string;
  title: string;
  detail: string | null;
  dueOn: string | null;
  count: number;
  overdue: boolean;
  workingDaysLeft: number | null;
  overdueDays: number | null;
}
interface Group {
  kind: string;
  count: number;
  earliestDueOn: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
  overdueDays: number | null;
  items: Item[];
}

/**
 * The 工作台 (GET /me/work) on a manual clock: for each role the work waiting for it, counted, ordered overdue first
 * then by due date on the working-day calendar (undated last), today taken from the application clock; a due date in
 * a year without a published holiday notice is listed without a working-day figure; another tenant sees none of it.
 */
describe('GET /me/work: what waits for me', () => {
  let db: TestDatabase;
  let app: INestApplication;
  // Monday 1 July 2024, a working day.
  const clock = new ManualClock(new Date('2024-07-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const today = '2024-07-01' as CalendarDate;
  let officer: Session;
  let reviewer: Session;
  let applicant: Session;
  let stranger: Session;
  let applicantOrg: OrganizationFixture;
  let reviewerUser: UserFixture;
  const ids: Record<string, string> = {};
  let programs: Record<'open' | 'closed' | 'publicity', { id: string; title: string }>;

  const work = async (session: Session): Promise<Group[]> => (await http().get('/api/v1/me/work').set(session.headers).expect(200)).body.groups as Group[];
  const org = (districtCode: string, name?: string, registrationStatus?: 'pending_review') =>
    createOrganization(db, { tenantId: 'weihai', districtCode, ...(name ? { name } : {}), ...(registrationStatus ? { registrationStatus } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp({ ...db.config, web: { dir: '/nonexistent-web-dir' } }, { clock });
    await createTenant(db, { id: 'weihai', districts: [{ code: '371002', nameZh: '环翠区' }, { code: '371003', nameZh: '文登区' }] });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }] });
    const open = await createProgram(db, {
      tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, title: '2024年度标准化资助（受理中）',
      opensAt: new Date('2024-06-01T09:00:00+08:00'), closesAt: new Date('2024-08-31T17:00:00+08:00'),
    });
    const closed = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, title: '2024年度标准化资助（已截止）', status: 'closed' });
    const publicity = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, title: '2024年度标准化资助（公示中）', status: 'decided' });
    programs = { open: { id: open.id, title: '2024年度标准化资助（受理中）' }, closed: { id: closed.id, title: '2024年度标准化资助（已截止）' }, publicity: { id: publicity.id, title: '2024年度标准化资助（公示中）' } };

    const app1 = async (key: string, programId: string, districtCode: string, status: Parameters<typeof createApplication>[1]['status'], stageDueOn?: string, organization?: OrganizationFixture) => {
      const owner = organization ?? (await org(districtCode, `${key}有限公司`));
      ids[key] = (await createApplication(db, { tenantId: 'weihai', programId, organizationId: owner.id, districtCode, status, ...(stageDueOn ? { stageDueOn } : {}) })).id;
    };
    // Formal check: one overdue (4 days), one due in 4 working days, one in a year without a holiday notice.
    await app1('形式审查甲', closed.id, '371002', 'formal_check', '2024-06-27');
    await app1('形式审查乙', closed.id, '371002', 'formal_check', '2024-07-05');
    await app1('形式审查丙', closed.id, '371003', 'formal_check', '2099-01-05');
    // Awaiting decision: two in the closed program, one in the open one (rolling in).
    await app1('待审定甲', closed.id, '371002', 'awaiting_decision');
    await app1('待审定乙', closed.id, '371003', 'awaiting_decision');
    await app1('待审定丙', open.id, '371002', 'awaiting_decision');
    // District review: 371002 has one overdue, one due Wednesday, one reassigned to someone else; 371003 has one.
    await app1('区县甲', closed.id, '371002', 'district_review', '2024-06-28');
    await app1('区县乙', closed.id, '371002', 'district_review', '2024-07-03');
    await app1('区县丙', closed.id, '371002', 'district_review', '2024-07-02');
    await app1('区县丁', closed.id, '371003', 'district_review', '2024-07-02');
    // Registrations waiting: one per district.
    ids.pending371002 = (await org('371002', '待核环翠公司', 'pending_review')).id;
    ids.pending371003 = (await org('371003', '待核文登公司', 'pending_review')).id;
    // The applicant: a draft in the open call, a correction overdue since Sunday, an award in publicity.
    applicantOrg = await org('371002', '申报单位有限公司');
    await app1('draft', open.id, '371002', 'draft', undefined, applicantOrg);
    await app1('correction', closed.id, '371002', 'correction_requested', '2024-06-30', applicantOrg);
    await app1('award', publicity.id, '371002', 'in_publicity', undefined, applicantOrg);
    // An objection to the award, its publicity ending 2024-07-08.
    await asSuperuser(db, async (c) => {
      const pub = await c.query<{ id: string }>(`insert into publicities (tenant_id, program_id, starts_on, ends_on) values ('weihai', $1, '2024-06-28', '2024-07-08') returning id`, [publicity.id]);
      await c.query(`insert into objections (tenant_id, publicity_id, application_id, contact_name, contact_phone, reasons) values ('weihai', $1, $2, '张三', '13800000000', '金额有误')`, [pub.rows[0].id, ids.award]);
    });

    const officerUser = await createUser(db, { tenantId: 'weihai', role: 'program_officer' });
    reviewerUser = await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002' });
    const otherReviewer = await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002' });
    await asSuperuser(db, (c) => c.query(`update applications set review_assignee_id = $1 where tenant_id = 'weihai' and id = $2`, [otherReviewer.id, ids['区县丙']]));
    officer = await login(app, officerUser);
    reviewer = await login(app, reviewerUser);
    applicant = await login(app, await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: applicantOrg.id }));
    stranger = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("gives the officer the tenant's work: overdue first, then by due date, undated last, with counts", async () => {
    const body = (await http().get('/api/v1/me/work').set(officer.headers).expect(200)).body;
    expect(body.today).toBe('2024-07-01');
    const groups = body.groups as Group[];
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ['applications_in_formal_check', 3],
      ['objections_to_resolve', 1],
      ['applications_awaiting_decision', 3],
      ['registrations_to_review', 2],
    ]);
    const [formal, objections, awaiting, registrations] = groups;
    expect(formal).toMatchObject({ earliestDueOn: '2024-06-27', overdue: true, overdueDays: 4, workingDaysLeft: null });
    expect(formal.items).toEqual([
      { id: ids['形式审查甲'], entity: 'application', title: '形式审查甲有限公司', detail: programs.closed.title, dueOn: '2024-06-27', count: 1, overdue: true, overdueDays: 4, workingDaysLeft: null },
      { id: ids['形式审查乙'], entity: 'application', title: '形式审查乙有限公司', detail: programs.closed.title, dueOn: '2024-07-05', count: 1, overdue: false, overdueDays: null, workingDaysLeft: 4 },
      // 2099 has no State Council notice: listed, dated, without a working-day figure.
      { id: ids['形式审查丙'], entity: 'application', title: '形式审查丙有限公司', detail: programs.closed.title, dueOn: '2099-01-05', count: 1, overdue: false, overdueDays: null, workingDaysLeft: null },
    ]);
    expect(objections).toMatchObject({ earliestDueOn: '2024-07-08', overdue: false, workingDaysLeft: 5, items: [{ id: ids.award, entity: 'application', title: '申报单位有限公司', count: 1 }] });
    expect(awaiting).toMatchObject({ earliestDueOn: null, overdue: false, workingDaysLeft: null });
    expect(awaiting.items.map((i) => [i.entity, i.id, i.title, i.count])).toEqual([
      ['program', programs.closed.id, programs.closed.title, 2],
      ['program', programs.open.id, programs.open.title, 1],
    ]);
    expect(registrations.items.map((i) => [i.entity, i.id, i.title, i.detail])).toEqual([
      ['organization', ids.pending371003, '待核文登公司', '文登区'],
      ['organization', ids.pending371002, '待核环翠公司', '环翠区'],
    ]);
  });

  it("gives the district reviewer their district's reviews not reassigned away, overdue first, and its registrations", async () => {
    const groups = await work(reviewer);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ['district_reviews', 2],
      ['registrations_to_review', 1],
    ]);
    expect(groups[0]).toMatchObject({ earliestDueOn: '2024-06-28', overdue: true, overdueDays: 3 });
    expect(groups[0].items.map((i) => [i.id, i.dueOn, i.overdue, i.workingDaysLeft])).toEqual([
      [ids['区县甲'], '2024-06-28', true, null],
      [ids['区县乙'], '2024-07-03', false, 2],
    ]);
    expect(groups[1].items.map((i) => i.id)).toEqual([ids.pending371002]);
  });

  it('gives the applicant its overdue correction first, then its draft by the call’s last day, then its award', async () => {
    const groups = await work(applicant);
    expect(groups.map((g) => [g.kind, g.count, g.earliestDueOn, g.overdue])).toEqual([
      ['corrections_requested', 1, '2024-06-30', true],
      ['drafts_to_submit', 1, '2024-08-31', false],
      ['decided_awards', 1, null, false],
    ]);
    expect(groups[0].items).toEqual([
      { id: ids.correction, entity: 'application', title: programs.closed.title, detail: null, dueOn: '2024-06-30', count: 1, overdue: true, overdueDays: 1, workingDaysLeft: null },
    ]);
    expect(groups[1]).toMatchObject({ workingDaysLeft: workingDaysBetween(today, '2024-08-31' as CalendarDate), items: [{ id: ids.draft, title: programs.open.title }] });
    expect(groups[2].items.map((i) => i.id)).toEqual([ids.award]);
  });

  it("counts from the application clock's today: three days on, Wednesday's review is overdue too", async () => {
    clock.set(new Date('2024-07-04T09:00:00+08:00'));
    try {
      // A new sign-in: the morning's access token may have lapsed on the moved clock.
      const [reviews] = await work(await login(app, reviewerUser));
      expect(reviews.items.map((i) => [i.id, i.overdue, i.overdueDays])).toEqual([
        [ids['区县甲'], true, 6],
        [ids['区县乙'], true, 1],
      ]);
    } finally {
      clock.set(new Date('2024-07-01T10:00:00+08:00'));
    }
  });

  it('gives the technical reviewer the technical reviews and the expert the panel seats still to score, due when the panel is', async () => {
    const closedId = programs.closed.id;
    const tech = await createUser(db, { tenantId: 'weihai', role: 'technical_reviewer' });
    const expert = await createUser(db, { tenantId: 'weihai', role: 'expert' });
    const technical = await createApplication(db, { tenantId: 'weihai', programId: closedId, organizationId: (await org('371002', '技术审查有限公司')).id, districtCode: '371002', status: 'technical_review', stageDueOn: '2024-07-09' });
    const panelled = await createApplication(db, { tenantId: 'weihai', programId: closedId, organizationId: (await org('371003', '专家评审有限公司')).id, districtCode: '371003', status: 'expert_review' });
    const scored = await createApplication(db, { tenantId: 'weihai', programId: closedId, organizationId: (await org('371003', '已评分有限公司')).id, districtCode: '371003', status: 'expert_review' });
    await asSuperuser(db, async (c) => {
      for (const [applicationId, status] of [[panelled.id, 'invited'], [scored.id, 'scored']]) {
        await c.query(`insert into panels (tenant_id, application_id, seed, draw, due_at) values ('weihai', $1, 'seed', '{}'::jsonb, '2024-07-10T17:00:00+08:00')`, [applicationId]);
        await c.query(`insert into panel_members (tenant_id, application_id, expert_id, status) values ('weihai', $1, $2, $3)`, [applicationId, expert.id, status]);
      }
    });
    const techWork = await work(await login(app, tech));
    expect(techWork.map((g) => [g.kind, g.count, g.earliestDueOn, g.workingDaysLeft])).toEqual([['technical_reviews', 1, '2024-07-09', 6]]);
    expect(techWork[0].items.map((i) => [i.id, i.title])).toEqual([[technical.id, '技术审查有限公司']]);
    const expertWork = await work(await login(app, expert));
    expect(expertWork.map((g) => [g.kind, g.count, g.earliestDueOn, g.overdue])).toEqual([['expert_assignments', 1, '2024-07-10', false]]);
    expect(expertWork[0].items.map((i) => i.id)).toEqual([panelled.id]);
  });

  it('gives city finance the program handed over to take in, then the shares to approve; district finance only its own payer’s', async () => {
    const awardee = await org('371002', '获奖单位有限公司');
    const handed = await createHandedOverProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', applications: [{ organization: awardee, items: [{ achievementId: 'a1', decidedFen: 200_000 }] }] });
    const city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    const huancui = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    const before = await work(city);
    expect(before.map((g) => [g.kind, g.count])).toEqual([['programs_to_take_in', 1]]);
    expect(before[0].items.map((i) => [i.entity, i.id])).toEqual([['program', handed.program.id]]);
    expect(await work(huancui)).toEqual([]);

    const base = `/api/v1/finance/programs/${handed.program.id}`;
    let n = 0;
    const key = () => `workbench-finance-${(n += 1)}`;
    await http().put(`${base}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', amountFen: 10_000_000 }).expect(200);
    await http().put(`${base}/budget`).set(huancui.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', amountFen: 10_000_000 }).expect(200);
    await http().post(`${base}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);

    // Weihai splits every award 1:1 between the city and the district (第二十条): two shares to approve, one of them 环翠区's.
    const after = await work(city);
    expect(after.map((g) => [g.kind, g.count])).toEqual([['shares_to_approve', 2]]);
    expect(after[0].items.map((i) => [i.id, i.count])).toEqual([[handed.program.id, 2]]);
    expect((await work(huancui)).map((g) => [g.kind, g.count])).toEqual([['shares_to_approve', 1]]);
  });

  it("shows another tenant's officer nothing of it", async () => {
    expect(await work(stranger)).toEqual([]);
  });
});
