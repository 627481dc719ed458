import { api, downloadFile, unwrap } from '../../api/client';
import type { Schemas } from '../../api/types';

/** The officer's bulk actions on a program's applications, through the typed client. */

export type BulkOutcome = Schemas['BulkOutcomeResponse'];

/** 批量分配: one outcome per application, in the order given (each reassigned and audited as a single one). */
export async function bulkReassign(body: { applicationIds: string[]; assigneeId: string; reason: string }): Promise<BulkOutcome[]> {
  return unwrap(await api.POST('/api/v1/applications/bulk/reassign', { body })).items;
}

/** 批量导出: the program's applications as on the list (its filters and sort), or only the selected ones, as xlsx. */
export async function exportApplications(programId: string, query: { status?: string; q?: string; sort?: string; ids?: string[] }, fallbackName: string): Promise<void> {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.q) search.set('q', query.q);
  if (query.sort) search.set('sort', query.sort);
  if (query.ids && query.ids.length > 0) search.set('ids', query.ids.join(','));
  const suffix = search.toString();
  await downloadFile(`/api/v1/programs/${encodeURIComponent(programId)}/applications/export${suffix ? `?${suffix}` : ''}`, fallbackName);
}
