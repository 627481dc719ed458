import { Module } from '@nestjs/common';
import { AuditChainChecksModule } from '@subsidy/audit';
import { NotificationsModule } from '@subsidy/notifications';
import { AuditChainCheckHandler } from './audit-chain-check.handler';
import { AuditChainSchedule } from './audit-chain-schedule';

/**
 * The worker's maintenance queue: the nightly audit-chain check (its schedule and its handler). Replaces
 * `MaintenanceJobsModule` of @subsidy/queue in the worker, whose handler only records the outcome in the chain; this
 * one also stores it in audit_chain_checks and alerts, which needs notifications (a library @subsidy/queue cannot use).
 * Needs ConfigModule, ClockModule, DatabaseModule, AuditModule and QueueModule (all global).
 */
@Module({ imports: [AuditChainChecksModule, NotificationsModule], providers: [AuditChainCheckHandler, AuditChainSchedule], exports: [AuditChainSchedule] })
export class AuditMaintenanceModule {}
