import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AppConfig } from '@subsidy/config';
import { DashboardTokenCheck, queueDashboardAuth } from './dashboard-auth';
import { QueueDashboardQueues } from './dashboard-queues';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * Mounts Bull Board at /api/admin/queues behind platform-admin authentication. Call it after NestFactory.create and
 * BEFORE app.init(): Nest adds its not-found handler during init, and routes mounted later would never be reached.
 * The application must import QueueModule (it owns the dashboard's Redis connection and closes it on shutdown).
 * `check` completes the token's verification (the API passes its AccessTokenVerifier: user active, sign-in alive).
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig, check?: DashboardTokenCheck): void {
  // Without QueueModule, Nest reports that it "could not find QueueDashboardQueues" (and, by default, exits).
  const queues = app.get(QueueDashboardQueues);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.all().map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express 9.10.1 bundles its own @bull-board/api 9.10.1 next to our 9.10.2; the adapter's shape is the
    // same, only the two copies' private fields make TypeScript treat them as different classes.
    serverAdapter: serverAdapter as unknown as BoardServerAdapter,
    options: { uiConfig: { boardTitle: 'Subsidy Hub queues' } },
  });
  const jwt = new JwtService({ secret: config.auth.jwtSecret });
  app.use(QUEUE_DASHBOARD_PATH, queueDashboardAuth(jwt, QUEUE_DASHBOARD_PATH, config.env === 'production', check), serverAdapter.getRouter());
}
