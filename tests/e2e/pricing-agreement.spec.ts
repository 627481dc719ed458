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
  nationalStandardLead,
  OrganizationFixture,
  reviewSettings,
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Submission goes straight to the technical review, and from there to the decision. */
const technicalOnly = reviewSettings({ stages: { formal_check: false, district_review: false, technical_review: true, expert_review: false } });

/** 第七条第（二）项: a national pilot is project funding (资助), up to 500 000 yuan. */
const nationalPilot = { id: 'p1', type: 'standardization_pilot', level: 'national', stage: 'started', startedOn: '2022-10-01' };
/** 第八条第（二）项: leading a national standard is a subsidy (补助), up to 500 000 yuan. */
const nationalStandard = nationalStandardLead('a1', '2022-06-01');

/** What one stage priced each achievement at, in the order claimed. */
type Ceilings = Array<[string, number]>;

/**
 * The applicant's estimate, the technical reviewer's ceiling and the program office's decision ceiling are one figure
 * per item (the shared pricing module): the estimate stored at submission, or the same estimator run again at the
 * submission date, with the applicant's prior awards and the program budget as the year's fund.
 */
describe('one ceiling per item from estimate to decision', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new ManualClock(new Date('2023-03-20T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** The estimate as the applicant sees it, summed per achievement. */
  async function estimated(session: Session, applicationId: string, achievementIds: string[]): Promise<Ceilings> {
    const estimate = await http().get(`/api/v1/applications/${applicationId}/estimate`).set(session.headers).expect(200);
    const items = estimate.body.items as Array<{ achievementId: string; outcome: string; amountFen: number }>;
    return achievementIds.map((id) => [id, items.filter((i) => i.achievementId === id && i.outcome === 'awarded').reduce((sum, i) => sum + i.amountFen, 0)]);
  }

  /** The ceilings the technical review checks against: a supported item without an amount gets its ceiling. */
  async function technicalCeilings(reviewer: Session, applicationId: string, achievementIds: string[]): Promise<Ceilings> {
    const ceilings: Ceilings = [];
    for (const id of achievementIds) {
      const opinion = await http().put(`/api/v1/applications/${applicationId}/technical-opinions/${id}`).set(reviewer.headers).send({ opinion: 'support', comment: '符合条件' }).expect(200);
      expect(opinion.body.amountFen).toBe(opinion.body.ceilingFen);
      ceilings.push([id, opinion.body.ceilingFen as number]);
    }
    await http().post(`/api/v1/applications/${applicationId}/technical-review/complete`).set(reviewer.headers).expect(200);
    return ceilings;
  }

  /** Decides every item at its technical ceiling; one fen more is refused. */
  async function decisionCeilings(officer: Session, applicationId: string, technical: Ceilings): Promise<Ceilings> {
    const decide = (items: Array<{ achievementId: string; amountFen: number; reason?: string }>) =>
      http().put(`/api/v1/applications/${applicationId}/decision`).set(officer.headers).send({ items });
    const above = await decide(technical.map(([achievementId, fen], index) => ({ achievementId, amountFen: index === 0 ? fen + 1 : fen }))).expect(400);
    expect(above.body.details).toEqual([{ path: 'items[0].amountFen', message: expect.stringContaining('超过该项的上限') }]);
    const decided = await decide(technical.map(([achievementId, fen]) => ({ achievementId, amountFen: fen, reason: '按上限核定' }))).expect(200);
    return (decided.body.items as Array<{ achievementId: string; ceilingFen: number }>).map((i) => [i.achievementId, i.ceilingFen]);
  }

  /** An earlier program's award to `org`, handed over to finance, for the achievement `paid`. */
  async function priorAward(org: OrganizationFixture, policyId: string, year: number, paid: Record<string, unknown> & { id: string }, decidedFen: number): Promise<void> {
    const earlier = await createProgram(db, { tenantId: org.tenantId, policyId, year, status: 'handed_over' });
    const application = await createApplication(db, {
      tenantId: org.tenantId,
      programId: earlier.id,
      organizationId: org.id,
      districtCode: org.districtCode,
      status: 'handed_over',
      submittedAt: new Date(`${year}-03-20T10:00:00+08:00`),
      achievements: [paid],
    });
    await asSuperuser(db, (c) =>
      c.query(
        `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, proposed_fen, decided_fen) values ($1, $2, $3, $4, 'ceiling', $4, $4)`,
        [org.tenantId, application.id, paid.id, decidedFen],
      ),
    );
  }

  describe('Foshan (foshan-2018): project funding capped at 20% of the year fund (第二十一条)', () => {
    const CHANCHENG = '440604';
    let programId: string;
    let officer: Session;
    let reviewer: Session;

    beforeAll(async () => {
      await createTenant(db, { id: 'foshan', divisionCode: '440600', districts: [{ code: CHANCHENG, nameZh: '禅城区' }] });
      // A 1 000 000 yuan fund: one unit's project funding is capped at 200 000 yuan.
      programId = (
        await createProgram(db, {
          tenantId: 'foshan',
          policyId: 'foshan-2018',
          year: 2023,
          windowKind: 'rolling',
          opensAt: new Date('2023-01-01T00:00:00+08:00'),
          closesAt: new Date('2023-11-30T23:59:59+08:00'),
          budgetTotalFen: 100_000_000,
          review: technicalOnly,
        })
      ).id;
      officer = await login(app, await createUser(db, { tenantId: 'foshan', role: 'program_officer' }));
      reviewer = await login(app, await createUser(db, { tenantId: 'foshan', role: 'technical_reviewer' }));
    });

    /** Drafts, declares and submits an application of `org` over HTTP; returns its id and the applicant's session. */
    async function submitted(org: OrganizationFixture, estimateTotalFen = 70_000_000): Promise<{ id: string; applicant: Session }> {
      const applicant = await login(app, await createUser(db, { tenantId: 'foshan', role: 'applicant', organizationId: org.id }));
      const created = await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201);
      const id = created.body.id as string;
      await http().put(`/api/v1/applications/${id}/achievements`).set(applicant.headers).send({ achievements: [nationalPilot, nationalStandard] }).expect(200);
      await http().post(`/api/v1/applications/${id}/declaration`).set(applicant.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
      const submission = await http().post(`/api/v1/applications/${id}/submit`).set(applicant.headers).set('Idempotency-Key', `submit-${id}`).expect(200);
      expect(submission.body).toMatchObject({ status: 'technical_review', estimateTotalFen });
      return { id, applicant };
    }

    it('submits (the estimate knows the fund), and the estimate, technical opinion and decision agree on every ceiling', async () => {
      const org = await createOrganization(db, { tenantId: 'foshan', districtCode: CHANCHENG });
      const { id, applicant } = await submitted(org);
      const [stored] = await rows<{ estimate: { policy: { hash: string }; items: Array<{ achievementId: string; reasons: string[] }> } }>(`select estimate from applications where id = $1`, [id]);
      expect(stored.estimate.items.find((i) => i.achievementId === 'p1')?.reasons).toEqual(['cap_fund_share']);
      // Made under the program's own policy text, so review and decision read their ceilings from it.
      const [program] = await rows<{ hash: string }>(`select policy_hash as hash from programs where id = $1`, [programId]);
      expect(stored.estimate.policy.hash).toBe(program.hash);

      const estimate = await estimated(applicant, id, ['p1', 'a1']);
      expect(estimate).toEqual([
        ['p1', 20_000_000],
        ['a1', 50_000_000],
      ]);
      const technical = await technicalCeilings(reviewer, id, ['p1', 'a1']);
      expect(technical).toEqual(estimate);
      expect(await decisionCeilings(officer, id, technical)).toEqual(estimate);
    });

    it('prices the same with a prior award, from the stored estimate and when the policy is evaluated again', async () => {
      const org = await createOrganization(db, { tenantId: 'foshan', districtCode: CHANCHENG });
      // The same standard (GB/T 40001-2023) was funded with 300 000 yuan of the city's money in 2022: the product tells
      // the engine as other funding, and 第二十二条 (top-up) pays only the difference, 500 000 - 300 000.
      await priorAward(org, 'foshan-2018', 2022, nationalStandardLead('old1', '2022-06-01'), 30_000_000);
      const { id, applicant } = await submitted(org, 40_000_000);
      const estimate = await estimated(applicant, id, ['p1', 'a1']);
      expect(estimate).toEqual([
        ['p1', 20_000_000],
        ['a1', 20_000_000],
      ]);
      // A stored estimate that cannot be trusted is ignored: review and decision evaluate again, with the fund.
      await asSuperuser(db, (c) => c.query(`update applications set estimate = jsonb_set(estimate, '{policy,hash}', '"stale"') where id = $1`, [id]));
      const technical = await technicalCeilings(reviewer, id, ['p1', 'a1']);
      expect(technical).toEqual(estimate);
      expect(await decisionCeilings(officer, id, technical)).toEqual(estimate);
    });
  });

  describe('Weihai (weihai-2020): a prior award for the same standard leaves nothing to pay', () => {
    const HUANCUI = '371002';
    let programId: string;
    let officer: Session;
    let reviewer: Session;

    beforeAll(async () => {
      await createTenant(db, { id: 'weihai', districts: [{ code: HUANCUI, nameZh: '环翠区' }] });
      programId = (await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, windowKind: 'rolling', review: technicalOnly })).id;
      officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
      reviewer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'technical_reviewer' }));
    });

    /** An application in technical review with no stored estimate: every stage must evaluate the policy itself. */
    async function inTechnicalReview(org: OrganizationFixture): Promise<{ id: string; applicant: Session }> {
      const applicant = await login(app, await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: org.id }));
      const application = await createApplication(db, {
        tenantId: 'weihai',
        programId,
        organizationId: org.id,
        districtCode: HUANCUI,
        status: 'technical_review',
        achievements: [nationalStandardLead('a1')],
      });
      return { id: application.id, applicant };
    }

    it('gives the repeated standard a ceiling of 0 in the estimate, the technical review and the decision alike', async () => {
      const paidBefore = await createOrganization(db, { tenantId: 'weihai', districtCode: HUANCUI });
      // The same standard (GB/T 40001-2023) as the one claimed now, paid under the 2023 program.
      await priorAward(paidBefore, 'weihai-2020', 2023, nationalStandardLead('p1'), 30_000_000);
      const { id, applicant } = await inTechnicalReview(paidBefore);
      const estimate = await estimated(applicant, id, ['a1']);
      expect(estimate).toEqual([['a1', 0]]);
      const above = await http().put(`/api/v1/applications/${id}/technical-opinions/a1`).set(reviewer.headers).send({ opinion: 'support', amountFen: 1, comment: '支持' }).expect(400);
      expect(above.body.details).toEqual([{ path: 'amountFen', message: '0.01 元超过该项的上限 0.00 元' }]);
      const technical = await technicalCeilings(reviewer, id, ['a1']);
      expect(technical).toEqual(estimate);
      const decided = await http()
        .put(`/api/v1/applications/${id}/decision`)
        .set(officer.headers)
        .send({ items: [{ achievementId: 'a1', amountFen: 0, reason: '同一标准已获资助' }] })
        .expect(200);
      expect(decided.body).toMatchObject({ status: 'rejected', items: [{ achievementId: 'a1', ceilingFen: 0 }] });
    });

    it('pays a newcomer claiming the same standard in full at every stage', async () => {
      const newcomer = await createOrganization(db, { tenantId: 'weihai', districtCode: HUANCUI });
      const { id, applicant } = await inTechnicalReview(newcomer);
      const estimate = await estimated(applicant, id, ['a1']);
      expect(estimate[0][1]).toBeGreaterThan(0);
      const technical = await technicalCeilings(reviewer, id, ['a1']);
      expect(technical).toEqual(estimate);
      expect(await decisionCeilings(officer, id, technical)).toEqual(estimate);
    });
  });
});
