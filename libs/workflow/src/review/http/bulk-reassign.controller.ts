import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@subsidy/auth';
import { prefersEnglish } from '@subsidy/common';
import { BulkReassignOutcome, BulkReassignReview } from '../use-cases/bulk-reassign-review';
import { BulkReassignDto } from './dto/bulk-reassign.dto';
import { BulkReassignResponse } from './review-responses';

/** Registered before ReviewStagesController: otherwise `applications/:id/reassign` would take "bulk" for an id. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('applications/bulk')
export class BulkReassignController {
  constructor(private readonly bulkReassign: BulkReassignReview) {}

  @Post('reassign')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({
    summary: '批量分配: hands the pending district or technical review of each application to one reviewer, with one reason; each is audited and told as a single reassignment, and the answer reports each one',
  })
  @ApiOkResponse({ type: BulkReassignResponse })
  async reassign(@Body() body: BulkReassignDto, @Req() request: Request): Promise<{ items: BulkReassignOutcome[] }> {
    // Each refusal in the reader's language, as the error filter words a single one (Accept-Language).
    const items = await this.bulkReassign.execute(body, prefersEnglish(request.headers['accept-language']) ? 'en' : 'zh');
    return { items };
  }
}
