import type { RouteDef } from '../../app/route-def';

/** My notifications, opened from the bell in the header (no menu entry). */
export const notificationRoutes: RouteDef[] = [
  { path: '/notifications', title: { zh: '通知', en: 'Notifications' }, load: () => import('./NotificationsPage') },
];
