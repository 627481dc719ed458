import type { RouteDef } from '../../app/route-def';

export const applicationRoutes: RouteDef[] = [
  { path: '/applications/:id', roles: ['program_officer'], title: { zh: '申报详情', en: 'Application' }, load: () => import('./ApplicationDetailPage') },
];
