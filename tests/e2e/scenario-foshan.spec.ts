import { verifyAuditChain } from '@subsidy/audit';
import { cstDateOf, cstEndOfDay, parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createOrganization, createTenant, createUser, login, makeUscc, OrganizationFixture, Session, UserFixture } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import { ApplicationView, draftAndSchedule, prepareApplication, ProgramBody, submit } from './scenarios-support/workflow-steps';

interface PanelView {
  members: Array<{ expertId: string; status: string }>;
  excluded: Array<{ expertId: string; reasons: Array<{ code: string; uscc?: string }> }>;
}

/**
 * Foshan, 《佛山市标准化战略资金管理办法》 (seed 002 lines 4242-4445), through the real API and worker on one manual clock:
 * - 第十一条 (4390-4396): incomplete applications are not accepted -> the office's formal check;
 * - 第十二条 (4400): expert review; experts of the year's applicants and their partner units (合作单位) may not take part
 *   -> the panel is drawn from a pool in which one expert works for a co-drafting unit of the claimed standard, who is
 *   excluded and the exclusion recorded; the scores and proposals are combined (mean, floored to the fen);
 * - 第八条 (4328-4336): every amount is a ceiling; 第十二条: 评审结果向社会公示，公示期为7个工作日.
 *
 * Dates: the policy is in force 2018-12-01..2023-11-30 (第二十四条, 4445). The 2025 National Day holiday asked for in the
 * brief (publicity from 2025-09-29 ending 2025-10-14) lies after the policy expired, so this program runs in 2023 and
 * its publicity crosses the 2023 Mid-Autumn/National Day holiday instead: from Thu 2023-09-28, holiday 09-29..10-06,
 * make-up working days Sat 10-07 and Sun 10-08, so the 7th working day is Thu 2023-10-12 (calendar counting would end
 * 10-04, weekdays ignoring the holiday 10-09).
 */
