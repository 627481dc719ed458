import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type MyWork = components['schemas']['MyWorkResponse'];
export type WorkGroup = components['schemas']['WorkGroupResponse'];
export type WorkItem = components['schemas']['WorkItemResponse'];

/** GET /me/work: what waits for the signed-in user, grouped, counted and ordered by due date (overdue first). */
export async function fetchMyWork(): Promise<MyWork> {
  return unwrap(await api.GET('/api/v1/me/work'));
}

const REVIEW_KINDS = new Set(['district_reviews', 'technical_reviews', 'expert_assignments']);
const FINANCE_KINDS = new Set(['programs_to_take_in', 'shares_to_approve', 'batch_lines_to_confirm']);
const APPLICANT_KINDS = new Set(['drafts_to_submit', 'corrections_requested', 'decided_awards']);

/** The screen that opens an item of a group. */
export function itemPath(kind: string, item: Pick<WorkItem, 'entity' | 'id'>): string {
  if (FINANCE_KINDS.has(kind)) return '/finance';
  if (item.entity === 'organization') return '/registrations';
  if (item.entity === 'policy_version') return `/policies/versions/${item.id}`;
  if (item.entity === 'program') return `/programs/${item.id}`;
  if (REVIEW_KINDS.has(kind)) return `/reviews/${item.id}`;
  if (APPLICANT_KINDS.has(kind)) return `/my/applications/${item.id}`;
  return `/applications/${item.id}`;
}
