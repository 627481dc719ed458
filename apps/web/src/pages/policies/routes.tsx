import FileTextOutlined from '@ant-design/icons/FileTextOutlined';
import type { RouteDef } from '../../app/route-def';

/** The policy versions of the tenant (read-only), for the program officer. */
export const policyRoutes: RouteDef[] = [
  { path: '/policies', roles: ['program_officer'], title: { zh: '政策版本', en: 'Policy versions' }, menu: { order: 14, icon: <FileTextOutlined /> }, load: () => import('./PoliciesPage') },
];
