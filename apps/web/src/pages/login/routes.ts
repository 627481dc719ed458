import type { RouteDef } from '../../app/route-def';

export const loginRoutes: RouteDef[] = [
  { path: '/login', public: true, title: { zh: '登录', en: 'Sign in' }, load: () => import('./LoginPage') },
];
