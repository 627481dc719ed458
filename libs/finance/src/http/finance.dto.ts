import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@subsidy/common';

const PAYER = /^(city|matching|district:[0-9]{6})$/;
const PAYER_MESSAGE = '$property must be city, matching or district:<6-digit code>';

export class SetBudgetDto {
  @ApiProperty({ example: 'district:370102' })
  @IsString()
  @MaxLength(20)
  @Matches(PAYER, { message: PAYER_MESSAGE })
  payer!: string;

  @ApiProperty({ description: 'The whole budget of this payer for the program, integer fen', example: 100000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}

/** Confirms the program budget handed over by the program office as the city budget, or sets another figure with a reason. */
export class ConfirmHandedOverBudgetDto {
  @ApiPropertyOptional({ description: 'Another city budget than the handed-over one, integer fen; omitted, the handed-over budget is confirmed as is', example: 180000000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen?: number;

  @ApiPropertyOptional({ description: 'Why finance sets another figure than the handed-over budget; required then', example: '市财政局预算批复调整' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ShareDecisionDto {
  @ApiProperty()
  @IsUUID()
  shareId!: string;

  @ApiProperty({ enum: ['approve', 'hold', 'release'] })
  @IsIn(['approve', 'hold', 'release'])
  action!: 'approve' | 'hold' | 'release';

  @ApiPropertyOptional({ description: 'Required to hold or release' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ApproveSharesDto {
  @ApiProperty({ example: 'city' })
  @IsString()
  @MaxLength(20)
  @Matches(PAYER, { message: PAYER_MESSAGE })
  payer!: string;

  @ApiPropertyOptional({ description: 'Approve every share still committed, except those listed in items' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ type: [ShareDecisionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ShareDecisionDto)
  items?: ShareDecisionDto[];
}

export class CreateBatchDto {
  @ApiProperty({ example: 'city' })
  @IsString()
  @MaxLength(20)
  @Matches(PAYER, { message: PAYER_MESSAGE })
  payer!: string;
}

export class BatchLineOutcomeDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lineNo!: number;

  @ApiProperty({ enum: ['paid', 'failed'] })
  @IsIn(['paid', 'failed'])
  outcome!: 'paid' | 'failed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  bankReference?: string;
}

export class ConfirmBatchDto {
  @ApiProperty({ description: "The bank's reference for the batch" })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  bankReference!: string;

  @ApiPropertyOptional({ type: [BatchLineOutcomeDto], description: 'Per line; without it every open line is confirmed paid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => BatchLineOutcomeDto)
  lines?: BatchLineOutcomeDto[];
}

export class ConditionMetDto {
  @ApiProperty({ description: 'What shows the condition is met (e.g. the acceptance report)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class BankAccountDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  accountName!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  bankName!: string;

  /** Checked by the payee-account rules (8-32 digits once spaces are removed; 422 payee_account_rejected otherwise). */
  @ApiProperty({ example: '6222020200112233445', description: '8-32 digits; spaces between groups are ignored' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accountNo!: string;
}

export class RecordClawbackDto {
  @ApiProperty()
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ enum: ['fraud', 'misuse', 'unfinished_contract'] })
  @IsIn(['fraud', 'misuse', 'unfinished_contract'])
  reasonKind!: 'fraud' | 'misuse' | 'unfinished_contract';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: 'Integer fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ example: '2025-06-30' })
  @IsString()
  @IsCalendarDate()
  foundOn!: string;
}

export class RecoveryDto {
  @ApiProperty({ example: 'city' })
  @IsString()
  @MaxLength(20)
  @Matches(PAYER, { message: PAYER_MESSAGE })
  payer!: string;

  @ApiProperty({ description: 'Integer fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}

/** A finance officer's check of a held line's changed payee account (POST batches/:id/account-confirmations). */
export class ConfirmLineAccountDto {
  @ApiProperty({ minimum: 1, description: 'The held line' })
  @IsInt()
  @Min(1)
  lineNo!: number;

  @ApiProperty({ example: '6222020200112233445', description: "The account number checked; must be the payee's current account" })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accountNo!: string;

  @ApiProperty({ maxLength: 500, description: 'How the account was checked, e.g. 已电话核实并收到加盖公章的账户确认书' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  note!: string;
}
