import { addDays, CalendarDate } from '@subsidy/calendar';
import { DemoApi } from '../seed-programs';
import { demoPdf } from '../demo-pdf';
import { DemoClaims } from './demo-claims';
import { StagePlan } from './stage-plans';

/** One event of the replayed history: at `at` (an instant in China Standard Time), `run` calls the API. */
export interface TimedStep {
  at: string;
  label: string;
  run: () => Promise<void>;
}

/** The demo cast of one tenant, each signed in on its own (DemoApi signs in again when a token has expired). */
export interface TenantCast {
  tenant: string;
  nameZh: string;
  officer: DemoApi;
  applicant: DemoApi;
  finance: DemoApi;
  /** Not signed in: the public publicity pages. */
  publicUser: DemoApi;
  organizationName: string;
  /** Polls until `check` holds, so a worker job due at the current (manual) time has run. */
  waitFor: (what: string, check: () => Promise<boolean>) => Promise<void>;
}

export interface StageContext {
  cast: TenantCast;
  plan: StagePlan;
  /** The program's position among the stage programs: keeps its achievements apart from the others'. */
  index: number;
  today: CalendarDate;
  policy: { id: string; title: string };
  template: { window: { kind: 'batch' | 'rolling'; latestClose: string | null }; review: unknown };
  claims: DemoClaims;
  budgetFen: number;
  /** Filled as the steps run. */
  created: { programId?: string; title?: string };
}

interface EstimateItem {
  achievementId: string;
  outcome: string;
  amountFen: number;
}

const V1 = '/api/v1';
const PAYER = 'city';

/** The instant at `time` (HH:MM:SS, CST) on the day `daysBefore` days before today. */
export function dayAt(today: CalendarDate, daysBefore: number, time: string): string {
  return `${addDays(today, -daysBefore)}T${time}+08:00`;
}

/**
 * The events that bring one program to its stage, each through the public API as the person who would do it: the
 * officer drafts, schedules, checks, decides, publicizes and hands over; the applicant claims, uploads, declares and
 * submits; a member of the public objects; city finance takes the list in, approves and releases a batch whose first
 * line the bank has confirmed. Waiting steps wait for the worker (window opening and closing, publicity ending).
 */
