import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, uuidParam, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { ApplicationAuditTrail, AuditTrailEntry } from '../use-cases/application-audit-trail';

export class AuditTrailEntryDto {
  @ApiProperty({ pattern: '^[0-9]+$', example: '1042', description: "Position in the tenant's audit hash chain (bigint as a decimal string)" })
  declare seq: string;

  @ApiProperty({ format: 'date-time' })
  declare occurredAt: string;

  @ApiProperty({ example: 'application.formal-check-passed', description: 'What happened: application.<verb>' })
  declare action: string;

  @ApiProperty({ example: 'user', description: 'user, or system for a job' })
  declare actorKind: string;

  @ApiProperty({ type: String, nullable: true, example: 'program_officer' })
  declare actorRole: string | null;

  @ApiProperty({ type: String, nullable: true, example: '王主管', description: "The acting user's display name; null for the system" })
  declare actorName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why, in the actor’s words or the rule’s' })
  declare reason: string | null;
}

export class AuditTrailListDto {
  @ApiProperty({ type: () => [AuditTrailEntryDto] })
  declare items: AuditTrailEntryDto[];
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationAuditController {
  constructor(private readonly trail: ApplicationAuditTrail) {}

  @Get('applications/:id/audit-trail')
  @Roles('program_officer')
  @ApiOperation({ summary: "The application's audit trail, oldest first: what happened, when, by whom and why (program officers)" })
  @ApiTotalCount("All the application's audit records (tens at most, not paged); X-Total-Count: how many")
  @ApiOkResponse({ type: AuditTrailListDto })
  async list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) response: Response): Promise<{ items: AuditTrailEntry[] }> {
    const items = await this.trail.list(actor, id);
    return { items: withTotalCount(response, { rows: items, total: items.length }) };
  }
}
