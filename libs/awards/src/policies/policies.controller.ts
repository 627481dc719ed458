import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPolicyVersions, PolicyVersionView } from './list-policy-versions';

/** Policy texts are public documents: every signed-in user of the tenant may see which versions exist and when. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly listPolicyVersions: ListPolicyVersions) {}

  @Get()
  @ApiOperation({ summary: "The tenant's policy versions: validity, whether in force today, and the procedure each text lays down" })
  @ApiOkResponse({ description: '{ items: PolicyVersionView[] }, oldest first' })
  list(): { items: PolicyVersionView[] } {
    return { items: this.listPolicyVersions.execute() };
  }
}