describe('scenario: Foshan program with an expert panel and a 7-working-day publicity over a holiday', () => {
  const TENANT = 'foshan';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let applicant: Session;
  let org: OrganizationFixture;
  const coDraftingUnit = makeUscc({ type: '2', division: '440604' });
  let experts: Array<{ user: UserFixture; session: Session }>;
  let programId: string;
  let submittedId: string | undefined;
  let openedPublicityId: string | undefined;
  const applicationId = (): string => fromStep(submittedId, 'step 2 (apply and submit)');
  const publicityId = (): string => fromStep(openedPublicityId, 'step 7 (open the publicity)');

  const programBody = (): ProgramBody => ({
    year: 2023,
    title: '2023年度佛山市标准化战略资金（补助）项目',
    policyId: 'foshan-2018',
    window: { kind: 'batch', opensAt: '2023-07-03T09:00:00+08:00', closesAt: '2023-08-31T17:00:00+08:00' },
    call: {
      title: '关于组织申报2023年度佛山市标准化战略资金项目的通知',
      body: '申请技术标准制定补助的，应提交法定主管部门已正式发布的标准文本（第十条第（五）项）。',
      materials: { standard: ['佛山市标准化战略资金申请表', '标准文本'] },
      receivingOffice: '佛山市市场监督管理局',
    },
    review: {
      stages: { formal_check: true, district_review: false, technical_review: false, expert_review: true },
      formalCheckWorkingDays: null,
      correctionWorkingDays: 5,
      panel: {
        size: 3,
        quorum: 2,
        scoringDays: 10,
        reminderHoursBefore: 24,
        combine: 'mean',
        rubric: {
          criteria: [
            { key: 'advancement', label: '标准先进性', maxPoints: 4000 },
            { key: 'benefit', label: '经济社会效益', maxPoints: 6000 },
          ],
        },
      },
      publicity: { days: 7, unit: 'working' },
      cityReviewedKinds: [],
    },
    budget: { totalFen: 500_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 500_000_000 }] },
  });

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2023-06-01T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '佛山市',
      divisionCode: '440600',
      districts: [
        { code: '440604', nameZh: '禅城区' },
        { code: '440605', nameZh: '南海区' },
      ],
    });
    org = await createOrganization(h.db, { tenantId: TENANT, districtCode: '440604', uscc: makeUscc({ division: '440604' }), name: '佛山禅城陶瓷科技有限公司' });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    applicant = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: org.id }));
    experts = [];
    for (let i = 0; i < 4; i++) {
      const user = await createUser(h.db, { tenantId: TENANT, role: 'expert', displayName: `评审专家${i + 1}` });
      experts.push({ user, session: await login(h.app, user) });
    }
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the office announces the annual call and the worker opens it on time', async () => {
    const program = await draftAndSchedule(api, officer, programBody());
    programId = program.id;
    h.setClock('2023-07-03T09:00:30+08:00');
    await waitFor('the program to open', async () => (await h.statusOf('programs', programId)) === 'open');
  });

  it('2. an enterprise claims a national and a group standard it led, co-drafted with a testing centre, and submits', async () => {
    h.setClock('2023-07-10T10:00:00+08:00');
    const drafted = await prepareApplication(api, applicant, programId, {
      achievements: [
        {
          id: 'a1',
          type: 'standard',
          level: 'national',
          action: 'formulate',
          role: 'lead',
          draftingRank: 1,
          standardNo: 'GB/T 42501-2023',
          title: '陶瓷砖 防滑性能分级',
          publishedOn: '2023-03-17',
          coDraftingUsccs: [coDraftingUnit],
        },
        { id: 'a2', type: 'standard', level: 'group', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'T/FSBZ 012-2023', publishedOn: '2023-02-20' },
      ],
      evidence: { a1: '标准文本', a2: '标准文本' },
    });
    // 第八条第（二）项 国家标准 ≤ 50 万元; 第八条第（四）项 联盟（团体）标准 ≤ 10 万元.
    expect(drafted.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 50_000_000, 'ceiling', '第八条第（二）项'],
      ['a2', 10_000_000, 'ceiling', '第八条第（四）项'],
    ]);
    const submitted = await submit(api, applicant, drafted.applicationId, 'fs-submit-1');
    expect(submitted.status).toBe('formal_check');
    submittedId = drafted.applicationId;
  });

  it('3. the office accepts the application in its formal check; it goes to expert review', async () => {
    h.setClock('2023-07-12T10:00:00+08:00');
    const checked = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${applicationId()}/formal-check`, body: { outcome: 'complete' } });
    expect(checked.status).toBe('expert_review');
  });

  it('4. the panel is drawn from a pool of four; the expert of the co-drafting unit is excluded and the exclusion recorded', async () => {
    h.setClock('2023-07-13T09:30:00+08:00');
    const [conflicted, ...others] = experts;
    await api.expect(officer, 200, {
      method: 'put',
      path: `/experts/${conflicted.user.id}/profile`,
      body: { field: '建筑材料', affiliatedUsccs: [coDraftingUnit], active: true },
    });
    for (const expert of others) {
      await api.expect(officer, 200, { method: 'put', path: `/experts/${expert.user.id}/profile`, body: { field: '标准化', affiliatedUsccs: [makeUscc({ division: '440100' })], active: true } });
    }
    const panel = await api.expect<PanelView>(officer, 201, { method: 'post', path: `/applications/${applicationId()}/panel` });
    expect(panel.members.map((m) => m.expertId).sort()).toEqual(others.map((e) => e.user.id).sort());
    expect(panel.excluded).toEqual([{ expertId: conflicted.user.id, reasons: [expect.objectContaining({ code: 'affiliated_uscc', uscc: coDraftingUnit })] }]);

    const [drawn] = await h.rows<{ data: { excluded: Array<{ expertId: string; reasons: Array<{ code: string; sources?: string[] }> }> } }>(
      `select data from audit_log where entity_id = $1 and action = 'application.panel-drawn'`,
      [applicationId()],
    );
    expect(drawn.data.excluded).toEqual([{ expertId: conflicted.user.id, reasons: [expect.objectContaining({ code: 'affiliated_uscc', sources: ['co_drafting:a1'] })] }]);
    const none = await api.expect<{ items: unknown[] }>(conflicted.session, 200, { method: 'get', path: '/experts/me/assignments' });
    expect(none.items).toEqual([]);
  });

  it('5. the three drawn experts score; the excluded one cannot; the office combines the proposals (mean, floored)', async () => {
    h.setClock('2023-07-17T15:00:00+08:00');
    const [conflicted, e2, e3, e4] = experts;
    await api.call(conflicted.session, 403, {
      method: 'put',
      path: `/applications/${applicationId()}/panel/score`,
      body: { scores: { advancement: 4000, benefit: 6000 }, amounts: { a1: 50_000_000, a2: 10_000_000 } },
    });
    const sheets: Array<[Session, Record<string, number>, Record<string, number>]> = [
      [e2.session, { advancement: 3500, benefit: 5000 }, { a1: 40_000_000, a2: 8_000_000 }],
      [e3.session, { advancement: 3800, benefit: 5200 }, { a1: 45_000_000, a2: 10_000_000 }],
      [e4.session, { advancement: 3000, benefit: 4000 }, { a1: 30_000_000, a2: 6_000_000 }],
    ];
    for (const [session, scores, amounts] of sheets) {
      const assignments = await api.expect<{ items: Array<{ applicationId: string; items: Array<{ achievementId: string; ceilingFen: number }> }> }>(session, 200, {
        method: 'get',
        path: '/experts/me/assignments',
      });
      expect(assignments.items.map((a) => a.applicationId)).toEqual([applicationId()]);
      expect(assignments.items[0].items.map((i) => [i.achievementId, i.ceilingFen])).toEqual([
        ['a1', 50_000_000],
        ['a2', 10_000_000],
      ]);
      await api.expect(session, 200, { method: 'post', path: `/applications/${applicationId()}/expert-declaration`, body: { noConflict: true } });
      await api.expect(session, 200, { method: 'put', path: `/applications/${applicationId()}/panel/score`, body: { scores, amounts, comment: '材料齐全，标准已发布实施' } });
    }

    h.setClock('2023-07-20T10:00:00+08:00');
    const result = await api.expect<{ status: string; combinedScore: number; scorers: number; items: Array<{ achievementId: string; amountFen: number; proposals: number[] }> }>(
      officer,
      200,
      { method: 'post', path: `/applications/${applicationId()}/expert-review/complete` },
    );
    expect(result.status).toBe('awaiting_decision');
    expect(result.scorers).toBe(3);
    // (8500 + 9000 + 7000) / 3 = 8166.67 points·100 -> 8166; (40 + 45 + 30) 万 / 3 = 38,333,333.33 fen -> 38,333,333.
    expect(result.combinedScore).toBe(8166);
    expect(result.items.map((i) => [i.achievementId, i.amountFen])).toEqual([
      ['a1', 38_333_333],
      ['a2', 8_000_000],
    ]);
  });

  it('6. after the call closes, the office decides within the ceilings and decides the program', async () => {
    h.setClock('2023-08-31T17:00:01+08:00');
    await waitFor('the program to close', async () => (await h.statusOf('programs', programId)) === 'closed');
    h.setClock('2023-09-05T10:00:00+08:00');
    const above = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${applicationId()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 50_000_001 }, { achievementId: 'a2', amountFen: 8_000_000 }] },
    });
    expect(above.body.details.map((d) => d.path)).toContain('items[0].amountFen');
    const decided = await api.expect<{ status: string; decidedTotalFen: number; items: Array<{ achievementId: string; proposedFen: number; decidedFen: number; article: string | null }> }>(
      officer,
      200,
      {
        method: 'put',
        path: `/applications/${applicationId()}/decision`,
        body: {
          items: [
            { achievementId: 'a1', amountFen: 38_333_300, reason: '专家评审建议金额取整到元' },
            { achievementId: 'a2', amountFen: 8_000_000 },
          ],
        },
      },
    );
    expect(decided.status).toBe('decided');
    expect(decided.decidedTotalFen).toBe(46_333_300);
    expect(decided.items.map((i) => [i.achievementId, i.proposedFen, i.decidedFen, i.article])).toEqual([
      ['a1', 38_333_333, 38_333_300, '第八条第（二）项'],
      ['a2', 8_000_000, 8_000_000, '第八条第（四）项'],
    ]);
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 46_333_300 });
  });

  it('7. the publicity starts the day before the holiday and lasts 7 working days: it ends on 12 October 2023', async () => {
    fromStep(submittedId, 'step 2 (apply and submit)');
    h.setClock('2023-09-28T09:00:00+08:00');
    const opened = await api.expect<{ id: string; startsOn: string; endsOn: string }>(officer, 201, {
      method: 'post',
      path: `/programs/${programId}/publicity`,
      body: { startsOn: '2023-09-28' },
    });
    openedPublicityId = opened.id;
    expect(opened.endsOn).toBe('2023-10-12');
    expect(opened.endsOn).toBe(publicityEnd(day('2023-09-28'), { days: 7, unit: 'working' }));
    const [job] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.close' and payload->>'publicityId' = $1`, [publicityId()]);
    expect(job.run_at).toEqual(cstEndOfDay(day('2023-10-12')));
  });

  it('8. it is still open through the holiday and on the evening of its last working day', async () => {
    for (const instant of ['2023-10-04T12:00:00+08:00', '2023-10-09T12:00:00+08:00', '2023-10-12T20:00:00+08:00']) {
      h.setClock(instant);
      await h.letWorkerCatchUp(TENANT);
      expect(await h.statusOf('publicities', publicityId())).toBe('open');
      expect(await h.statusOf('applications', applicationId())).toBe('in_publicity');
    }
  });

  it('9. the worker is stopped before the end; after the clock passed the end it restarts and closes the publicity by itself', async () => {
    await h.stopWorker();
    h.setClock('2023-10-13T08:30:00+08:00');
    // Past the end and no worker: nobody has closed it; the close job waits in the outbox, not in a worker's memory.
    expect(await h.statusOf('publicities', publicityId())).toBe('open');
    const late = await api.call<{ code: string }>(null, 409, {
      method: 'post',
      path: `/public/tenants/${TENANT}/publicities/${publicityId()}/objections`,
      body: { applicationId: applicationId(), contactName: '李四', contactPhone: '0757-83000000', reasons: '逾期异议' },
    });
    expect(late.body.code).toBe('publicity_closed');

    await h.startWorker();
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId)) === 'publicized');
    expect(await h.statusOf('applications', applicationId())).toBe('approved');
    const [closed] = await h.rows<{ closed_at: Date; ends_on: string }>(`select closed_at, to_char(ends_on, 'YYYY-MM-DD') as ends_on from publicities where id = $1`, [publicityId()]);
    expect(closed.ends_on).toBe('2023-10-12');
    expect(closed.closed_at.getTime()).toBeGreaterThanOrEqual(cstEndOfDay(day('2023-10-12')).getTime());
    const actions = await h.rows<{ action: string; actor_kind: string }>(`select action, actor_kind from audit_log where entity_id = $1 order by seq`, [publicityId()]);
    expect(actions).toEqual([
      { action: 'publicity.opened', actor_kind: 'user' },
      { action: 'publicity.closed', actor_kind: 'system' },
    ]);
  });

  it('10. the office hands over; the audit chain is intact', async () => {
    fromStep(openedPublicityId, 'step 7 (open the publicity)');
    h.setClock('2023-10-16T10:00:00+08:00');
    // 第十三条 (4394): 由市质监局提出资金分配具体额度，报市人民政府批准后，由市财政局统一拨付 — no hand-over before the approval.
    const early = await api.call<{ code: string; message: string }>(officer, 409, { method: 'post', path: `/programs/${programId}/hand-over` });
    expect(early.body.code).toBe('allocation_approval_required');
    expect(early.body.message).toContain('佛山市人民政府');
    const approvedOn = cstDateOf(h.clock.now());
    await api.expect(officer, 201, {
      method: 'post',
      path: `/programs/${programId}/allocation-approval`,
      body: { documentNo: '佛府函〔2023〕256号', approvedOn, approvedTotalFen: 46_333_300 },
    });
    const handed = await api.expect<{ totalFen: number; applicationIds: string[]; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId}/hand-over` });
    expect(handed).toEqual(expect.objectContaining({ totalFen: 46_333_300, applicationIds: [applicationId()] }));
    expect(handed.allocationApproval).toMatchObject({ approvedBy: '佛山市人民政府', documentNo: '佛府函〔2023〕256号', approvedOn, article: '第十三条' });
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
