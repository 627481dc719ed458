import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACHIEVEMENT_SCHEMA_NAME } from '@subsidy/policy';
import { APPLICATION_STATUSES, ApplicationStatus, REVIEW_STAGES } from '../../core';

/**
 * OpenAPI documentation of the applications endpoints' answers (ApplicationRecord, ApplicationSummary,
 * ApplicationDetail, SubmissionResult, EvidenceView, …): never instantiated, only read by the document builder.
 * Money: integer fen; ApplicationRecord (what POST returns) carries its fen as decimal strings, the views as numbers.
 */
const ACHIEVEMENT_REF = { $ref: `#/components/schemas/${ACHIEVEMENT_SCHEMA_NAME}` };
export const DISPLAY_STATUSES = [...APPLICATION_STATUSES, 'payment_failed', 'partly_paid', 'paid'] as const;

/** POST /programs/:programId/applications: the new draft application's row. */
export class ApplicationRecordDto {
  @ApiProperty({ example: 'weihai' })
  declare tenantId: string;

  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty({ enum: ['district', 'city'], enumName: 'ReviewLevel', description: 'city: the city reviews it directly (no district pre-review)' })
  declare reviewLevel: 'district' | 'city';

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare status: ApplicationStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'CST date the current stage is due' })
  declare stageDueOn: string | null;

  @ApiProperty({ enum: REVIEW_STAGES, enumName: 'ReviewStage', nullable: true, description: 'The stage a correction returns to' })
  declare returnStage: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  declare reviewAssigneeId: string | null;

  @ApiProperty({ type: String, nullable: true, pattern: '^[0-9]+$', example: '2000000', description: 'Integer fen as a decimal string' })
  declare estimateTotalFen: string | null;

  @ApiProperty({ type: String, nullable: true, pattern: '^[0-9]+$', example: '2000000', description: 'Integer fen as a decimal string' })
  declare decidedTotalFen: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare submittedAt: string | null;

  @ApiProperty({ type: 'integer' })
  declare submissionCount: number;

  @ApiProperty({ type: 'integer', nullable: true })
  declare rank: number | null;

  @ApiProperty({ type: 'integer' })
  declare version: number;
}

export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ example: '威海市标准化研究院' })
  declare organizationName: string;

  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty({ enum: ['district', 'city'], enumName: 'ReviewLevel' })
  declare reviewLevel: 'district' | 'city';

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare status: ApplicationStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'CST date the current stage is due' })
  declare stageDueOn: string | null;

  @ApiProperty({ enum: REVIEW_STAGES, enumName: 'ReviewStage', nullable: true, description: 'The stage a correction returns to' })
  declare returnStage: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person the current review was reassigned to; null = the stage\'s reviewers' })
  declare reviewAssigneeId: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 2_000_000, description: 'Integer fen' })
  declare estimateTotalFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 2_000_000, description: 'Integer fen' })
  declare decidedTotalFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Rank in the program, fixed at the decision' })
  declare rank: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare declaredAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare submittedAt: string | null;

  @ApiProperty({ type: 'integer' })
  declare submissionCount: number;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;

  @ApiProperty({ format: 'date-time' })
  declare updatedAt: string;
}

export class ApplicationListDto {
  @ApiProperty({ type: () => [ApplicationSummaryDto] })
  declare items: ApplicationSummaryDto[];
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: String, nullable: true, description: 'The achievement the file supports; null = the whole application' })
  declare achievementId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '标准文本', description: 'The required material it supplies' })
  declare material: string | null;

  @ApiProperty({ example: 'application/pdf' })
  declare mime: string;

  @ApiProperty({ type: 'integer' })
  declare sizeBytes: number;

  @ApiProperty()
  declare sha256: string;

  @ApiProperty({ example: '标准文本.pdf' })
  declare originalName: string;

  @ApiProperty({ format: 'uuid' })
  declare uploadedBy: string;

  @ApiProperty({ format: 'date-time' })
  declare uploadedAt: string;
}

export class EvidenceListDto {
  @ApiProperty({ type: () => [EvidenceDto] })
  declare items: EvidenceDto[];
}

