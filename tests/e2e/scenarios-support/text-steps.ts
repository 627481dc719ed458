import { Session } from '../../support/factories';
import { ApiClient } from './api-client';
import { ScenarioHarness, waitFor } from './scenario-harness';
import { ProgramBody, ReviewSettingsBody } from './workflow-steps';

/**
 * Steps the tenant scenarios share beyond workflow-steps.ts: a program configured from its text's template
 * (GET /programs/template), and the finance side after hand-over (intake, approval per payer, a batch the worker
 * instructs, the bank's confirmation), all over HTTP.
 */

export interface ProgramTemplateView {
  policy: { id: string; title: string; effectiveFrom: string; effectiveTo: string | null };
  window: { kind: 'batch' | 'rolling'; allowedKinds: Array<'batch' | 'rolling'>; earliestOpen: string; latestClose: string | null; months?: { from: string; to: string } };
  review: ReviewSettingsBody & { stages: Record<string, boolean> };
  citations: Array<{ path: string; article: string; source: string; requirement: string }>;
  defaults: Array<{ path: string; note: string }>;
}

/** The program officer reads the template its text gives (GET /programs/template?policyId=). */
export function readTemplate(api: ApiClient, officer: Session, policyId: string): Promise<ProgramTemplateView> {
  return api.expect<ProgramTemplateView>(officer, 200, { method: 'get', path: `/programs/template?policyId=${encodeURIComponent(policyId)}` });
}

export interface ProgramFromTemplate {
  year: number;
  title: string;
  opensAt: string;
  closesAt: string;
  call: ProgramBody['call'];
  budget: ProgramBody['budget'];
  /** What the office sets where the text leaves it open (or adds to what the text requires): merged over the template. */
  review?: Partial<ReviewSettingsBody>;
}

/** A program body that starts from the template: its window kind and review settings, the office's choices on top. */
export function programBodyFrom(template: ProgramTemplateView, choices: ProgramFromTemplate): ProgramBody {
  return {
    year: choices.year,
    title: choices.title,
    policyId: template.policy.id,
    window: { kind: template.window.kind, opensAt: choices.opensAt, closesAt: choices.closesAt },
    call: choices.call,
    review: { ...template.review, ...(choices.review ?? {}) } as ReviewSettingsBody,
    budget: choices.budget,
  };
}

export interface IntakeView {
  programId: string;
  totalFen: number;
  committedByPayer: Record<string, number>;
  awards: Array<{
    awardId: string;
    applicationId: string;
    achievementId: string;
    article: string | null;
    decidedFen: number;
    shares: Array<{ shareId: string; payer: string; amountFen: number; installments: Array<{ seq: number; condition: string; amountFen: number }> }>;
  }>;
  allocationApproval: null | { approvedBy: string; documentNo: string; approvedOn: string; article: string };
}

export interface ShareView {
  shareId: string;
  applicationId: string;
  achievementId: string;
  organizationName: string;
  article: string | null;
  payer: string;
  amountFen: number;
  status: string;
}

export interface BatchView {
  id: string;
  payer: string;
  status: string;
  totalFen: number;
  lines: Array<{ lineNo: number; amountFen: number; payeeName: string; payeeUscc: string; article: string | null; status: string; bankReference: string | null }>;
}

export interface FinanceReport {
  payers: Array<{ payer: string; budgetFen: number; committedFen: number; approvedFen: number; paidFen: number; outstandingFen: number }>;
  totals: { budgetFen: number; committedFen: number; approvedFen: number; paidFen: number; outstandingFen: number };
}

/** Money-moving finance calls need an Idempotency-Key; each scenario names its keys. */
const idem = (key: string) => ({ 'Idempotency-Key': key });

export async function setBudget(api: ApiClient, finance: Session, programId: string, payer: string, amountFen: number, key: string): Promise<void> {
  await api.expect(finance, 200, { method: 'put', path: `/finance/programs/${programId}/budget`, body: { payer, amountFen }, headers: idem(key) });
}

export function takeIn(api: ApiClient, cityFinance: Session, programId: string, key: string): Promise<IntakeView> {
  return api.expect<IntakeView>(cityFinance, 200, { method: 'post', path: `/finance/programs/${programId}/intake`, headers: idem(key) });
}

export async function sharesOf(api: ApiClient, finance: Session, programId: string): Promise<ShareView[]> {
  return (await api.expect<{ shares: ShareView[] }>(finance, 200, { method: 'get', path: `/finance/programs/${programId}/shares` })).shares;
}

export function approveAll(api: ApiClient, finance: Session, programId: string, payer: string, key: string): Promise<{ approvedFen: number; approved: Array<{ shareId: string; amountFen: number }> }> {
  return api.expect(finance, 200, { method: 'post', path: `/finance/programs/${programId}/approvals`, body: { payer, all: true }, headers: idem(key) });
}

export async function setPayeeAccount(api: ApiClient, administrator: Session, organizationId: string, account: { accountName: string; bankName: string; accountNo: string }): Promise<void> {
  await api.expect(administrator, 200, { method: 'put', path: `/finance/organizations/${organizationId}/bank-account`, body: account });
}

/**
 * The payer's officer releases its due installments as a batch; the worker instructs every line (one outbox job per
 * line); once none is pending, the officer records the bank's confirmation. Returns the batch as released and as paid.
 */
export async function payThroughWorker(
  h: ScenarioHarness,
  api: ApiClient,
  finance: Session,
  programId: string,
  payer: string,
  keys: { release: string; confirm: string },
  bankReference: string,
): Promise<{ released: BatchView; paid: BatchView }> {
  const released = await api.expect<BatchView>(finance, 202, { method: 'post', path: `/finance/programs/${programId}/batches/release`, body: { payer }, headers: idem(keys.release) });
  await waitFor(`the worker to instruct every line of ${payer}'s batch`, async () => {
    const batch = await api.expect<BatchView>(finance, 200, { method: 'get', path: `/finance/batches/${released.id}` });
    return batch.status === 'instructed';
  });
  const instructed = await h.rows<{ n: number }>(
    `select count(*)::int as n from outbox where job_name = 'payment.instruct-line' and payload->>'batchId' = $1 and completed_at is not null`,
    [released.id],
  );
  if (instructed[0].n !== released.lines.length) throw new Error(`expected ${released.lines.length} completed instruct-line jobs, found ${instructed[0].n}`);
  const paid = await api.expect<BatchView>(finance, 200, { method: 'post', path: `/finance/batches/${released.id}/confirm`, body: { bankReference }, headers: idem(keys.confirm) });
  return { released, paid };
}

export function financeReport(api: ApiClient, finance: Session, programId: string): Promise<FinanceReport> {
  return api.expect<FinanceReport>(finance, 200, { method: 'get', path: `/finance/programs/${programId}/report` });
}

/** The order in which an application passed its stages, from its audit trail (one row per move). */
export async function stagesPassed(h: ScenarioHarness, applicationId: string): Promise<string[]> {
  const rows = await h.rows<{ to: string | null }>(`select data->>'to' as "to" from audit_log where entity_id = $1 and entity_type = 'application' order by seq`, [applicationId]);
  const order: string[] = [];
  for (const { to } of rows) if (to && order[order.length - 1] !== to) order.push(to);
  return order;
}
