import { Module } from '@nestjs/common';
import { CheckAuditChain } from './check-audit-chain';
import { ListAuditChainChecks } from './list-audit-chain-checks';

/**
 * The nightly audit-chain check's use cases: the worker's `maintenance/audit.verify-chain` handler runs CheckAuditChain,
 * the API lists results. Kept out of AuditModule because it needs DatabaseModule and ClockModule (both global), which
 * not every user of AuditLog has.
 */
@Module({ providers: [CheckAuditChain, ListAuditChainChecks], exports: [CheckAuditChain, ListAuditChainChecks] })
export class AuditChainChecksModule {}