export class RequiredMaterialView {
  @ApiProperty({ example: '标准文本' })
  declare material: string;

  @ApiProperty({ type: [String], description: 'Evidence files that supply it' })
  declare evidenceIds: string[];

  @ApiProperty()
  declare present: boolean;
}

export class AchievementMaterialsView {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ example: 'standard' })
  declare type: string;

  @ApiProperty({ example: 'achievements[2]' })
  declare path: string;

  @ApiProperty({ type: () => [RequiredMaterialView] })
  declare required: RequiredMaterialView[];

  @ApiProperty({ type: [String] })
  declare missing: string[];
}

export class MaterialsCheckView {
  @ApiProperty()
  declare complete: boolean;

  @ApiProperty({ type: () => [AchievementMaterialsView] })
  declare achievements: AchievementMaterialsView[];
}

export class MissingMaterialView {
  @ApiPropertyOptional()
  declare achievementId?: string;

  @ApiProperty({ example: '发布公告' })
  declare material: string;

  @ApiPropertyOptional()
  declare note?: string;
}

export class ReviewHistoryEntryDto {
  @ApiProperty({ enum: REVIEW_STAGES, enumName: 'ReviewStage' })
  declare stage: string;

  @ApiProperty({ example: 'passed', description: "The stage's outcome (passed, correction_requested, rejected, …)" })
  declare outcome: string;

  @ApiProperty({ type: [String] })
  declare reasons: string[];

  @ApiProperty({ type: () => [MissingMaterialView] })
  declare missing: MissingMaterialView[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  declare dueOn: string | null;

  @ApiProperty({ format: 'uuid' })
  declare actorId: string;

  @ApiProperty({ type: String, nullable: true })
  declare actorRole: string | null;

  @ApiProperty({ format: 'date-time' })
  declare at: string;
}

export class DecidedItemDto {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ type: String, nullable: true, example: '第五条' })
  declare article: string | null;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis' })
  declare basis: 'fixed' | 'ceiling';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare ceilingFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedFen: number;

  @ApiProperty({ type: String, nullable: true })
  declare reason: string | null;
}

export class ApplicationPaymentDto {
  @ApiProperty({ enum: ['awaiting_payment', 'payment_failed', 'partly_paid', 'paid'], enumName: 'ApplicationPaymentStatus' })
  declare status: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare payableFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare paidFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare clawedBackFen: number;
}

export class ApplicationDetailDto extends ApplicationSummaryDto {
  @ApiProperty({ type: 'array', items: ACHIEVEMENT_REF })
  declare achievements: unknown[];

  @ApiProperty({ type: () => [EvidenceDto] })
  declare evidence: EvidenceDto[];

  @ApiProperty({ type: () => MaterialsCheckView })
  declare materials: MaterialsCheckView;

  @ApiProperty({ type: () => [ReviewHistoryEntryDto] })
  declare reviewHistory: ReviewHistoryEntryDto[];

  @ApiProperty({ type: () => [DecidedItemDto], nullable: true, description: 'null before the decision' })
  declare decision: DecidedItemDto[] | null;

  @ApiProperty({ type: () => ApplicationPaymentDto, nullable: true, description: 'null until finance takes it in' })
  declare payment: ApplicationPaymentDto | null;

  @ApiProperty({ enum: DISPLAY_STATUSES, enumName: 'ApplicationDisplayStatus', description: 'status, or the payment state once money moved' })
  declare displayStatus: string;
}

export class AchievementsReplacedDto {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: 'array', items: ACHIEVEMENT_REF })
  declare achievements: unknown[];
}

export class DeclarationResultDto {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'date-time' })
  declare declaredAt: string;

  @ApiProperty({ format: 'uuid' })
  declare declaredBy: string;
}

export class SubmissionResultDto {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare status: ApplicationStatus;

  @ApiProperty({ format: 'date-time' })
  declare submittedAt: string;

  @ApiProperty({ type: 'integer' })
  declare submissionCount: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  declare stageDueOn: string | null;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare estimateTotalFen: number;
}

export class ApplicationStatusResultDto {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare status: ApplicationStatus;
}
