import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACHIEVEMENT_SCHEMA_NAME, Reason } from '@subsidy/policy';

/**
 * OpenAPI documentation of the award calculation contract (libs/policy/src/contract.ts, calc-contract.md): the request
 * the engine validates itself and the result it returns. Never instantiated; only read by the document builder.
 */
const ACHIEVEMENT_REF = { $ref: `#/components/schemas/${ACHIEVEMENT_SCHEMA_NAME}` };
const APPLICANT_KINDS = ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'];
export const REASONS: readonly Reason[] = [
  'not_covered',
  'ineligible_applicant',
  'rank_too_low',
  'outside_period',
  'sanctioned',
  'already_funded',
  'superseded',
  'lower_after_higher',
  'count_limit',
  'category_limit',
  'cap_item',
  'cap_costs',
  'cap_group',
  'cap_applicant_year',
  'cap_fund_share',
  'cap_request_total',
  'missing_input',
];

export class SanctionDto {
  @ApiProperty({ enum: ['blacklist', 'penalty', 'investigation', 'fraud_ban'], enumName: 'SanctionKind' })
  declare kind: string;

  @ApiProperty({ format: 'date' })
  declare on: string;
}

export class PriorAwardDto {
  @ApiProperty({ example: 'standard:national:GB/T 43697-2023' })
  declare achievementKey: string;

  @ApiProperty({ type: 'integer' })
  declare year: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;
}

export class OtherFundingDto {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ example: 'city' })
  declare source: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;
}

export class CalcApplicantDto {
  @ApiProperty({ example: '91371000MA3C8N5X2L' })
  declare uscc: string;

  @ApiPropertyOptional()
  declare name?: string;

  @ApiProperty({ enum: APPLICANT_KINDS, enumName: 'OrganizationKind' })
  declare kind: string;

  @ApiPropertyOptional({ example: '371002', description: 'District code' })
  declare district?: string;

  @ApiPropertyOptional({ type: () => [SanctionDto] })
  declare sanctions?: SanctionDto[];

  @ApiPropertyOptional({ type: () => [PriorAwardDto] })
  declare priorAwards?: PriorAwardDto[];

  @ApiPropertyOptional({ type: () => [OtherFundingDto] })
  declare otherFunding?: OtherFundingDto[];

  @ApiProperty({ type: 'array', items: ACHIEVEMENT_REF })
  declare achievements: unknown[];
}

/** POST /tenants/:tenantId/calculations: the calculation request (validated by the engine, 400 with paths). */
export class CalcRequestDto {
  @ApiProperty({ format: 'date', example: '2024-03-15', description: 'CST date the applications are made on: picks the policy version in force' })
  declare applicationDate: string;

  @ApiPropertyOptional({ type: 'integer', example: 2024 })
  declare programYear?: number;

  @ApiPropertyOptional({ type: 'integer', description: "The year's fund, integer fen (some texts cap an applicant at a share of it)" })
  declare fundTotalFen?: number;

  @ApiProperty({ type: () => [CalcApplicantDto] })
  declare applicants: CalcApplicantDto[];
}

export class BilingualTextDto {
  @ApiProperty({ example: '国家标准主导制定，奖励20万元' })
  declare zh: string;

  @ApiProperty({ example: 'National standard, lead drafter: 200,000 yuan' })
  declare en: string;
}

export class TraceEntryDto {
  @ApiProperty({ example: 'fixed_amount' })
  declare rule: string;

  @ApiProperty({ example: '第五条' })
  declare article: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen after this rule' })
  declare amountFen: number;

  @ApiPropertyOptional()
  declare source?: string;

  @ApiProperty({ type: () => BilingualTextDto })
  declare text: BilingualTextDto;
}

export class ShareDto {
  @ApiProperty({ example: 'city', description: 'city, matching or district:<code>' })
  declare payer: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;
}

export class RevenueSharingDto {
  @ApiProperty({ example: '第六条' })
  declare article: string;

  @ApiProperty()
  declare source: string;
}

export class InstallmentDto {
  @ApiProperty({ example: 'on_acceptance' })
  declare when: string;

  @ApiProperty({ type: 'integer', example: 50 })
  declare percent: number;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;
}

export class PaymentPlanDto {
  @ApiProperty({ enum: ['lump_sum', 'installments'], enumName: 'PaymentPlanKind' })
  declare plan: 'lump_sum' | 'installments';

  @ApiProperty()
  declare article: string;

  @ApiProperty({ type: () => [InstallmentDto] })
  declare installments: InstallmentDto[];
}

export class ResultItemDto {
  @ApiProperty()
  declare achievementId: string;

  @ApiProperty({ type: String, nullable: true, description: 'The policy item that priced it' })
  declare itemId: string | null;

  @ApiProperty({ enum: ['awarded', 'rejected'], enumName: 'ItemOutcome' })
  declare outcome: 'awarded' | 'rejected';

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare amountFen: number;

  @ApiProperty({ enum: ['fixed', 'ceiling'], enumName: 'AmountBasis', nullable: true })
  declare basis: 'fixed' | 'ceiling' | null;

  @ApiProperty({ type: String, nullable: true, example: '第五条' })
  declare article: string | null;

  @ApiProperty({ enum: REASONS, enumName: 'AwardReason', isArray: true })
  declare reasons: Reason[];

  @ApiProperty({ type: () => [TraceEntryDto] })
  declare trace: TraceEntryDto[];

  @ApiPropertyOptional({ type: () => [ShareDto] })
  declare shares?: ShareDto[];

  @ApiPropertyOptional({ type: () => RevenueSharingDto, description: 'Instead of shares: split by the recorded revenue-sharing ratio' })
  declare revenueSharing?: RevenueSharingDto;

  @ApiPropertyOptional({ type: () => PaymentPlanDto })
  declare payment?: PaymentPlanDto;
}

export class ApplicantResultDto {
  @ApiProperty()
  declare uscc: string;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  declare totalFen: number;

  @ApiProperty({ type: () => [ResultItemDto] })
  declare items: ResultItemDto[];
}

export class PolicyRefDto {
  @ApiProperty({ example: 'weihai-2020' })
  declare id: string;

  @ApiProperty()
  declare title: string;

  @ApiProperty({ format: 'date' })
  declare effectiveFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  declare effectiveTo: string | null;

  @ApiProperty({ description: "The policy file's sha256" })
  declare hash: string;
}

export class CalcResultDto {
  @ApiProperty({ example: 'weihai' })
  declare tenant: string;

  @ApiProperty({ type: () => PolicyRefDto })
  declare policy: PolicyRefDto;

  @ApiProperty({ type: () => [ApplicantResultDto] })
  declare applicants: ApplicantResultDto[];
}
