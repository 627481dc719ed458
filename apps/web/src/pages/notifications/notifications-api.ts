import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type NotificationRow = components['schemas']['NotificationDto'];

function totalOf(response: Response, fallback: number): number {
  const header = response.headers.get('X-Total-Count');
  return header !== null && /^\d+$/.test(header) ? Number(header) : fallback;
}

/** One page of my notifications, newest first (or oldest first), all or only unread; the total from X-Total-Count. */
export async function fetchNotifications(params: { page: number; pageSize: number; sort?: string; unread?: boolean }): Promise<{ rows: NotificationRow[]; total: number }> {
  const sort = params.sort === 'createdAt' || params.sort === '-createdAt' ? params.sort : undefined;
  const outcome = await api.GET('/api/v1/notifications', {
    params: { query: { page: params.page, pageSize: params.pageSize, ...(sort ? { sort } : {}), ...(params.unread ? { unread: 'true' as const } : {}) } },
  });
  const rows = unwrap(outcome).items;
  return { rows, total: totalOf(outcome.response, rows.length) };
}

/** How many of my notifications are unread (X-Total-Count of a one-row page). */
export async function fetchUnreadCount(): Promise<number> {
  const outcome = await api.GET('/api/v1/notifications', { params: { query: { unread: 'true', pageSize: 1, page: 1 } } });
  return totalOf(outcome.response, unwrap(outcome).items.length);
}

export async function markRead(id: string): Promise<void> {
  unwrap(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
}

export async function markAllRead(): Promise<number> {
  return unwrap(await api.POST('/api/v1/notifications/read-all')).marked;
}
