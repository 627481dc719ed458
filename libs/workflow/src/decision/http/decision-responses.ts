import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../core';
import { EarlierAwardResponse } from '../../pricing/http/earlier-award.response';

/**
 * OpenAPI documentation of the decision endpoints' answers (DecidedApplication, CorrectedDecision, ProgramDecision,
 * DecisionList): never instantiated, only read by the document builder. Money: integer fen.
 */
export class DecisionItemResponse {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ type: 'integer', description: "The engine's ceiling, integer fen" })
  declare ceilingFen: number;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis' })
  declare basis: 'fixed' | 'ceiling';

  @ApiProperty({ type: String, nullable: true, example: '第五条' })
  declare article: string | null;

  @ApiProperty({ type: 'integer', description: "The review's proposal, integer fen" })
  declare proposedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedFen: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why it departs from the proposal' })
  declare reason: string | null;
}

export class DecidedApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ enum: ['decided', 'rejected'], enumName: 'DecisionOutcome' })
  declare status: 'decided' | 'rejected';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedTotalFen: number;

  @ApiProperty({ type: () => [DecisionItemResponse] })
  declare items: DecisionItemResponse[];
}

export class CorrectedDecisionResponse extends DecidedApplicationResponse {
  @ApiProperty({ type: 'integer', description: 'The total before the correction, integer fen' })
  declare previousTotalFen: number;

  @ApiProperty()
  declare reason: string;
}

export class ProgramDecisionApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: 'integer' })
  declare rank: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare requestedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare allocatedFen: number;

  @ApiProperty({ enum: ['decided', 'rejected'], enumName: 'DecisionOutcome' })
  declare status: 'decided' | 'rejected';
}

export class ProgramDecisionResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ enum: ['pro_rata', 'rank_order'], enumName: 'BudgetRule' })
  declare rule: 'pro_rata' | 'rank_order';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare budgetFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare requestedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare allocatedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare unallocatedFen: number;

  @ApiProperty({ description: 'Whether the budget rule cut any award' })
  declare scaled: boolean;

  @ApiProperty({ type: () => [ProgramDecisionApplicationResponse] })
  declare applications: ProgramDecisionApplicationResponse[];
}

export class DecisionListProgramResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty()
  declare title: string;

  @ApiProperty({ type: 'integer' })
  declare year: number;

  @ApiProperty({ example: 'decided' })
  declare status: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare budgetTotalFen: number;

  @ApiProperty({ enum: ['pro_rata', 'rank_order'], enumName: 'BudgetRule' })
  declare budgetRule: 'pro_rata' | 'rank_order';
}

export class DecisionListItemResponse {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ example: '国家标准 主持制定（GB/T 1-2023）', description: 'What the item is, as fixed at the decision' })
  declare label: string;

  @ApiProperty({ type: String, nullable: true })
  declare policyLabel: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'GB/T 1-2023' })
  declare standardNo: string | null;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis' })
  declare basis: 'fixed' | 'ceiling';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare ceilingFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare proposedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedFen: number;

  @ApiProperty({ type: String, nullable: true })
  declare reason: string | null;

  @ApiPropertyOptional({ type: () => [EarlierAwardResponse], description: 'Only where there are any: earlier awards for the same thing' })
  declare earlierAwards?: EarlierAwardResponse[];
}

export class DecisionListOrganizationResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty()
  declare name: string;

  @ApiProperty()
  declare uscc: string;
}

export class DecisionListDistrictResponse {
  @ApiProperty({ example: '371002' })
  declare code: string;

  @ApiProperty({ type: String, nullable: true, example: '环翠区' })
  declare name: string | null;
}

export class DecisionListEntryResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare status: ApplicationStatus;

  @ApiProperty({ type: 'integer', nullable: true })
  declare rank: number | null;

  @ApiProperty({ type: () => DecisionListOrganizationResponse })
  declare organization: DecisionListOrganizationResponse;

  @ApiProperty({ type: () => DecisionListDistrictResponse })
  declare district: DecisionListDistrictResponse;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedTotalFen: number;

  @ApiProperty({ type: () => [DecisionListItemResponse] })
  declare items: DecisionListItemResponse[];
}

export class DecisionListResponse {
  @ApiProperty({ type: () => DecisionListProgramResponse })
  declare program: DecisionListProgramResponse;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare totalFen: number;

