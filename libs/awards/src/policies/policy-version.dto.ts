import { ApiProperty } from '@nestjs/swagger';
import { BilingualTextDto } from '../calc-contract.dto';

/** OpenAPI documentation of PolicyVersionView and its Procedure (libs/policy/src/procedure.ts); never instantiated. */
const STAGES = ['formal_check', 'district_review', 'technical_review', 'expert_review'];
const CALL_KINDS = ['batch', 'rolling'];

export class CitedRule {
  @ApiProperty({ example: '第十九条' })
  declare article: string;

  @ApiProperty({ example: '天津市标准化资助办法' })
  declare source: string;
}

export class ProcedureCalls extends CitedRule {
  @ApiProperty({ enum: CALL_KINDS, enumName: 'CallKind', isArray: true })
  declare kinds: string[];

  @ApiProperty({ type: [String], nullable: true, description: 'The only items a call takes; null = every item' })
  declare itemIds: string[] | null;
}

export class ProcedureRollingItems extends CitedRule {
  @ApiProperty({ type: [String] })
  declare itemIds: string[];
}

export class ProcedureStages extends CitedRule {
  @ApiProperty({ enum: STAGES, enumName: 'ReviewStage', isArray: true })
  declare required: string[];

  @ApiProperty({ enum: STAGES, enumName: 'ReviewStage', isArray: true, nullable: true, description: 'The order the text fixes; null = none' })
  declare order: string[] | null;

  @ApiProperty({ type: [String], nullable: true, description: 'The items the required steps apply to; null = every item' })
  declare itemIds: string[] | null;
}

export class ProcedureWorkingDays extends CitedRule {
  @ApiProperty({ type: 'integer', example: 5 })
  declare workingDays: number;
}

export class ProcedurePublicity extends CitedRule {
  @ApiProperty({ type: 'integer', example: 7 })
  declare days: number;

  @ApiProperty({ enum: ['calendar', 'working'], enumName: 'DayUnit' })
  declare unit: 'calendar' | 'working';
}

export class ProcedureExpertExclusion extends CitedRule {
  @ApiProperty({ enum: ['application', 'year_applicants'], enumName: 'ExpertExclusionScope' })
  declare scope: 'application' | 'year_applicants';
}

export class ProcedureAllocationApproval extends CitedRule {
  @ApiProperty({ example: '佛山市人民政府' })
  declare by: string;
}

/** How a text says a call is run (FORMAT.md section 13); null = the text is silent on that point. */
export class ProcedureView {
  @ApiProperty({ type: () => ProcedureCalls, nullable: true })
  declare calls: ProcedureCalls | null;

  @ApiProperty({ type: () => ProcedureRollingItems, nullable: true })
  declare rollingItems: ProcedureRollingItems | null;

  @ApiProperty({ type: () => ProcedureStages, nullable: true })
  declare stages: ProcedureStages | null;

  @ApiProperty({ type: () => ProcedureWorkingDays, nullable: true })
  declare formalCheck: ProcedureWorkingDays | null;

  @ApiProperty({ type: () => ProcedureWorkingDays, nullable: true })
  declare correction: ProcedureWorkingDays | null;

  @ApiProperty({ type: () => ProcedurePublicity, nullable: true })
  declare publicity: ProcedurePublicity | null;

  @ApiProperty({ type: () => ProcedureExpertExclusion, nullable: true })
  declare expertExclusion: ProcedureExpertExclusion | null;

  @ApiProperty({ type: () => ProcedureAllocationApproval, nullable: true })
  declare allocationApproval: ProcedureAllocationApproval | null;
}

export class PolicyVersionDto {
  @ApiProperty({ example: 'weihai-2020' })
  declare id: string;

  @ApiProperty({ example: '威海市标准化资助奖励办法' })
  declare title: string;

  @ApiProperty({ type: String, nullable: true, example: '威政办发〔2020〕1号' })
  declare documentNo: string | null;

  @ApiProperty({ type: [String] })
  declare issuers: string[];

  @ApiProperty({ format: 'date', example: '2020-01-01' })
  declare effectiveFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: the text sets no end' })
  declare effectiveTo: string | null;

  @ApiProperty({ description: "In force on today's CST date: only such a version can run a new call" })
  declare inForce: boolean;

  @ApiProperty({ type: 'integer' })
  declare itemCount: number;

  @ApiProperty({ type: () => [PolicyItemViewDto], description: 'What the text pays, item by item, with its article' })
  declare items: PolicyItemViewDto[];

  @ApiProperty({ description: "The file's sha256" })
  declare hash: string;

  @ApiProperty({ type: () => ProcedureView })
  declare procedure: ProcedureView;
}

export class PolicyItemViewDto {
  @ApiProperty()
  declare id: string;

  @ApiProperty({ type: () => BilingualTextDto })
  declare name: BilingualTextDto;

  @ApiProperty({ example: '第五条' })
  declare article: string;

  @ApiProperty()
  declare category: string;

  @ApiProperty({ enum: ['fixed', 'ceiling', 'derive', 'rate'], enumName: 'PolicyItemAmountForm' })
  declare form: 'fixed' | 'ceiling' | 'derive' | 'rate';

  @ApiProperty({ type: 'integer', nullable: true, description: 'Integer fen: the amount (fixed, derive), the ceiling (ceiling, rate with a cap); null otherwise' })
  declare amountFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'rate only: the share in basis points' })
  declare basisPoints: number | null;

  @ApiProperty({ type: () => BilingualTextDto, description: "The text's own words for the amount" })
  declare describe: BilingualTextDto;
}

export class PolicyVersionListDto {
  @ApiProperty({ type: () => [PolicyVersionDto], description: 'Oldest first' })
  declare items: PolicyVersionDto[];
}
