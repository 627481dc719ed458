import { homeRoutes } from '../pages/home/routes';
import { loginRoutes } from '../pages/login/routes';
import { publicRoutes } from '../pages/public/routes';
import { financeRoutes } from '../pages/finance/routes';
import { programRoutes } from '../pages/programs/routes';
import { applicationRoutes } from '../pages/applications/routes';
import { applicantRoutes } from '../pages/applicant/routes';
import { notificationRoutes } from '../pages/notifications/routes';
import { reviewRoutes } from '../pages/reviews/routes';
import { decisionRoutes } from '../pages/decision/routes';
import { policyRoutes } from '../pages/policies/routes';
import { adminRoutes } from '../pages/admin/routes';
import { officialListRoutes } from '../pages/official-lists/routes';
import type { RouteDef } from './route-def';

/** Every feature's screens; a feature adds one import and one spread here. */
export const ROUTES: RouteDef[] = [...loginRoutes, ...homeRoutes, ...publicRoutes, ...financeRoutes, ...programRoutes, ...applicationRoutes, ...applicantRoutes, ...notificationRoutes, ...reviewRoutes, ...decisionRoutes, ...policyRoutes, ...adminRoutes, ...officialListRoutes];
