import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { addDays, CalendarDate, cstDateOf, ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { TenantDefinition } from '@subsidy/tenancy';
import { AddressInfo } from 'node:net';
import { createApp } from '../../../../api/src/create-app';
import { createWorker } from '../../../../worker/src/create-worker';
import { approveDemoOrganizations } from '../approve-demo-organizations';
import { DEMO_ORGANIZATIONS } from '../demo-organizations';
import { DemoApi } from '../seed-programs';
import { DEMO_CLAIMS } from './demo-claims';
import { DemoStage, HISTORY_DAYS, STAGE_PLANS } from './stage-plans';
import { dayAt, stageSteps, TenantCast, TimedStep } from './stage-steps';

export interface DemoHistoryOutcome {
  tenant: string;
  /** created: this run replayed the history; exists: an earlier run did; skipped: see detail. */
  outcome: 'created' | 'exists' | 'skipped';
  detail: string;
  programs: Array<{ stage: DemoStage; title: string; programId: string }>;
}

interface PolicyVersion {
  id: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  inForce: boolean;
}

/** The relay's poll while replaying: short, so each waiting step sees the worker's effect within a few hundred ms. */
const POLL_MS = 50;
const WAIT_SECONDS = 20;
const BUDGET_FEN = 500_000_000; // 5,000,000 yuan per program

/**
 * Gives each tenant whose text is in force today (and was HISTORY_DAYS ago) four programs at later stages than today's
 * open call: one partly paid, one handed over to finance, one in publicity with an objection, one in review.
 *
 * Time must pass for that (windows close, publicities end), and the demo's API and worker run on the system clock. So,
 * before they start, this replays the last HISTORY_DAYS on a manual clock through the product itself: the real API
 * (listening on a free local port) and the real worker (outbox relay included), built in this process as the end-to-end
 * scenarios build them, share one ManualClock that the replay moves from event to event, oldest first, and never past
 * yesterday. Every business date (window, submission, decision, publicity, payment) and every job's due time is
 * therefore the one it would have had; what is due later (the open publicity's end, the review program's closing) stays
 * in the outbox for the live worker. The audit log does not pretend: it stamps the real instant each entry was written,
 * so it shows this history was written by the demo seed at install time. The demo users and organization were created
 * at the real time too, so they look created after the history they took part in: the one liberty taken.
 *
 * Idempotent: a tenant that already has any stage program (recognized by its title's suffix, whatever the year) is
 * left alone, and when no tenant needs a history the worker is never started, so a second run moves nothing. A run
 * that failed half-way leaves the programs it made; the next run reports them and does not complete them (reset the
 * demo database to replay from scratch).
 */
export async function seedDemoHistory(config: AppConfig, tenants: readonly TenantDefinition[], now: Date): Promise<DemoHistoryOutcome[]> {
  // Silent: the in-process API's request log would bury the demo's own output; a step that fails throws with the API's answer.
  const replayConfig: AppConfig = { ...config, logLevel: 'silent', outbox: { ...config.outbox, pollMs: POLL_MS } };
  const clock = new ManualClock(now);
  const app: INestApplication = await createApp(replayConfig, { clock });
  let worker: INestApplicationContext | undefined;
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const today = cstDateOf(now);
    const outcomes: DemoHistoryOutcome[] = [];
    const steps: TimedStep[] = [];
    for (const tenant of tenants.filter((t) => t.kind !== 'platform')) {
      const planned = await planTenant(baseUrl, tenant, today);
      outcomes.push(planned.outcome);
      steps.push(...planned.steps);
    }
    if (steps.length === 0) return outcomes;
    const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => Date.parse(a.s.at) - Date.parse(b.s.at) || a.i - b.i);
    clock.set(new Date(dayAt(today, HISTORY_DAYS, '09:00:00')));
    worker = await createWorker(replayConfig, { clock });
    for (const { s } of ordered) {
      clock.set(new Date(s.at));
      try {
        await s.run();
      } catch (error) {
        throw new Error(`demo history, step "${s.label}" at ${s.at}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return outcomes;
  } finally {
    await worker?.close();
    await app.close();
  }
}

interface TenantPlan {
  outcome: DemoHistoryOutcome;
  steps: TimedStep[];
}

async function planTenant(baseUrl: string, tenant: TenantDefinition, today: CalendarDate): Promise<TenantPlan> {
  const skipped = (detail: string): TenantPlan => ({ outcome: { tenant: tenant.id, outcome: 'skipped', detail, programs: [] }, steps: [] });
  const officer = new DemoApi(baseUrl, tenant.id);
  await officer.login('officer');
  const { items: versions } = await officer.get<{ items: PolicyVersion[] }>('/api/v1/policies');
  const policy = versions.filter((v) => v.inForce).pop();
  if (!policy) return skipped(`no policy text in force on ${today}`);
  const firstDay = addDays(today, -HISTORY_DAYS);
  if (policy.effectiveFrom > firstDay) return skipped(`${policy.id} took effect on ${policy.effectiveFrom}, after the history's first day ${firstDay}`);
  const claims = DEMO_CLAIMS[policy.id];
  const organization = DEMO_ORGANIZATIONS[tenant.id];
  if (!claims || !organization) return skipped(`no demo claims are written for ${policy.id}`);

  const { items: programs } = await officer.get<{ items: Array<{ id: string; title: string }> }>('/api/v1/programs?pageSize=200');
  const found = STAGE_PLANS.flatMap((plan) => programs.filter((p) => p.title.endsWith(plan.titleSuffix)).map((p) => ({ stage: plan.stage, title: p.title, programId: p.id })));
  if (found.length > 0) {
    const missing = STAGE_PLANS.filter((plan) => !found.some((f) => f.stage === plan.stage)).map((plan) => plan.stage);
    const detail = missing.length ? `found ${found.length} stage programs; missing ${missing.join(', ')} (an earlier run failed: reset the demo database)` : `${found.length} stage programs`;
    return { outcome: { tenant: tenant.id, outcome: 'exists', detail, programs: found }, steps: [] };
  }

  const template = await officer.get<{ window: { kind: 'batch' | 'rolling'; latestClose: string | null }; review: unknown }>(
    `/api/v1/programs/template?policyId=${encodeURIComponent(policy.id)}`,
  );
  const cast: TenantCast = {
    tenant: tenant.id,
    nameZh: tenant.nameZh,
    officer,
    applicant: await signedIn(baseUrl, tenant.id, 'applicant'),
    finance: await signedIn(baseUrl, tenant.id, 'finance.city'),
    publicUser: new DemoApi(baseUrl, tenant.id),
    organizationName: organization.name,
    waitFor,
  };
  const outcome: DemoHistoryOutcome = { tenant: tenant.id, outcome: 'created', detail: `4 stage programs under ${policy.id}`, programs: [] };
  // The demo organization's registration is approved first, on the history's first morning, so it may submit.
  const approve: TimedStep = {
    at: dayAt(today, HISTORY_DAYS, '09:30:00'),
    label: `${tenant.id}: approve the demo organization`,
    run: async () => {
      await approveDemoOrganizations(baseUrl, [tenant]);
    },
  };
  const steps = STAGE_PLANS.flatMap((plan, index) => {
    const created: { programId?: string; title?: string } = {};
    const programSteps = stageSteps({ cast, plan, index, today, policy, template, claims, budgetFen: BUDGET_FEN, created });
    const draft = programSteps[0];
    // The outcome lists each program once its draft step has run.
    programSteps[0] = {
      ...draft,
      run: async () => {
        await draft.run();
        outcome.programs.push({ stage: plan.stage, title: String(created.title), programId: String(created.programId) });
      },
    };
    return programSteps;
  });
  return { outcome, steps: [approve, ...steps] };
}

async function signedIn(baseUrl: string, tenant: string, username: string): Promise<DemoApi> {
  const api = new DemoApi(baseUrl, tenant);
  await api.login(username);
  return api;
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < (WAIT_SECONDS * 1000) / POLL_MS; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`gave up waiting ${WAIT_SECONDS}s for ${what}`);
}
