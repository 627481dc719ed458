import type { RouteDef } from '../../app/route-def';

const OFFICER = ['program_officer'] as const;

/** The program officer's decision (决定) and publicity (公示, 异议, 移交财政) screens of one program. */
export const decisionRoutes: RouteDef[] = [
  { path: '/programs/:id/decision', roles: OFFICER, title: { zh: '资助决定', en: 'Decision' }, load: () => import('./DecisionPage') },
  { path: '/programs/:id/publicity', roles: OFFICER, title: { zh: '公示与移交', en: 'Publicity and hand-over' }, load: () => import('./PublicityPage') },
];
