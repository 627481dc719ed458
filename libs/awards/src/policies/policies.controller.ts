import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTotalCount, pageWindow, withTotalCount } from '@subsidy/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPolicyVersions, PolicyVersionView } from './list-policy-versions';
import { PolicyVersionListDto } from './policy-version.dto';
import { ListPoliciesQuery, POLICY_SORT } from './list-policies.query';

/** Policy texts are public documents: every signed-in user of the tenant may see which versions exist and when. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly listPolicyVersions: ListPolicyVersions) {}

  @Get()
  @ApiOperation({ summary: "The tenant's policy versions: validity, whether in force today, and the procedure each text lays down" })
  @ApiTotalCount('One page of the versions; X-Total-Count: all that match')
  @ApiOkResponse({ type: PolicyVersionListDto, description: 'Oldest first' })
  list(@Query() query: ListPoliciesQuery, @Res({ passthrough: true }) response: Response): { items: PolicyVersionView[] } {
    // The versions come from the policy files, in memory by nature (a handful per tenant): filtered, sorted and sliced here.
    const matching = this.listPolicyVersions.execute().filter((v) => query.inForce === undefined || v.inForce === (query.inForce === 'true'));
    const compare = POLICY_SORT.compare<PolicyVersionView>(query.sort, (view, field) => view[field]);
    const sorted = compare ? [...matching].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : matching;
    const { limit, offset } = pageWindow(query);
    return { items: withTotalCount(response, { rows: sorted.slice(offset, offset + limit), total: matching.length }) };
  }
}
