import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AllocationApprovalReferenceResponse } from '../../decision/http/decision-responses';
import { CallDto } from '../dto/call.dto';
import { ReviewSettingsDto } from '../dto/review-settings.dto';

/**
 * OpenAPI documentation of the programs endpoints' answers (ProgramView, ProgramTemplate): never instantiated, only
 * read by the document builder, so each field says exactly what program-view.ts and procedure-template.ts return.
 */
export const PROGRAM_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'decided', 'publicized', 'handed_over', 'cancelled'] as const;

export class ProgramWindowView {
  @ApiProperty({ enum: ['batch', 'rolling'], enumName: 'CallKind' })
  declare kind: 'batch' | 'rolling';

  @ApiProperty({ format: 'date-time', example: '2024-03-01T01:00:00.000Z' })
  declare opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2024-03-31T09:00:00.000Z' })
  declare closesAt: string;
}

export class FundingSourceView {
  @ApiProperty({ example: 'district:371002', description: "'city', 'matching' or 'district:<district code>'" })
  declare source: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen (1 yuan = 100 fen)', example: 50_000_000 })
  declare amountFen: number;
}

export class ProgramBudgetView {
  @ApiProperty({ type: 'integer', description: 'Integer fen (1 yuan = 100 fen)', example: 100_000_000 })
  declare totalFen: number;

  @ApiProperty({ enum: ['pro_rata', 'rank_order'], enumName: 'BudgetRule' })
  declare rule: 'pro_rata' | 'rank_order';

  @ApiProperty({ type: () => [FundingSourceView] })
  declare sources: FundingSourceView[];
}

export class ProcedureCitationView {
  @ApiProperty({ description: 'JSON path of the program setting, or procedure.<rule> for a rule enforced elsewhere', example: 'review.publicity' })
  declare path: string;

  @ApiProperty({ example: '第十九条' })
  declare article: string;

  @ApiProperty({ description: 'The policy text', example: '天津市标准化资助办法' })
  declare source: string;

  @ApiProperty({ description: 'What the text requires, in words', example: 'publicity of 15 days' })
  declare requirement: string;
}

export class ProgramProcedureView {
  @ApiProperty({ format: 'date', example: '2021-08-29', description: 'CST calendar date the text takes effect' })
  declare effectiveFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-08-28', description: 'null = open-ended' })
  declare effectiveTo: string | null;

  @ApiProperty({ type: () => [ProcedureCitationView] })
  declare citations: ProcedureCitationView[];
}

/** A program as the API shows it (program-view.ts); money in integer fen. */
export class ProgramViewDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ example: 'tianjin' })
  declare tenantId: string;

  @ApiProperty({ type: 'integer', example: 2024 })
  declare year: number;

  @ApiProperty({ example: '2024年度标准化资助项目' })
  declare title: string;

  @ApiProperty({ example: 'tianjin-2021' })
  declare policyId: string;

  @ApiProperty({ description: 'Hash of the policy version the program was configured with' })
  declare policyHash: string;

  @ApiProperty({ enum: PROGRAM_STATUSES, enumName: 'ProgramStatus' })
  declare status: (typeof PROGRAM_STATUSES)[number];

  @ApiProperty({ type: () => ProgramWindowView })
  declare window: ProgramWindowView;

  @ApiProperty({ type: () => CallDto })
  declare call: CallDto;

  @ApiProperty({ type: () => ReviewSettingsDto })
  declare review: ReviewSettingsDto;

  @ApiProperty({ type: () => ProgramBudgetView })
  declare budget: ProgramBudgetView;

  @ApiProperty({ type: 'integer', description: 'Optimistic-lock version, +1 per change', example: 1 })
  declare version: number;

  @ApiProperty({ type: () => ProgramProcedureView, nullable: true, description: 'null when the text changed since the program was configured' })
  declare procedure: ProgramProcedureView | null;
}

/** GET /programs/:id: the program and, once recorded, the higher authority's approval of its allocation. */
export class ProgramDetailDto extends ProgramViewDto {
  @ApiProperty({ type: () => AllocationApprovalReferenceResponse, nullable: true, description: 'null until an approval is recorded' })
  declare allocationApproval: AllocationApprovalReferenceResponse | null;
}

export class ProgramListDto {
  @ApiProperty({ type: () => [ProgramViewDto] })
  declare items: ProgramViewDto[];
}

export class PolicyValidityView {
  @ApiProperty({ example: 'tianjin-2021' })
  declare id: string;

  @ApiProperty({ example: '天津市标准化资助办法' })
  declare title: string;

  @ApiProperty({ format: 'date', example: '2021-08-29' })
  declare effectiveFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null = open-ended' })
  declare effectiveTo: string | null;
}

export class MonthDayRangeView {
  @ApiProperty({ example: '01-01', description: 'MM-DD' })
  declare from: string;

  @ApiProperty({ example: '09-30', description: 'MM-DD' })
  declare to: string;
}

export class TemplateWindowView {
  @ApiProperty({ enum: ['batch', 'rolling'], enumName: 'CallKind', description: 'The first kind the text allows (batch when silent)' })
  declare kind: 'batch' | 'rolling';

  @ApiProperty({ enum: ['batch', 'rolling'], enumName: 'CallKind', isArray: true })
  declare allowedKinds: Array<'batch' | 'rolling'>;

  @ApiProperty({ format: 'date', description: 'CST date the window may open on at the earliest' })
  declare earliestOpen: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'CST date the window must close by; null = open-ended' })
  declare latestClose: string | null;

  @ApiPropertyOptional({ type: () => MonthDayRangeView, description: 'Part of the year the text receives applications in, when it sets one' })
  declare months?: MonthDayRangeView;
}

export class TemplateDefaultView {
  @ApiProperty({ example: 'review.publicity' })
  declare path: string;

  @ApiProperty({ description: 'Which product default filled it and why' })
  declare note: string;
}

/** GET /programs/template: a program configuration drawn from a policy version's text (procedure-template.ts). */
export class ProgramTemplateDto {
  @ApiProperty({ type: () => PolicyValidityView })
  declare policy: PolicyValidityView;

  @ApiProperty({ type: () => TemplateWindowView })
  declare window: TemplateWindowView;

  @ApiProperty({ type: () => ReviewSettingsDto })
  declare review: ReviewSettingsDto;

  @ApiProperty({ type: () => [ProcedureCitationView] })
  declare citations: ProcedureCitationView[];

  @ApiProperty({ type: () => [TemplateDefaultView] })
  declare defaults: TemplateDefaultView[];
}
