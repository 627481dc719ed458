import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { isCalendarDate } from '@subsidy/calendar';
import { uuidParam, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AllocationApprovalReference, AllocationApprovalStore } from '../../allocation-approval/allocation-approval-record';
import { DecisionList, DecisionListQuery } from '../../decision/queries/decision-list';
import { ObjectionRecord, ObjectionStore } from '../objection-record';
import { HandOver, HandOverToFinance } from '../use-cases/hand-over-to-finance';
import { OpenedPublicity, OpenPublicity } from '../use-cases/open-publicity';
import { ResolvedObjection, ResolveObjection } from '../use-cases/resolve-objection';
import { ListObjectionsQuery } from './list-objections.query';
import { OpenPublicityDto } from './open-publicity.dto';
import { ResolveObjectionDto } from './resolve-objection.dto';

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
  open(@Param('id', uuidParam('id')) id: string, @Body() body: OpenPublicityDto): Promise<OpenedPublicity> {
    if (!isCalendarDate(body.startsOn)) {
      throw new ValidationFailedError('Invalid request: startsOn', [{ path: 'startsOn', message: `${body.startsOn} is not a calendar date` }]);
    }
    return this.openPublicity.execute({ programId: id, startsOn: body.startsOn });
  }

  @Get('objections')
  async objections(@Query() query: ListObjectionsQuery): Promise<{ items: ObjectionRecord[] }> {
    return { items: await this.transactions.run((manager) => ObjectionStore.list(manager, { status: query.status ?? null })) };
  }

  @Post('objections/:id/resolution')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ResolveObjectionDto): Promise<ResolvedObjection> {
    return this.resolveObjection.execute(actor, { objectionId: id, outcome: body.outcome, explanation: body.explanation, items: body.items });
  }

  @Post('programs/:id/hand-over')
  @HttpCode(200)
  handOverToFinance(@Param('id', uuidParam('id')) id: string): Promise<HandOver> {
    return this.handOver.execute(id);
  }

  @Get('programs/:id/approved-list')
  @Roles('program_officer', 'finance_officer')
  async approvedList(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DecisionList & { allocationApproval: AllocationApprovalReference | null }> {
    // A district-level finance officer gets its district's lines only; city finance and the program office all of them.
    const list = await this.lists.approvedList(actor, id);
    // Finance sees what authorises the payment next to the list (null where the policy requires no higher approval).
    return { ...list, allocationApproval: await this.transactions.run((manager) => AllocationApprovalStore.reference(manager, id)) };
  }
}
