import { Module } from '@nestjs/common';
import { VerifyAuditChainHandler } from './verify-audit-chain.handler';

/** Handlers of the `maintenance` queue; needs AuditModule (global) in the application. */
@Module({ providers: [VerifyAuditChainHandler] })
export class MaintenanceJobsModule {}
