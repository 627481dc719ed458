import FileTextOutlined from '@ant-design/icons/FileTextOutlined';
import type { RouteDef } from '../../app/route-def';

/** The policy versions of the tenant: those in force, and the drafts officers write, test, simulate and review. */
export const policyRoutes: RouteDef[] = [
  { path: '/policies', roles: ['program_officer'], title: { zh: '政策版本', en: 'Policy versions' }, menu: { order: 14, icon: <FileTextOutlined /> }, load: () => import('./PolicyListPage') },
  { path: '/policies/versions/:id', roles: ['program_officer'], title: { zh: '政策版本详情', en: 'Policy version' }, load: () => import('./PolicyVersionPage') },
];
