import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTotalCount, pageWindow, withTotalCount } from '@subsidy/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditChainCheckView, ListAuditChainChecks } from '@subsidy/audit';
import { Roles } from '@subsidy/auth';
import { ListChainChecksQuery } from './list-chain-checks.query';
import { AuditChainCheckListDto } from './audit-chain-check.dto';

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
  @ApiTotalCount('One page of the checks; X-Total-Count: all that match', AuditChainCheckListDto)
  async list(@Query() query: ListChainChecksQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: AuditChainCheckView[] }> {
    // Without page/pageSize the first `limit` (default 30) days, as before paging.
    const window = query.page === undefined && query.pageSize === undefined ? { limit: query.limit ?? DEFAULT_LIMIT, offset: 0 } : pageWindow(query);
    const ok = query.ok === undefined ? undefined : query.ok === 'true';
    const page = await this.checks.page({ ok, oldestFirst: query.sort === 'checkedOn', ...window });
    return { items: withTotalCount(response, page) };
  }
}
