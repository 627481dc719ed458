import { api, unwrap } from '../../api/client';
import { itemsPage } from '../programs/api';
import type { ApplicationDetail, ApplicationSummary, EstimateView } from '../programs/types';

/** The review screens' calls, through the typed client (bodies read through ../programs/types and the shapes below). */

export type ReviewStageStatus = 'formal_check' | 'district_review' | 'technical_review' | 'expert_review';

export interface QueueRow extends ApplicationSummary {
  reviewAssigneeId: string | null;
}

export interface MaterialsCheck {
  complete: boolean;
  achievements: Array<{ achievementId: string; type: string; path: string; required: Array<{ material: string; evidenceIds: string[]; present: boolean }>; missing: string[] }>;
}

export type ReviewDetail = ApplicationDetail & { reviewAssigneeId: string | null; materials?: MaterialsCheck };

export interface RubricCriterion {
  key: string;
  label: string;
  /** Hundredths of a point. */
  maxPoints: number;
}

export interface Assignment {
  applicationId: string;
  programId: string;
  programTitle: string;
  applicant: { organizationId: string; name: string };
  status: string;
  round: number;
  dueAt: string;
  rubric: RubricCriterion[];
  items: Array<{ achievementId: string; achievement: Record<string, unknown> & { type: string }; ceilingFen: number; basis: 'fixed' | 'ceiling' }>;
}

export async function fetchQueue(status: ReviewStageStatus, page: number, pageSize: number, sort: string | undefined): Promise<{ rows: QueueRow[]; total: number }> {
  return itemsPage<QueueRow>(
    await api.GET('/api/v1/applications', { params: { query: { status, page, pageSize, sort: (sort ?? 'stageDueOn') as 'stageDueOn' } } }),
  );
}

export async function fetchAssignments(page: number, pageSize: number, status?: 'invited' | 'scored'): Promise<{ rows: Assignment[]; total: number }> {
  return itemsPage<Assignment>(await api.GET('/api/v1/experts/me/assignments', { params: { query: { page, pageSize, ...(status ? { status } : {}) } } }));
}

/** The expert's seat on one application (invited or scored), with the rubric and the item ceilings. */
export async function fetchAssignment(applicationId: string): Promise<Assignment | undefined> {
  const { rows } = await fetchAssignments(1, 200);
  return rows.find((row) => row.applicationId === applicationId);
}

export async function fetchReviewDetail(id: string): Promise<ReviewDetail> {
  return unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) as unknown as ReviewDetail;
}

export async function fetchEstimate(id: string): Promise<EstimateView> {
  return unwrap(await api.GET('/api/v1/applications/{id}/estimate', { params: { path: { id } } })) as unknown as EstimateView;
}

/** Today in China Standard Time as the API's clock reads it (the 工作台's own figure), for 逾期. */
export async function fetchToday(): Promise<string> {
  return (unwrap(await api.GET('/api/v1/me/work')) as unknown as { today: string }).today;
}

export interface MissingMaterial {
  achievementId?: string;
  material: string;
  note?: string;
}

export async function postFormalCheck(id: string, body: { outcome: 'complete' | 'correction' | 'reject'; missing?: MissingMaterial[]; reason?: string }): Promise<ReviewDetail> {
  return unwrap(await api.POST('/api/v1/applications/{id}/formal-check', { params: { path: { id } }, body })) as unknown as ReviewDetail;
}

export async function postDistrictReview(
  id: string,
  body: { outcome: 'forward' | 'return' | 'reject'; reasons?: string[]; missing?: MissingMaterial[]; reason?: string },
): Promise<ReviewDetail> {
  return unwrap(await api.POST('/api/v1/applications/{id}/district-review', { params: { path: { id } }, body })) as unknown as ReviewDetail;
}

export async function putTechnicalOpinion(id: string, achievementId: string, body: { opinion: 'support' | 'reduce' | 'reject'; amountFen?: number; comment: string }): Promise<void> {
  unwrap(await api.PUT('/api/v1/applications/{id}/technical-opinions/{achievementId}', { params: { path: { id, achievementId } }, body }));
}

export async function completeTechnicalReview(id: string): Promise<ReviewDetail> {
  return unwrap(await api.POST('/api/v1/applications/{id}/technical-review/complete', { params: { path: { id } } })) as unknown as ReviewDetail;
}

export async function declareConflict(id: string, reason: string): Promise<void> {
  unwrap(await api.POST('/api/v1/applications/{id}/panel/conflict', { params: { path: { id } }, body: { reason } }));
}

export async function putScore(id: string, body: { scores: Record<string, number>; amounts: Record<string, number>; comment?: string }): Promise<{ scoreTotal: number }> {
  return unwrap(await api.PUT('/api/v1/applications/{id}/panel/score', { params: { path: { id } }, body })) as unknown as { scoreTotal: number };
}

export async function reassign(id: string, body: { assigneeId: string; reason: string }): Promise<void> {
  unwrap(await api.POST('/api/v1/applications/{id}/reassign', { params: { path: { id } }, body }));
}

export interface Reviewer {
  id: string;
  displayName: string;
  role: string;
  districtCode: string | null;
  districtName: string | null;
}

/** The tenant's active reviewers of a role, by name, to hand a pending review to. */
export async function fetchReviewers(role: 'district_reviewer' | 'technical_reviewer'): Promise<Reviewer[]> {
  return itemsPage<Reviewer>(await api.GET('/api/v1/reviewers', { params: { query: { role, pageSize: 200 } } })).rows;
}
