import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { isCalendarDate } from '@subsidy/calendar';
import { ApiTotalCount, PageQuery, pageOfRows, pageWindow, uuidParam, ValidationFailedError, withTotalCount } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AllocationApprovalReference, AllocationApprovalStore } from '../../allocation-approval/allocation-approval-record';
import { DecisionList, DecisionListQuery } from '../../decision/queries/decision-list';
import { ObjectionRecord, ObjectionStore } from '../objection-record';
import { HandOver, HandOverToFinance } from '../use-cases/hand-over-to-finance';
import { OpenedPublicity, OpenPublicity } from '../use-cases/open-publicity';
import { ResolvedObjection, ResolveObjection } from '../use-cases/resolve-objection';
import { ListObjectionsQuery, OBJECTION_SORT } from './list-objections.query';
import { OpenPublicityDto } from './open-publicity.dto';
import { ResolveObjectionDto } from './resolve-objection.dto';
import { HandOverResponse, ObjectionListResponse, OpenedPublicityResponse, ResolvedObjectionResponse } from './publicity-responses';
import { ApprovedListResponse } from '../../decision/http/decision-responses';

@ApiTags('publicity')
@ApiBearerAuth()
@Controller()
@Roles('program_officer')
export class PublicityController {
  constructor(
    private readonly openPublicity: OpenPublicity,
    private readonly resolveObjection: ResolveObjection,
    private readonly handOver: HandOverToFinance,
    private readonly lists: DecisionListQuery,
    private readonly transactions: TenantTransactions,
  ) {}

  @Post('programs/:id/publicity')
  @ApiCreatedResponse({ type: OpenedPublicityResponse })
  open(@Param('id', uuidParam('id')) id: string, @Body() body: OpenPublicityDto): Promise<OpenedPublicity> {
    if (!isCalendarDate(body.startsOn)) {
      throw new ValidationFailedError({ zh: '公示开始日期格式有误', en: 'Invalid request: startsOn' }, [
        { path: 'startsOn', message: `${body.startsOn} is not a calendar date`, messageZh: '须为日期（年-月-日）' },
      ]);
    }
    return this.openPublicity.execute({ programId: id, startsOn: body.startsOn });
  }

  @Get('objections')
  @ApiTotalCount('One page of the objections; X-Total-Count: all that match', ObjectionListResponse)
  async objections(@Query() query: ListObjectionsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ObjectionRecord[] }> {
    const filter = { status: query.status, publicityId: query.publicityId, applicationId: query.applicationId, orderBy: OBJECTION_SORT.orderBy(query.sort), ...pageWindow(query) };
    return { items: withTotalCount(response, await this.transactions.run((manager) => ObjectionStore.page(manager, filter))) };
  }

  @Post('objections/:id/resolution')
  @HttpCode(200)
  @ApiOkResponse({ type: ResolvedObjectionResponse })
  resolve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ResolveObjectionDto): Promise<ResolvedObjection> {
    return this.resolveObjection.execute(actor, { objectionId: id, outcome: body.outcome, explanation: body.explanation, items: body.items });
  }

  @Post('programs/:id/hand-over')
  @HttpCode(200)
  @ApiOkResponse({ type: HandOverResponse })
  handOverToFinance(@Param('id', uuidParam('id')) id: string): Promise<HandOver> {
    return this.handOver.execute(id);
  }

  @Get('programs/:id/approved-list')
  @Roles('program_officer', 'finance_officer')
  @ApiTotalCount('The approved list with one page of its applications (without page and pageSize: all of them); X-Total-Count: all of them')
  @ApiOkResponse({ type: ApprovedListResponse })
  async approvedList(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionList & { allocationApproval: AllocationApprovalReference | null }> {
    // A district-level finance officer gets its district's lines only; city finance and the program office all of them.
    const list = await this.lists.approvedList(actor, id);
    // Finance sees what authorises the payment next to the list (null where the policy requires no higher approval).
    const applications = withTotalCount(response, pageOfRows(list.applications, query));
    return { ...list, applications, allocationApproval: await this.transactions.run((manager) => AllocationApprovalStore.reference(manager, id)) };
  }
}
