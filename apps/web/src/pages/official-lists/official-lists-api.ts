import { api, unwrap, unwrapPage } from '../../api/client';
import type { operations } from '../../api/schema';
import type { Schemas } from '../../api/types';

/** The official-list screens' calls, through the typed client (lists answer `{ items }`, the total in X-Total-Count). */

export type ListKind = Schemas['PreviewDto']['kind'];
export type OfficialList = Schemas['OfficialListDto'];
export type ListPreview = Schemas['PreviewDto'];
export type ListRow = Schemas['ListRowDto'];
export type ReviewRow = Schemas['ReviewRowDto'];
export type RowStatus = NonNullable<NonNullable<operations['OfficialListsController_rows']['parameters']['query']>['status']>;
export type ListSort = NonNullable<operations['OfficialListsController_list']['parameters']['query']>['sort'];
export type RowSort = NonNullable<operations['OfficialListsController_rows']['parameters']['query']>['sort'];

export const LIST_KINDS: readonly ListKind[] = ['leader_list', 'published_standard', 'good_conduct_certificate', 'tc_secretariat', 'innovation_award'];
export const ROW_STATUSES: readonly RowStatus[] = ['matched', 'review', 'unregistered', 'rejected', 'dismissed'];

/**
 * The multipart body: openapi-typescript types a binary part as `string`, so the File goes in through the serializer
 * (the client then lets the browser set the multipart boundary, and the session's middleware still applies).
 */
function multipart(file: File, fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

export async function previewList(kind: ListKind, file: File): Promise<ListPreview> {
  return unwrap(
    await api.POST('/api/v1/official-lists/preview', {
      body: { kind, file: file.name },
      bodySerializer: () => multipart(file, { kind }),
    }),
  );
}

export interface ImportFields {
  kind: ListKind;
  title: string;
  sourceRef: string;
  listDate: string;
}

export async function importList(fields: ImportFields, file: File): Promise<{ id: string; created: boolean }> {
  return unwrap(
    await api.POST('/api/v1/official-lists', {
      body: { ...fields, file: file.name },
      bodySerializer: () => multipart(file, { ...fields }),
    }),
  );
}

export async function fetchLists(query: { page: number; pageSize: number; sort?: ListSort; kind?: ListKind }): Promise<{ rows: OfficialList[]; total: number }> {
  return unwrapPage(await api.GET('/api/v1/official-lists', { params: { query } }));
}

export async function fetchList(id: string): Promise<OfficialList> {
  return unwrap(await api.GET('/api/v1/official-lists/{id}', { params: { path: { id } } }));
}

export async function fetchRows(id: string, query: { page: number; pageSize: number; sort?: RowSort; status?: RowStatus }): Promise<{ rows: ListRow[]; total: number }> {
  return unwrapPage(await api.GET('/api/v1/official-lists/{id}/rows', { params: { path: { id }, query } }));
}

export async function fetchReviewQueue(query: { page: number; pageSize: number }): Promise<{ rows: ReviewRow[]; total: number }> {
  return unwrapPage(await api.GET('/api/v1/official-lists/review-queue', { params: { query } }));
}

export type Resolution = { organizationId: string; reason: string } | { reject: true; reason: string };

export async function resolveRow(rowId: string, body: Resolution): Promise<ListRow> {
  return unwrap(await api.POST('/api/v1/official-lists/rows/{rowId}/resolve', { params: { path: { rowId } }, body }));
}