  @ApiProperty({ type: () => [DecisionListEntryResponse] })
  declare applications: DecisionListEntryResponse[];

  @ApiPropertyOptional({ type: () => [PendingDecisionResponse], description: 'Decision list only: applications awaiting a decision' })
  declare pending?: PendingDecisionResponse[];

  @ApiPropertyOptional({ type: () => BudgetEffectResponse, nullable: true, description: "Decision list only: the budget rule's effect before it is applied; null once applied" })
  declare budgetEffect?: BudgetEffectResponse | null;

  @ApiPropertyOptional({ type: () => ProgramPublicityResponse, nullable: true, description: "Decision list only: the program's latest publicity" })
  declare publicity?: ProgramPublicityResponse | null;
}

export class PendingDecisionItemResponse {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ description: "The applicant's reference for the achievement (standard number, title or name)" })
  declare label: string;

  @ApiProperty({ type: String, nullable: true, example: '第五条' })
  declare article: string | null;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis' })
  declare basis: 'fixed' | 'ceiling';

  @ApiProperty({ type: 'integer', description: "Integer fen: the engine's ceiling" })
  declare ceilingFen: number;

  @ApiProperty({ type: 'integer', description: "Integer fen: the review's proposal" })
  declare proposedFen: number;
}

export class PendingDecisionResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: () => DecisionListOrganizationResponse })
  declare organization: DecisionListOrganizationResponse;

  @ApiProperty({ type: () => [PendingDecisionItemResponse] })
  declare items: PendingDecisionItemResponse[];
}

export class BudgetEffectApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ type: 'integer' })
  declare rank: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen: decided before the rule' })
  declare requestedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen: after the rule' })
  declare allocatedFen: number;
}

export class BudgetEffectResponse {
  @ApiProperty({ enum: ['pro_rata', 'rank_order'], enumName: 'BudgetRule' })
  declare rule: 'pro_rata' | 'rank_order';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare budgetFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare requestedFen: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare allocatedFen: number;

  @ApiProperty({ description: 'The decided awards exceed the budget: the rule scales or cuts them' })
  declare scaled: boolean;

  @ApiProperty({ type: () => [BudgetEffectApplicationResponse] })
  declare applications: BudgetEffectApplicationResponse[];
}

export class ProgramPublicityResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'date', description: 'CST calendar date' })
  declare startsOn: string;

  @ApiProperty({ format: 'date', description: 'CST calendar date' })
  declare endsOn: string;

  @ApiProperty({ enum: ['open', 'closed'], enumName: 'PublicityStatus' })
  declare status: 'open' | 'closed';

  @ApiProperty({ type: 'integer' })
  declare objectionCount: number;

  @ApiProperty({ type: 'integer', description: 'Objections received and not yet resolved' })
  declare openObjectionCount: number;
}

export class AllocationApprovalReferenceResponse {
  @ApiProperty({ example: '佛山市人民政府' })
  declare approvedBy: string;

  @ApiProperty({ example: '佛府函〔2023〕12号' })
  declare documentNo: string;

  @ApiProperty({ format: 'date' })
  declare approvedOn: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare approvedTotalFen: number;

  @ApiProperty({ example: '第十三条' })
  declare article: string;

  @ApiProperty()
  declare source: string;
}

/** GET /programs/:id/approved-list: the decision list and the approval that authorises payment, if the text requires one. */
export class ApprovedListResponse extends DecisionListResponse {
  @ApiProperty({ type: () => AllocationApprovalReferenceResponse, nullable: true })
  declare allocationApproval: AllocationApprovalReferenceResponse | null;
}

export class AllocationApprovalResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ example: '佛山市人民政府' })
  declare approvedBy: string;

  @ApiProperty()
  declare documentNo: string;

  @ApiProperty({ format: 'date', description: 'CST calendar date' })
  declare approvedOn: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare approvedTotalFen: number;

  @ApiProperty({ type: [String] })
  declare applicationIds: string[];

  @ApiProperty()
  declare article: string;

  @ApiProperty()
  declare source: string;

  @ApiProperty({ type: String, nullable: true })
  declare note: string | null;

  @ApiProperty({ format: 'uuid' })
  declare recordedBy: string;

  @ApiProperty({ format: 'date-time' })
  declare recordedAt: string;
}
