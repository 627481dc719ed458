import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACHIEVEMENT_SCHEMA_NAME } from '@subsidy/policy';
import { RubricCriterionDto } from '../../programs/dto/review-settings.dto';

/**
 * OpenAPI documentation of the review endpoints' answers (TechnicalOpinionView, ExpertProfileView, Assignment,
 * PanelView, ConflictOutcome, ScoreView, ExpertReviewResult): never instantiated, only read by the document builder.
 */
const OPINIONS = ['support', 'reduce', 'reject'];
const MEMBER_STATUSES = ['invited', 'declined', 'scored', 'removed'];

export class TechnicalOpinionResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ enum: OPINIONS, enumName: 'ItemOpinion' })
  declare opinion: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;

  @ApiProperty({ type: 'integer', description: "The engine's ceiling, integer fen" })
  declare ceilingFen: number;

  @ApiProperty()
  declare comment: string;
}

export class ExpertProfileResponse {
  @ApiProperty({ format: 'uuid' })
  declare userId: string;

  @ApiProperty()
  declare username: string;

  @ApiProperty()
  declare displayName: string;

  @ApiProperty({ type: String, nullable: true, example: '标准化' })
  declare field: string | null;

  @ApiProperty({ type: [String], description: 'USCCs of the units the expert is affiliated with (excluded from their applications)' })
  declare affiliatedUsccs: string[];

  @ApiProperty()
  declare active: boolean;
}

export class ExpertProfileListResponse {
  @ApiProperty({ type: () => [ExpertProfileResponse] })
  declare items: ExpertProfileResponse[];
}

export class AssignmentApplicantResponse {
  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty()
  declare name: string;
}

export class AssignmentItemResponse {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ allOf: [{ $ref: `#/components/schemas/${ACHIEVEMENT_SCHEMA_NAME}` }], description: 'The claimed achievement' })
  declare achievement: unknown;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare ceilingFen: number;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis' })
  declare basis: 'fixed' | 'ceiling';
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty()
  declare programTitle: string;

  @ApiProperty({ type: () => AssignmentApplicantResponse })
  declare applicant: AssignmentApplicantResponse;

  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'PanelMemberStatus' })
  declare status: string;

  @ApiProperty({ type: 'integer' })
  declare round: number;

  @ApiProperty({ format: 'date-time' })
  declare dueAt: string;

  @ApiProperty({ type: () => [RubricCriterionDto] })
  declare rubric: RubricCriterionDto[];

  @ApiProperty({ type: () => [AssignmentItemResponse] })
  declare items: AssignmentItemResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the expert declared no conflict of interest; null: the documents stay closed until they do' })
  declare noConflictDeclaredAt: string | null;
}

export class AssignmentListResponse {
  @ApiProperty({ type: () => [AssignmentResponse] })
  declare items: AssignmentResponse[];
}

export class PanelMemberResponse {
  @ApiProperty({ format: 'uuid' })
  declare expertId: string;

  @ApiProperty({ type: String, nullable: true })
  declare name: string | null;

  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'PanelMemberStatus' })
  declare status: string;

  @ApiProperty({ type: 'integer' })
  declare round: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Hundredths of a point' })
  declare scoreTotal: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare scoredAt: string | null;
}

export class ExclusionReasonResponse {
  @ApiProperty({ enum: ['affiliated_organization', 'affiliated_uscc', 'conflict_declared'], enumName: 'ExclusionReasonCode' })
  declare code: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'affiliated_organization only' })
  declare organizationId?: string;

  @ApiPropertyOptional({ description: 'affiliated_uscc only' })
  declare uscc?: string;

  @ApiPropertyOptional({ type: [String], description: "Where the unit's exclusion came from" })
  declare sources?: string[];
}

export class ExcludedExpertResponse {
  @ApiProperty({ format: 'uuid' })
  declare expertId: string;

  @ApiProperty({ type: () => [ExclusionReasonResponse] })
  declare reasons: ExclusionReasonResponse[];
}

export class PanelResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ description: 'The recorded seed: the draw can be replayed' })
  declare seed: string;

  @ApiProperty()
  declare algorithm: string;

  @ApiProperty({ type: 'integer' })
  declare round: number;

  @ApiProperty({ format: 'date-time' })
  declare dueAt: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Hundredths of a point' })
  declare combinedScore: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare completedAt: string | null;

  @ApiProperty({ type: () => [PanelMemberResponse] })
  declare members: PanelMemberResponse[];

  @ApiProperty({ type: () => [ExcludedExpertResponse] })
  declare excluded: ExcludedExpertResponse[];
}

export class ConflictOutcomeResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: [String], description: 'Experts drawn to replace the one who withdrew' })
  declare replacedBy: string[];

  @ApiProperty({ type: 'integer', description: 'Replacements the pool could not supply' })
  declare shortfall: number;
}

export class ScoreResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'uuid' })
  declare expertId: string;

  @ApiProperty({ type: 'integer', description: 'Hundredths of a point' })
  declare scoreTotal: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Achievement id -> proposed amount, integer fen' })
  declare amounts: Record<string, number>;

  @ApiProperty({ format: 'date-time' })
  declare scoredAt: string;
}

export class CombinedItemResponse {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare ceilingFen: number;

  @ApiProperty({ enum: OPINIONS, enumName: 'ItemOpinion' })
  declare opinion: string;

  @ApiProperty({ type: [Number], description: "The experts' proposals, integer fen" })
  declare proposals: number[];
}

export class ExpertReviewResultResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ example: 'awaiting_decision', description: 'The application status after the review' })
  declare status: string;

  @ApiProperty({ type: 'integer', description: 'Hundredths of a point' })
  declare combinedScore: number;

  @ApiProperty({ type: 'integer' })
  declare scorers: number;

  @ApiProperty({ type: () => [CombinedItemResponse] })
  declare items: CombinedItemResponse[];
}

export class BulkOutcomeErrorResponse {
  @ApiProperty({ example: 'invalid_state' })
  declare code: string;

  @ApiProperty({ description: "Why this application was not reassigned, in the reader's language (Accept-Language)" })
  declare message: string;
}

export class BulkOutcomeResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ description: 'Whether this application was reassigned' })
  declare ok: boolean;

  @ApiPropertyOptional({ type: () => BulkOutcomeErrorResponse })
  declare error?: BulkOutcomeErrorResponse;
}

export class BulkReassignResponse {
  @ApiProperty({ type: () => [BulkOutcomeResponse], description: 'One outcome per requested application, in the order given' })
  declare items: BulkOutcomeResponse[];
}

export class ExpertDeclarationResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'uuid' })
  declare expertId: string;

  @ApiProperty({ description: 'The words the expert confirmed', example: '本人与该申报单位无利益冲突；本人承诺如实声明，独立、公正地评审，对评审内容保密。' })
  declare statement: string;

  @ApiProperty({ format: 'date-time' })
  declare declaredAt: string;
}
