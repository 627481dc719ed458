import { Module } from '@nestjs/common';
import { AuditChainChecksModule } from '@subsidy/audit';
import { AuditChainChecksController } from './audit-chain-checks.controller';

/** HTTP surface of the audit trail's integrity checks (GET /api/v1/audit/chain-checks). */
@Module({ imports: [AuditChainChecksModule], controllers: [AuditChainChecksController] })
export class AuditHttpModule {}
