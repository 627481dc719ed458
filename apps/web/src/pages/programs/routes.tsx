import ProjectOutlined from '@ant-design/icons/ProjectOutlined';
import type { RouteDef } from '../../app/route-def';

const OFFICER = ['program_officer'] as const;

export const programRoutes: RouteDef[] = [
  {
    path: '/programs',
    roles: OFFICER,
    title: { zh: '资助项目', en: 'Programs' },
    menu: { order: 10, icon: <ProjectOutlined /> },
    load: () => import('./ProgramsListPage'),
  },
  { path: '/programs/new', roles: OFFICER, title: { zh: '新增项目', en: 'New program' }, load: () => import('./ProgramCreatePage') },
  { path: '/programs/:id', roles: OFFICER, title: { zh: '项目详情', en: 'Program' }, load: () => import('./ProgramPage') },
];
