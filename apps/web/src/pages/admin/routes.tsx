import TeamOutlined from '@ant-design/icons/TeamOutlined';
import type { RouteDef } from '../../app/route-def';

/** The tenant administrator's screens: the staff accounts of the tenant. */
export const adminRoutes: RouteDef[] = [
  { path: '/admin/users', roles: ['tenant_admin'], title: { zh: '用户管理', en: 'Users' }, menu: { order: 80, icon: <TeamOutlined /> }, load: () => import('./UsersPage') },
];
