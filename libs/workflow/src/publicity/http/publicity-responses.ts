import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../core';
import { AllocationApprovalReferenceResponse } from '../../decision/http/decision-responses';

/**
 * OpenAPI documentation of the publicity endpoints' answers (OpenedPublicity, ObjectionRecord, ResolvedObjection,
 * HandOver, PublicPublicity, ObjectionReceipt): never instantiated, only read by the document builder.
 */
export class OpenedPublicityResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ format: 'date', description: 'First day (CST)' })
  declare startsOn: string;

  @ApiProperty({ format: 'date', description: 'Last day (CST)' })
  declare endsOn: string;

  @ApiProperty({ type: [String] })
  declare applicationIds: string[];
}

export class ObjectionResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare publicityId: string;

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty()
  declare contactName: string;

  @ApiProperty({ type: String, nullable: true })
  declare contactPhone: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'email' })
  declare contactEmail: string | null;

  @ApiProperty()
  declare reasons: string;

  @ApiProperty({ enum: ['received', 'upheld', 'dismissed'], enumName: 'ObjectionStatus' })
  declare status: 'received' | 'upheld' | 'dismissed';

  @ApiProperty({ type: String, nullable: true })
  declare outcome: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare resolvedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;
}

export class ObjectionListResponse {
  @ApiProperty({ type: () => [ObjectionResponse] })
  declare items: ObjectionResponse[];
}

export class ResolvedObjectionResponse {
  @ApiProperty({ format: 'uuid' })
  declare objectionId: string;

  @ApiProperty({ enum: ['upheld', 'dismissed'], enumName: 'ObjectionResolution' })
  declare status: 'upheld' | 'dismissed';

  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  declare applicationStatus: ApplicationStatus;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare decidedTotalFen: number;
}

export class HandOverResponse {
  @ApiProperty({ format: 'uuid' })
  declare programId: string;

  @ApiProperty({ format: 'date-time' })
  declare handedOverAt: string;

  @ApiProperty({ type: [String] })
  declare applicationIds: string[];

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare totalFen: number;

  @ApiProperty({ type: 'integer', description: 'The program budget, integer fen' })
  declare budgetTotalFen: number;

  @ApiProperty({ type: () => AllocationApprovalReferenceResponse, nullable: true })
  declare allocationApproval: AllocationApprovalReferenceResponse | null;
}

export class PublicPublicitySummaryResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty()
  declare programTitle: string;

  @ApiProperty({ type: 'integer' })
  declare programYear: number;

  @ApiProperty({ format: 'date' })
  declare startsOn: string;

  @ApiProperty({ format: 'date' })
  declare endsOn: string;

  @ApiProperty({ enum: ['open', 'closed'], enumName: 'PublicityStatus' })
  declare status: 'open' | 'closed';
}

export class PublicPublicityListResponse {
  @ApiProperty({ type: () => [PublicPublicitySummaryResponse] })
  declare items: PublicPublicitySummaryResponse[];
}

export class PublicAwardItemResponse {
  @ApiProperty({ description: "The policy's name for what is paid, with the standard number" })
  declare item: string;

  @ApiProperty({ type: String, nullable: true })
  declare policyItem: string | null;

  @ApiProperty({ type: String, nullable: true })
  declare standardNo: string | null;

  @ApiProperty({ type: String, nullable: true })
  declare article: string | null;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;
}

export class PublicAwardResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty()
  declare applicantName: string;

  @ApiProperty({ description: 'Unified social credit code' })
  declare creditCode: string;

  @ApiProperty({ type: String, nullable: true })
  declare district: string | null;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare totalFen: number;

  @ApiProperty({ type: () => [PublicAwardItemResponse] })
  declare items: PublicAwardItemResponse[];
}

export class PublicPublicityResponse extends PublicPublicitySummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: "Where objections go: the office the program's call names", example: '枣庄市市场监督管理局' })
  declare receivingOffice: string | null;

  @ApiProperty({ type: () => [PublicAwardResponse] })
  declare awards: PublicAwardResponse[];
}

export class ObjectionReceiptResponse {
  @ApiProperty({ format: 'uuid', description: 'Quote it when asking about the objection' })
  declare referenceId: string;

  @ApiProperty({ format: 'date-time' })
  declare receivedAt: string;

  @ApiProperty({ description: "True when this contact had already objected to this award: the first objection's reference" })
  declare repeated: boolean;
}
