import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { POLICY_VERSION_STATES, type PolicyVersionState } from '../policy-version-rows';

/** A JSON value of the policy document (text, number, yes/no, list or mapping), as it stands in the YAML. */
const JSON_VALUE: SchemaObject = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }, { type: 'object', additionalProperties: { type: 'string' } }],
};

export class LocalizedTextDto {
  @ApiProperty({ description: '中文' })
  zh!: string;

  @ApiProperty({ description: 'English' })
  en!: string;
}

export class PolicyVersionRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Version id, e.g. weihai-2020' })
  policyId!: string;
}

export class PolicyVersionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '版本编号 (version id), e.g. weihai-2026' })
  policyId!: string;

  @ApiProperty({ description: '标题 (title of the text; the version id while the text has none)' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: '文号' })
  documentNo!: string | null;

  @ApiProperty({ enum: POLICY_VERSION_STATES })
  state!: PolicyVersionState;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'First day in force (CST), from the text' })
  effectiveFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Last day in force (CST); null: no end' })
  effectiveTo!: string | null;

  @ApiProperty({ type: PolicyVersionRefDto, nullable: true, description: 'The version this one was drafted from' })
  basedOn!: PolicyVersionRefDto | null;

  @ApiProperty({ description: '起草人 (author)' })
  authorName!: string;

  @ApiProperty({ type: String, nullable: true, description: '审核人 (reviewer)' })
  reviewerName!: string | null;

  @ApiProperty({ description: '修订说明 (change note)' })
  changeNote!: string;

  @ApiProperty({ type: String, nullable: true, description: '退回理由 (why it was returned)' })
  returnReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'sha256 of the published text (what programs are bound to)' })
  contentHash!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  publishedAt!: string | null;

  @ApiProperty({ description: 'Published and in force today (CST)' })
  inForceToday!: boolean;

  @ApiProperty({ type: 'integer', description: 'Optimistic-lock number: send it back with every change' })
  version!: number;
}

export class PolicyVersionPageDto {
  @ApiProperty({ type: [PolicyVersionSummaryDto] })
  items!: PolicyVersionSummaryDto[];
}

export class PolicyValidationErrorDto {
  @ApiProperty({ description: 'Path in the document, e.g. items[3].ceiling or effectiveTo ($: the whole text)' })
  path!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Line of the YAML text (1-based)' })
  line!: number | null;

  @ApiProperty({ type: LocalizedTextDto })
  message!: LocalizedTextDto;
}

export class PolicyValidationDto {
  @ApiProperty()
  valid!: boolean;

  @ApiProperty({ type: [PolicyValidationErrorDto] })
  errors!: PolicyValidationErrorDto[];
}

export class DocumentChangeDto {
  @ApiProperty({ description: 'Path in the document, e.g. items[3].ceiling' })
  path!: string;

  @ApiProperty({ ...(JSON_VALUE as object), description: 'Value in the version drafted from (null: absent)' })
  before!: unknown;

  @ApiProperty({ ...(JSON_VALUE as object), description: 'Value in this version (null: absent)' })
  after!: unknown;
}

export class CaseTraceLineDto {
  @ApiProperty({ description: 'Award item (or the achievement where no item matched)' })
  itemId!: string;

  @ApiProperty({ enum: ['awarded', 'rejected'] })
  outcome!: 'awarded' | 'rejected';

  @ApiProperty({ type: 'integer', nullable: true, description: 'Amount, integer fen' })
  amountFen!: number | null;

  @ApiProperty({ type: String, nullable: true })
  article!: string | null;

  @ApiProperty({ description: 'The engine\'s explanation, article by article (Chinese)' })
  explanation!: string;
}

export class CaseResultDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  article!: string | null;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Expected total, integer fen' })
  expectedTotalFen!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Computed total, integer fen' })
  actualTotalFen!: number | null;

  @ApiProperty({ type: [String], description: 'What differs from the expectation (empty when it passes)' })
  problems!: string[];

  @ApiProperty({ type: [CaseTraceLineDto] })
  trace!: CaseTraceLineDto[];
}

export class CaseRunDto {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  passed!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;

  @ApiProperty({ type: [CaseResultDto] })
  results!: CaseResultDto[];
}

export class PolicyVersionDetailDto extends PolicyVersionSummaryDto {
  @ApiProperty({ description: 'The policy YAML text' })
  sourceText!: string;

  @ApiProperty({ type: 'object', additionalProperties: JSON_VALUE, nullable: true, description: 'The parsed text (null when it does not parse)' })
  document!: Record<string, unknown> | null;

  @ApiProperty({ description: 'The case table (YAML)' })
  casesText!: string;

  @ApiProperty({ type: PolicyValidationDto })
  validation!: PolicyValidationDto;

  @ApiProperty({ type: [DocumentChangeDto], description: 'Changes against basedOn (the first 500)' })
  changes!: DocumentChangeDto[];

  @ApiProperty({ type: CaseRunDto })
  cases!: CaseRunDto;
}

export class ProgramOnOlderVersionDto {
  @ApiProperty({ format: 'uuid' })
  programId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The version the program is bound to' })
  policyId!: string;

  @ApiProperty({ description: 'The latest published version' })
  newerPolicyId!: string;
}

export class PolicyVersionsOverviewDto {
  @ApiProperty({ type: PolicyVersionSummaryDto, nullable: true, description: 'The version in force today (CST)' })
  inForceToday!: PolicyVersionSummaryDto | null;

  @ApiProperty({ description: 'No version in force today: no new call can open until a successor is published' })
  lapsed!: boolean;

  @ApiProperty({ type: PolicyVersionSummaryDto, nullable: true })
  latestPublished!: PolicyVersionSummaryDto | null;

  @ApiProperty({ type: [ProgramOnOlderVersionDto] })
  programsOnOlderVersion!: ProgramOnOlderVersionDto[];
}
