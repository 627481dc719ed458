import AuditOutlined from '@ant-design/icons/AuditOutlined';
import type { RouteDef } from '../../app/route-def';

const REVIEWERS = ['district_reviewer', 'technical_reviewer', 'expert', 'program_officer'] as const;

/** The review stages' screens: my queue, and one application beside its documents with the stage's form. */
export const reviewRoutes: RouteDef[] = [
  { path: '/reviews', roles: REVIEWERS, title: { zh: '待审队列', en: 'Review queue' }, menu: { order: 20, icon: <AuditOutlined /> }, load: () => import('./ReviewQueuePage') },
  { path: '/reviews/:id', roles: REVIEWERS, title: { zh: '审查', en: 'Review' }, load: () => import('./ReviewPage') },
];
