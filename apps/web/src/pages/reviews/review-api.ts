import { api, unwrap, unwrapPage } from '../../api/client';
import type { ApplicationDetail, ApplicationListQuery, ApplicationSummary, EstimateView, ReviewStage, Schemas } from '../../api/types';

/** The review screens' calls, through the typed client; the shapes are the API's own (api/types.ts). */

export type ReviewStageStatus = ReviewStage;

/** A row of a reviewer's queue: the API's application summary (it carries reviewAssigneeId). */
export type QueueRow = ApplicationSummary;
export type MaterialsCheck = Schemas['MaterialsCheckView'];
/** The application as a reviewer reads it (GET /applications/:id: with the materials check and reviewAssigneeId). */
export type ReviewDetail = ApplicationDetail;
export type RubricCriterion = Schemas['RubricCriterionDto'];
/**
 * An expert's seat. The API sends each item's whole achievement, `type` included; the generator drops a discriminator
 * from an `allOf` reference (Omit<Achievement, 'type'>), so the item's achievement is named by the Achievement union.
 */
export type Assignment = Omit<Schemas['AssignmentResponse'], 'items'> & {
  items: Array<Omit<Schemas['AssignmentItemResponse'], 'achievement'> & { achievement: Schemas['Achievement'] }>;
};
/** What a review step answers: the application's record after the step. */
export type ApplicationRecord = Schemas['ApplicationRecordDto'];
export type ScoreResult = Schemas['ScoreResponse'];

export async function fetchQueue(status: ReviewStageStatus, page: number, pageSize: number, sort: string | undefined): Promise<{ rows: QueueRow[]; total: number }> {
  return unwrapPage(
    await api.GET('/api/v1/applications', { params: { query: { status, page, pageSize, sort: (sort ?? 'stageDueOn') as ApplicationListQuery['sort'] } } }),
  );
}

export async function fetchAssignments(page: number, pageSize: number, status?: 'invited' | 'scored'): Promise<{ rows: Assignment[]; total: number }> {
  const answer = unwrapPage(await api.GET('/api/v1/experts/me/assignments', { params: { query: { page, pageSize, ...(status ? { status } : {}) } } }));
  return { rows: answer.rows as Assignment[], total: answer.total };
}

/** The expert's seat on one application (invited or scored), with the rubric and the item ceilings. */
export async function fetchAssignment(applicationId: string): Promise<Assignment | undefined> {
  const { rows } = await fetchAssignments(1, 200);
  return rows.find((row) => row.applicationId === applicationId);
}

export async function fetchReviewDetail(id: string): Promise<ReviewDetail> {
  return unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } }));
}

export async function fetchEstimate(id: string): Promise<EstimateView> {
  return unwrap(await api.GET('/api/v1/applications/{id}/estimate', { params: { path: { id } } }));
}

/** Today in China Standard Time as the API's clock reads it (the 工作台's own figure), for 逾期. */
export async function fetchToday(): Promise<string> {
  return unwrap(await api.GET('/api/v1/me/work')).today;
}

export interface MissingMaterial {
  achievementId?: string;
  material: string;
  note?: string;
}

export async function postFormalCheck(id: string, body: { outcome: 'complete' | 'correction' | 'reject'; missing?: MissingMaterial[]; reason?: string }): Promise<ApplicationRecord> {
  return unwrap(await api.POST('/api/v1/applications/{id}/formal-check', { params: { path: { id } }, body }));
}

export async function postDistrictReview(
  id: string,
  body: { outcome: 'forward' | 'return' | 'reject'; reasons?: string[]; missing?: MissingMaterial[]; reason?: string },
): Promise<ApplicationRecord> {
  return unwrap(await api.POST('/api/v1/applications/{id}/district-review', { params: { path: { id } }, body }));
}

export async function putTechnicalOpinion(id: string, achievementId: string, body: { opinion: 'support' | 'reduce' | 'reject'; amountFen?: number; comment: string }): Promise<void> {
  unwrap(await api.PUT('/api/v1/applications/{id}/technical-opinions/{achievementId}', { params: { path: { id, achievementId } }, body }));
}

export async function completeTechnicalReview(id: string): Promise<ApplicationRecord> {
  return unwrap(await api.POST('/api/v1/applications/{id}/technical-review/complete', { params: { path: { id } } }));
}

export async function declareConflict(id: string, reason: string): Promise<void> {
  unwrap(await api.POST('/api/v1/applications/{id}/panel/conflict', { params: { path: { id } }, body: { reason } }));
}

/** 无利益冲突声明: recorded by the API (once, audited); the documents and the score sheet open after it. */
export async function declareNoConflict(id: string): Promise<void> {
  unwrap(await api.POST('/api/v1/applications/{id}/expert-declaration', { params: { path: { id } }, body: { noConflict: true } }));
}

export async function putScore(id: string, body: { scores: Record<string, number>; amounts: Record<string, number>; comment?: string }): Promise<ScoreResult> {
  return unwrap(await api.PUT('/api/v1/applications/{id}/panel/score', { params: { path: { id } }, body }));
}

export async function reassign(id: string, body: { assigneeId: string; reason: string }): Promise<void> {
  unwrap(await api.POST('/api/v1/applications/{id}/reassign', { params: { path: { id } }, body }));
}

export type Reviewer = Schemas['ReviewerResponse'];

/** The tenant's active reviewers of a role, by name, to hand a pending review to. */
export async function fetchReviewers(role: 'district_reviewer' | 'technical_reviewer'): Promise<Reviewer[]> {
  return unwrapPage(await api.GET('/api/v1/reviewers', { params: { query: { role, pageSize: 200 } } })).rows;
}
