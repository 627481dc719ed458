import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditChainCheckView, ListAuditChainChecks } from '@subsidy/audit';
import { Roles } from '@subsidy/auth';
import { ListChainChecksQuery } from './list-chain-checks.query';

const DEFAULT_LIMIT = 30;

/**
 * The nightly audit-chain checks of the acting tenant (a platform administrator names one with X-Tenant-Id). Lives in
 * the API app rather than @subsidy/audit because @subsidy/auth depends on @subsidy/audit, not the other way round.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditChainChecksController {
  constructor(private readonly checks: ListAuditChainChecks) {}

  @Get('chain-checks')
  @Roles('program_officer', 'platform_admin')
  async list(@Query() query: ListChainChecksQuery): Promise<{ items: AuditChainCheckView[] }> {
    return { items: await this.checks.list(query.limit ?? DEFAULT_LIMIT) };
  }
}