export function stageSteps(ctx: StageContext): TimedStep[] {
  const { cast, plan, today } = ctx;
  const at = (days: number, time = '10:00:00') => dayAt(today, days, time);
  const state: { programId?: string; applicationId?: string; items?: EstimateItem[]; publicityId?: string } = {};
  const programId = () => required(state.programId, 'program');
  const applicationId = () => required(state.applicationId, 'application');
  const programStatus = async () => (await cast.officer.get<{ status: string }>(`${V1}/programs/${programId()}`)).status;
  const key = (step: string) => `demo-history-${cast.tenant}-${plan.stage}-${step}`;
  const steps: TimedStep[] = [];
  const step = (days: number | undefined, label: string, run: () => Promise<void>, time?: string) => {
    if (days !== undefined) steps.push({ at: at(days, time), label: `${cast.tenant} ${plan.stage}: ${label}`, run });
  };

  step(plan.opens + 1, 'draft and schedule', async () => {
    const opensAt = at(plan.opens, '09:00:00');
    const year = Number(opensAt.slice(0, 4));
    const title = `${year}年度${cast.nameZh}标准化资助${plan.titleSuffix}`;
    const lastDay = [addDays(today, -plan.closes), ctx.template.window.latestClose].filter((d): d is string => d !== null).sort()[0];
    const program = await cast.officer.post<{ id: string }>(`${V1}/programs`, {
      year,
      title,
      policyId: ctx.policy.id,
      window: { kind: ctx.template.window.kind, opensAt, closesAt: `${lastDay}T17:00:00+08:00` },
      call: { title: `关于申报${title}的通知`, body: `依据《${ctx.policy.title}》组织申报。演示数据，非真实通知。`, materials: ctx.claims.materials },
      review: ctx.template.review,
      budget: { totalFen: ctx.budgetFen, rule: 'pro_rata', sources: [{ source: PAYER, amountFen: ctx.budgetFen }] },
    });
    await cast.officer.post(`${V1}/programs/${program.id}/schedule`, {});
    state.programId = program.id;
    ctx.created.programId = program.id;
    ctx.created.title = title;
  });
  step(plan.opens, 'window opens', () => cast.waitFor('the call to open', async () => (await programStatus()) === 'open'), '09:00:30');

  step(plan.submit, 'apply and submit', async () => {
    const year = Number(at(plan.opens).slice(0, 4));
    const achievements = ctx.claims.achievements(ctx.index, year);
    const application = await cast.applicant.post<{ id: string }>(`${V1}/programs/${programId()}/applications`, undefined);
    await cast.applicant.put(`${V1}/applications/${application.id}/achievements`, { achievements });
    for (const achievement of achievements) {
      for (const material of ctx.claims.materials[achievement.type] ?? []) {
        await cast.applicant.upload(`${V1}/applications/${application.id}/evidence`, { achievementId: achievement.id, material }, { bytes: demoPdf(`demo ${achievement.id}`), name: `${material}.pdf`, contentType: 'application/pdf' });
      }
    }
    const estimate = await cast.applicant.get<{ items: EstimateItem[] }>(`${V1}/applications/${application.id}/estimate`);
    const refused = estimate.items.filter((i) => i.outcome !== 'awarded' || i.amountFen <= 0);
    if (refused.length) throw new Error(`demo history, ${cast.tenant}: the text does not pay the demo claims ${refused.map((i) => `${i.achievementId} (${i.outcome})`).join(', ')}`);
    await cast.applicant.post(`${V1}/applications/${application.id}/declaration`, { accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。（演示数据）' });
    await cast.applicant.post(`${V1}/applications/${application.id}/submit`, undefined, { 'Idempotency-Key': key('submit') });
    state.applicationId = application.id;
    state.items = estimate.items;
  });

  step(plan.check, 'formal check', async () => {
    const checked = await cast.officer.post<{ status: string }>(`${V1}/applications/${applicationId()}/formal-check`, { outcome: 'complete' });
    if (checked.status !== 'awaiting_decision') throw new Error(`demo history, ${cast.tenant}: after the formal check the application is ${checked.status}, not awaiting_decision`);
  });

  step(plan.decide, 'decide', async () => {
    await cast.waitFor('the call to close', async () => (await programStatus()) === 'closed');
    const items = required(state.items, 'estimate').map((i) => ({ achievementId: i.achievementId, amountFen: i.amountFen }));
    await cast.officer.put(`${V1}/applications/${applicationId()}/decision`, { items });
    await cast.officer.post(`${V1}/programs/${programId()}/decide`, {});
  });

  step(plan.publicity, 'open the publicity', async () => {
    const publicity = await cast.officer.post<{ id: string }>(`${V1}/programs/${programId()}/publicity`, { startsOn: addDays(today, -required(plan.publicity, 'publicity day')) });
    state.publicityId = publicity.id;
  });
  if (plan.stage === 'in_publicity') {
    step(plan.publicity, 'a member of the public objects', async () => {
      await cast.publicUser.post(`${V1}/public/tenants/${cast.tenant}/publicities/${required(state.publicityId, 'publicity')}/objections`, {
        applicationId: applicationId(),
        contactName: '张演示',
        contactPhone: '010-12345678',
        reasons: '演示数据：该试点项目的验收日期与公开信息不符，请核实。',
      });
    }, '15:00:00');
  }

  step(plan.handOver, 'hand over to finance', async () => {
    await cast.waitFor('the publicity to end', async () => (await programStatus()) === 'publicized');
    await cast.officer.post(`${V1}/programs/${programId()}/hand-over`, undefined);
  });

  step(plan.finance, 'finance takes the list in and approves it', async () => {
    // The payee account is the organization administrator's to give, named as the organization is registered.
    const me = await cast.applicant.get<{ organizationId: string }>(`${V1}/auth/me`);
    await cast.applicant.put(`${V1}/finance/organizations/${me.organizationId}/bank-account`, { accountName: cast.organizationName, bankName: '演示银行营业部', accountNo: '62000012345678901234' });
    await cast.finance.put(`${V1}/finance/programs/${programId()}/budget`, { payer: PAYER, amountFen: ctx.budgetFen }, { 'Idempotency-Key': key('budget') });
    await cast.finance.post(`${V1}/finance/programs/${programId()}/intake`, undefined, { 'Idempotency-Key': key('intake') });
    await cast.finance.post(`${V1}/finance/programs/${programId()}/approvals`, { payer: PAYER, all: true }, { 'Idempotency-Key': key('approve') });
  });

  step(plan.pay, 'release a batch; the bank confirms its first line', async () => {
    const released = await cast.finance.post<{ id: string; lines: Array<{ lineNo: number }> }>(`${V1}/finance/programs/${programId()}/batches/release`, { payer: PAYER }, { 'Idempotency-Key': key('release') });
    await cast.waitFor('the worker to instruct the batch', async () => (await cast.finance.get<{ status: string }>(`${V1}/finance/batches/${released.id}`)).status === 'instructed');
    await cast.finance.post(`${V1}/finance/batches/${released.id}/confirm`, { bankReference: `DEMO-${cast.tenant.toUpperCase()}-0001`, lines: [{ lineNo: released.lines[0].lineNo, outcome: 'paid' }] }, { 'Idempotency-Key': key('confirm') });
  });
  return steps;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo history: the ${what} of an earlier step is missing`);
  return value;
}
