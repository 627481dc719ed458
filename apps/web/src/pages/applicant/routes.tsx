import FileDoneOutlined from '@ant-design/icons/FileDoneOutlined';
import FormOutlined from '@ant-design/icons/FormOutlined';
import type { RouteDef } from '../../app/route-def';

const APPLICANT = ['applicant'] as const;

/** The applicant's screens: registration (public), the programs open to it, its applications. */
export const applicantRoutes: RouteDef[] = [
  { path: '/register', public: true, title: { zh: '单位注册', en: 'Register an organization' }, load: () => import('./RegisterPage') },
  { path: '/apply', roles: APPLICANT, title: { zh: '可申报项目', en: 'Open programs' }, menu: { order: 10, icon: <FormOutlined /> }, load: () => import('./OpenProgramsPage') },
  { path: '/my/applications', roles: APPLICANT, title: { zh: '我的申报', en: 'My applications' }, menu: { order: 11, icon: <FileDoneOutlined /> }, load: () => import('./MyApplicationsPage') },
  { path: '/my/applications/:id', roles: APPLICANT, title: { zh: '申报详情', en: 'Application' }, load: () => import('./ApplicationPage') },
];
