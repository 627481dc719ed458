import { verifyAuditChain } from '@subsidy/audit';
import { cstEndOfDay, parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createOrganization, createTenant, createUser, login, makeUscc, OrganizationFixture, Session } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import { SmtpSink } from './scenarios-support/smtp-sink';
import { ApplicationView, draftAndSchedule, prepareApplication, ProgramBody, ProgramView, submit } from './scenarios-support/workflow-steps';

/**
 * Tianjin, 《标准化资助项目与资金管理办法（试行）》 (seed 002 lines 3206-3335), a batch program run end to end through the
 * real API and the real worker on one manual clock:
 * - 第十七条 (3268): the call is published in the first half of the year -> scheduled in March, open in April 2022
 *   (inside the policy's validity 2021-08-29..2024-08-28);
 * - 第十九条 (3278-3288): applicants file with the district bureau of their registration (district pre-review, each by
 *   its own district), the entrusted standardization institute gives its opinion (technical review), the MSC decides,
 *   publicizes for 15 天 (read as calendar days, A-TJ-4), re-reviews objections and tells the objector, then hands over;
 * - 第七条/第十四条 (3230, 3258): one-time FIXED amounts for achievements of the previous year (2021).
 */
describe('scenario: Tianjin batch program, call to hand-over', () => {
  const TENANT = 'tianjin';
  let h: ScenarioHarness;
  let mail: SmtpSink;
  let api: ApiClient;
  let officer: Session;
  let heping: Session;
  let hexi: Session;
  let institute: Session;
  let finance: Session;
  let applicantA: Session;
  let applicantB: Session;
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let programId: string;
  let appA: string;
  let appB: string;
  let publicityId: string;
  let objectionId: string;
  const OBJECTOR_EMAIL = 'zhang.san@example.cn';

  const programBody = (): ProgramBody => ({
    year: 2022,
    title: '2022年度天津市标准化资助项目',
    policyId: 'tianjin-2021',
    window: { kind: 'batch', opensAt: '2022-04-01T09:00:00+08:00', closesAt: '2022-04-30T17:00:00+08:00' },
    call: {
      title: '关于组织申报2022年度天津市标准化资助项目的通知',
      body: '申报单位按通知要求，在规定时限内将申报材料报送本单位注册地所属区市场监管局（第十九条）。',
      materials: { standard: ['标准化资助项目申请文件', '标准文本'] },
      receivingOffice: '注册地所属区市场监管局',
    },
    review: {
      // 第十九条: district bureau screens, the entrusted institute reviews; no separate formal check by the city office.
      stages: { formal_check: false, district_review: true, technical_review: true, expert_review: false },
      formalCheckWorkingDays: null,
      correctionWorkingDays: 5,
      panel: null,
      publicity: { days: 15, unit: 'calendar' },
      cityReviewedKinds: [],
    },
    budget: { totalFen: 100_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }] },
  });

  beforeAll(async () => {
    mail = await SmtpSink.start();
    h = await ScenarioHarness.start(new Date('2022-03-01T10:00:00+08:00'), { smtpUrl: mail.url });
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '天津市',
      divisionCode: '120000',
      districts: [
        { code: '120101', nameZh: '和平区' },
        { code: '120103', nameZh: '河西区' },
      ],
    });
    orgA = await createOrganization(h.db, { tenantId: TENANT, districtCode: '120101', uscc: makeUscc({ division: '120101' }), name: '天津和平精密仪器有限公司' });
    orgB = await createOrganization(h.db, { tenantId: TENANT, districtCode: '120103', uscc: makeUscc({ division: '120103' }), name: '天津河西新材料股份有限公司' });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer', email: 'biaozhun@scjg.tj.example.cn' }));
    heping = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120101' }));
    hexi = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120103' }));
    institute = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'technical_reviewer', displayName: '天津市标准化研究院' }));
    finance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer' }));
    applicantA = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: orgA.id, email: 'sb@heping-yq.example.cn' }));
    applicantB = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: orgB.id }));
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await mail?.close();
  });

  it('1. a program officer drafts the call in March and schedules it; nobody can apply before it opens', async () => {
    const program = await draftAndSchedule(api, officer, programBody());
    programId = program.id;
    expect(program.status).toBe('scheduled');
    const early = await api.call<{ code: string }>(applicantA, 409, { method: 'post', path: `/programs/${programId}/applications` });
    expect(early.body.code).toBe('window_closed');
  });

  it('2. the worker opens the program when the clock reaches 1 April 09:00', async () => {
    h.setClock('2022-04-01T08:59:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('programs', programId)).toBe('scheduled');
    h.setClock('2022-04-01T09:00:30+08:00');
    await waitFor('the program to open', async () => (await h.statusOf('programs', programId)) === 'open');
    const shown = await api.expect<ProgramView>(officer, 200, { method: 'get', path: `/programs/${programId}` });
    expect(shown.status).toBe('open');
  });

  it('3. two organizations in two districts claim 2021 standards, see the fixed amounts and submit', async () => {
    h.setClock('2022-04-06T10:00:00+08:00');
    const a = await prepareApplication(api, applicantA, programId, {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41001-2021', title: '精密仪器 通用技术条件', publishedOn: '2021-05-10' },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'JB/T 14001-2021', title: '精密仪器 检验方法', publishedOn: '2021-08-20' },
      ],
      evidence: { a1: '标准文本', a2: '标准文本' },
    });
    appA = a.applicationId;
    // 第七条: 主导制定国家标准 8 万元, 行业标准 4 万元, fixed.
    expect(a.estimate.totalFen).toBe(12_000_000);
    expect(a.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 8_000_000, 'fixed', '第七条'],
      ['a2', 4_000_000, 'fixed', '第七条'],
    ]);
    const b = await prepareApplication(api, applicantB, programId, {
      achievements: [{ id: 'b1', type: 'standard', level: 'national', action: 'revise', role: 'lead', draftingRank: 1, standardNo: 'GB/T 20002-2021', publishedOn: '2021-10-15' }],
      evidence: { b1: '标准文本' },
    });
    appB = b.applicationId;
    // 第七条: 主导修订 = 50% of 主导制定 (8 万元) = 4 万元.
    expect(b.estimate.totalFen).toBe(4_000_000);

    const submittedA = await submit(api, applicantA, appA, 'tj-submit-a-1');
    const repeatedA = await submit(api, applicantA, appA, 'tj-submit-a-1');
    expect(repeatedA).toEqual(submittedA);
    const submittedB = await submit(api, applicantB, appB, 'tj-submit-b-1');
    expect([submittedA.status, submittedB.status]).toEqual(['district_review', 'district_review']);
    expect(submittedA.estimateTotalFen).toBe(12_000_000);
  });

  it("4. each district bureau pre-reviews its own district's application, and only its own", async () => {
    h.setClock('2022-04-12T15:00:00+08:00');
    for (const [reviewer, own] of [
      [heping, appA],
      [hexi, appB],
    ] as const) {
      const queue = await api.expect<{ items: Array<{ id: string; status: string }> }>(reviewer, 200, { method: 'get', path: `/applications?programId=${programId}` });
      expect(queue.items.map((a) => [a.id, a.status])).toEqual([[own, 'district_review']]);
    }
    const foreign = await api.call<{ code: string }>(hexi, 403, { method: 'post', path: `/applications/${appA}/district-review`, body: { outcome: 'forward' } });
    expect(foreign.status).toBe(403);
    const forwardedA = await api.expect<ApplicationView>(heping, 200, {
      method: 'post',
      path: `/applications/${appA}/district-review`,
      body: { outcome: 'forward', reasons: ['材料齐全，注册地在和平区'] },
    });
    const forwardedB = await api.expect<ApplicationView>(hexi, 200, { method: 'post', path: `/applications/${appB}/district-review`, body: { outcome: 'forward' } });
    expect([forwardedA.status, forwardedB.status]).toEqual(['technical_review', 'technical_review']);
  });

  it("5. the entrusted institute gives an opinion per item and completes the technical review", async () => {
    h.setClock('2022-04-20T10:00:00+08:00');
    for (const [applicationId, items] of [
      [appA, ['a1', 'a2']],
      [appB, ['b1']],
    ] as const) {
      for (const achievementId of items) {
        const opinion = await api.expect<{ amountFen: number; ceilingFen: number }>(institute, 200, {
          method: 'put',
          path: `/applications/${applicationId}/technical-opinions/${achievementId}`,
          body: { opinion: 'support', comment: '标准已正式发布，申报单位为第一起草单位，符合第七条。' },
        });
        expect(opinion.amountFen).toBe(opinion.ceilingFen);
      }
      const completed = await api.expect<ApplicationView>(institute, 200, { method: 'post', path: `/applications/${applicationId}/technical-review/complete` });
      expect(completed.status).toBe('awaiting_decision');
    }
  });

  it('6. the worker closes the call on 30 April 17:00; the office decides each application within the engine amounts', async () => {
    h.setClock('2022-04-30T17:00:01+08:00');
    await waitFor('the program to close', async () => (await h.statusOf('programs', programId)) === 'closed');

    h.setClock('2022-05-10T10:00:00+08:00');
    // A fixed item is its amount or nothing: 9 万 for a national standard is refused, naming the field.
    const over = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${appA}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 9_000_000 }, { achievementId: 'a2', amountFen: 4_000_000 }] },
    });
    expect(over.body.details.map((d) => d.path)).toContain('items[0].amountFen');
    const decidedA = await api.expect<{ status: string; decidedTotalFen: number; items: Array<{ article: string | null; basis: string }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 8_000_000 }, { achievementId: 'a2', amountFen: 4_000_000 }] },
    });
    expect(decidedA.status).toBe('decided');
    expect(decidedA.decidedTotalFen).toBe(12_000_000);
    expect(decidedA.items.every((i) => i.article === '第七条' && i.basis === 'fixed')).toBe(true);
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 4_000_000 }] } });
  });

  it('7. the office decides the program: the budget covers every award, nothing is scaled', async () => {
    const decision = await api.expect<{ scaled: boolean; requestedFen: number; allocatedFen: number }>(officer, 200, {
      method: 'post',
      path: `/programs/${programId}/decide`,
      body: {},
    });
    expect(decision).toMatchObject({ scaled: false, requestedFen: 16_000_000, allocatedFen: 16_000_000 });
    expect(await h.statusOf('programs', programId)).toBe('decided');
  });

  it('8. the list is publicized for 15 days on the public site, with the article behind every amount', async () => {
    h.setClock('2022-05-16T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string; applicationIds: string[] }>(officer, 201, {
      method: 'post',
      path: `/programs/${programId}/publicity`,
      body: { startsOn: '2022-05-16' },
    });
    publicityId = opened.id;
    // 公示期限为 15 天 (第十九条第（五）项), day 1 = 16 May.
    expect(opened.endsOn).toBe('2022-05-30');
    expect(opened.endsOn).toBe(publicityEnd(day('2022-05-16'), { days: 15, unit: 'calendar' }));
    expect([...opened.applicationIds].sort()).toEqual([appA, appB].sort());

    const shown = await api.expect<{ status: string; awards: Array<{ applicationId: string; applicantName: string; totalFen: number; items: Array<{ article: string | null; amountFen: number }> }> }>(
      null,
      200,
      { method: 'get', path: `/public/tenants/${TENANT}/publicities/${publicityId}` },
    );
    expect(shown.status).toBe('open');
    const awardA = shown.awards.find((a) => a.applicationId === appA);
    expect(awardA).toMatchObject({ applicantName: orgA.name, totalFen: 12_000_000 });
    expect(shown.awards.flatMap((a) => a.items).every((i) => i.article === '第七条')).toBe(true);
  });

  it('9. a member of the public objects; the re-review upholds it, the amount changes and the objector is told', async () => {
    h.setClock('2022-05-20T14:00:00+08:00');
    const receipt = await api.expect<{ referenceId: string }>(null, 201, {
      method: 'post',
      path: `/public/tenants/${TENANT}/publicities/${publicityId}/objections`,
      body: {
        applicationId: appA,
        contactName: '张三',
        contactEmail: OBJECTOR_EMAIL,
        reasons: 'JB/T 14001-2021 前言所列第一起草单位为另一家企业，申报单位并非主导制定单位。',
      },
    });
    objectionId = receipt.referenceId;
    expect(await h.statusOf('applications', appA)).toBe('objection_review');

    const pending = await api.expect<{ items: Array<{ id: string }> }>(officer, 200, { method: 'get', path: '/objections?status=received' });
    expect(pending.items.map((o) => o.id)).toEqual([objectionId]);

    h.setClock('2022-05-24T10:00:00+08:00');
    const resolved = await api.expect<{ status: string; applicationStatus: string; decidedTotalFen: number }>(officer, 200, {
      method: 'post',
      path: `/objections/${objectionId}/resolution`,
      body: {
        outcome: 'upheld',
        explanation: '经再次审核，JB/T 14001-2021 第一起草单位非申报单位，不属于主导制定，该项不予资助',
        items: [{ achievementId: 'a2', amountFen: 0 }],
      },
    });
    expect(resolved).toMatchObject({ status: 'upheld', applicationStatus: 'in_publicity', decidedTotalFen: 8_000_000 });

    // 第十九条第（五）项: 及时将审核结果和依据向提出异议方反馈.
    // The objector has no account: the answer goes to the e-mail address left with the objection, through the worker.
    const toObjector = await h.rows<{ kind: string }>(`select kind from notifications where email = $1 and user_id is null`, [OBJECTOR_EMAIL]);
    expect(toObjector).toEqual([{ kind: 'objection.upheld' }]);
    await waitFor('the e-mail to the objector', async () => mail.mails.some((m) => m.to.includes(OBJECTOR_EMAIL)));
    const letter = mail.mails.filter((m) => m.to.includes(OBJECTOR_EMAIL));
    expect(letter).toHaveLength(1);
    expect(letter[0].text).toContain('经复核成立');
    expect(letter[0].text).toContain('80000.00');
    const toApplicant = await api.expect<{ items: Array<{ kind: string }> }>(applicantA, 200, { method: 'get', path: '/notifications' });
    expect(toApplicant.items.map((n) => n.kind)).toContain('objection.upheld');

    const list = await api.expect<{ applications: Array<{ applicationId: string; decidedTotalFen: number; items: Array<{ achievementId: string; decidedFen: number; article: string | null }> }> }>(
      officer,
      200,
      { method: 'get', path: `/programs/${programId}/decision-list` },
    );
    const entryA = list.applications.find((a) => a.applicationId === appA);
    expect(entryA?.decidedTotalFen).toBe(8_000_000);
    expect(entryA?.items.map((i) => [i.achievementId, i.decidedFen, i.article])).toEqual([
      ['a1', 8_000_000, '第七条'],
      ['a2', 0, '第七条'],
    ]);
  });

  it('10. the publicity closes by itself after its 15th day (the worker, not a person), and not before', async () => {
    const [job] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.close' and payload->>'publicityId' = $1`, [publicityId]);
    expect(job.run_at).toEqual(cstEndOfDay(day('2022-05-30')));

    h.setClock('2022-05-30T22:00:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('publicities', publicityId)).toBe('open');
    expect(await h.statusOf('applications', appB)).toBe('in_publicity');

    h.setClock('2022-05-31T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId)) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId)) === 'publicized');
    expect([await h.statusOf('applications', appA), await h.statusOf('applications', appB)]).toEqual(['approved', 'approved']);
    const closed = await h.rows<{ actor_kind: string }>(`select actor_kind from audit_log where entity_id = $1 and action = 'publicity.closed'`, [publicityId]);
    expect(closed).toEqual([{ actor_kind: 'system' }]);
  });

  it('11. the office hands the approved list over to finance', async () => {
    h.setClock('2022-06-02T10:00:00+08:00');
    const handed = await api.expect<{ applicationIds: string[]; totalFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId}/hand-over` });
    expect(handed.totalFen).toBe(12_000_000);
    expect([...handed.applicationIds].sort()).toEqual([appA, appB].sort());
    expect(await h.statusOf('programs', programId)).toBe('handed_over');
    const approved = await api.expect<{ totalFen: number; applications: Array<{ applicationId: string; status: string }> }>(finance, 200, {
      method: 'get',
      path: `/programs/${programId}/approved-list`,
    });
    expect(approved.totalFen).toBe(12_000_000);
    expect(approved.applications.map((a) => a.status)).toEqual(['handed_over', 'handed_over']);
  });

  it('12. the audit chain is intact and the decided amounts cite their articles', async () => {
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
    const items = await h.rows<{ achievement_id: string; article: string | null; decided_fen: string }>(
      `select achievement_id, article, decided_fen::text from decision_items where application_id = any($1) order by achievement_id`,
      [[appA, appB]],
    );
    expect(items).toEqual([
      { achievement_id: 'a1', article: '第七条', decided_fen: '8000000' },
      { achievement_id: 'a2', article: '第七条', decided_fen: '0' },
      { achievement_id: 'b1', article: '第七条', decided_fen: '4000000' },
    ]);
    const trailA = await h.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [appA]);
    expect(trailA.map((r) => r.action)).toEqual(
      expect.arrayContaining(['application.submitted', 'application.decided', 'application.in-publicity', 'application.objection-received', 'application.approved', 'application.handed-over']),
    );
  });
});
