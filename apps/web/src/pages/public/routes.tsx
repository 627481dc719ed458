import type { RouteDef } from '../../app/route-def';

/** The 公示 pages: anyone may read them and object, without signing in. */
export const publicRoutes: RouteDef[] = [
  { path: '/public', public: true, title: { zh: '公示', en: 'Public notices' }, load: () => import('./PublicTenantsPage') },
  { path: '/public/:tenantId', public: true, title: { zh: '公示列表', en: 'Notices' }, load: () => import('./PublicPublicitiesPage') },
  { path: '/public/:tenantId/publicities/:id', public: true, title: { zh: '公示详情', en: 'Notice' }, load: () => import('./PublicityDetailPage') },
];
