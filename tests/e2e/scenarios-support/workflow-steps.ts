import { Session } from '../../support/factories';
import { ApiClient, pdfBytes } from './api-client';

export interface ProgramView {
  id: string;
  status: string;
  policyId: string;
  windowKind?: string;
}

export interface EstimateView {
  applicationId: string;
  applicationDate: string;
  totalFen: number;
  policy: { id: string; hash: string };
  items: Array<{ achievementId: string; itemId: string | null; outcome: string; amountFen: number; basis: string | null; article: string | null }>;
}

export interface SubmissionView {
  applicationId: string;
  status: string;
  submittedAt: string;
  submissionCount: number;
  stageDueOn: string | null;
  estimateTotalFen: number;
}

export interface ApplicationView {
  id: string;
  status: string;
  stageDueOn: string | null;
  districtCode: string;
}

export interface ReviewSettingsBody {
  stages: { formal_check: boolean; district_review: boolean; technical_review: boolean; expert_review: boolean };
  formalCheckWorkingDays: number | null;
  correctionWorkingDays: number;
  panel: null | {
    size: number;
    quorum: number;
    scoringDays: number;
    reminderHoursBefore: number;
    combine: 'mean' | 'median' | 'trimmed_mean' | 'min';
    rubric: { criteria: Array<{ key: string; label: string; maxPoints: number }> };
  };
  publicity: { days: number; unit: 'calendar' | 'working' };
  cityReviewedKinds: string[];
}

export interface ProgramBody {
  year: number;
  title: string;
  policyId: string;
  window: { kind: 'batch' | 'rolling'; opensAt: string; closesAt: string };
  call: { title: string; body: string; materials: Record<string, string[]>; receivingOffice?: string };
  review: ReviewSettingsBody;
  budget: { totalFen: number; rule: 'pro_rata' | 'rank_order'; sources: Array<{ source: string; amountFen: number }> };
}

/** A program officer drafts the program and announces it, both over HTTP. */
export async function draftAndSchedule(api: ApiClient, officer: Session, body: ProgramBody): Promise<ProgramView> {
  const draft = await api.expect<ProgramView>(officer, 201, { method: 'post', path: '/programs', body });
  if (draft.status !== 'draft') throw new Error(`POST /programs answered status ${draft.status}, expected draft`);
  return api.expect<ProgramView>(officer, 200, { method: 'post', path: `/programs/${draft.id}/schedule` });
}

export interface Claim {
  achievements: Array<Record<string, unknown> & { id: string }>;
  /**
   * One evidence file per achievement id: the material's name (as the call lists it). The applicant also uploads every
   * other material the call lists for the achievement's type, as submission refuses an application that lacks one.
   */
  evidence: Record<string, string>;
}

/** Each (achievement, material) pair the applicant uploads: the claim's own files, then the rest of the call's list. */
function materialsToUpload(claim: Claim, required: Record<string, string[]>): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  for (const [achievementId, material] of Object.entries(claim.evidence)) pairs.set(`${achievementId}\u0000${material}`, [achievementId, material]);
  for (const achievement of claim.achievements) {
    for (const material of required[String(achievement.type)] ?? []) pairs.set(`${achievement.id}\u0000${material}`, [achievement.id, material]);
  }
  return [...pairs.values()];
}

export interface DraftedApplication {
  applicationId: string;
  estimate: EstimateView;
}

/**
 * An applicant starts its application, claims achievements, uploads the materials the call lists for each, reads the
 * live estimate and declares the application true: everything before the submit.
 */
export async function prepareApplication(api: ApiClient, applicant: Session, programId: string, claim: Claim): Promise<DraftedApplication> {
  const created = await api.expect<ApplicationView>(applicant, 201, { method: 'post', path: `/programs/${programId}/applications` });
  await api.expect(applicant, 200, { method: 'put', path: `/applications/${created.id}/achievements`, body: { achievements: claim.achievements } });
  const program = await api.expect<{ call: { materials: Record<string, string[]> } }>(applicant, 200, { method: 'get', path: `/programs/${programId}` });
  for (const [achievementId, material] of materialsToUpload(claim, program.call.materials)) {
    await api.expect(applicant, 201, {
      method: 'post',
      path: `/applications/${created.id}/evidence`,
      file: { bytes: pdfBytes(`${material} ${achievementId}`), name: `${material}.pdf`, contentType: 'application/pdf', fields: { achievementId, material } },
    });
  }
  const estimate = await api.expect<EstimateView>(applicant, 200, { method: 'get', path: `/applications/${created.id}/estimate` });
  await api.expect(applicant, 200, {
    method: 'post',
    path: `/applications/${created.id}/declaration`,
    body: { accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' },
  });
  return { applicationId: created.id, estimate };
}

export async function submit(api: ApiClient, applicant: Session, applicationId: string, key: string): Promise<SubmissionView> {
  return api.expect<SubmissionView>(applicant, 200, { method: 'post', path: `/applications/${applicationId}/submit`, headers: { 'Idempotency-Key': key } });
}
