import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BudgetDto } from './budget.dto';
import { CallDto } from './call.dto';
import { ReviewSettingsDto } from './review-settings.dto';
import { WindowDto } from './window.dto';

/** A program's whole configuration: the body of both create (POST) and update (PUT, drafts only). */
export class ProgramDto {
  @ApiProperty({ description: 'Program year', example: 2024, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '2024年度标准化资助项目', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'tianjin-2021', description: "A policy version id of the caller's tenant (config/policies/<tenant>/<id>.yaml)" })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: '$property must be a policy version id such as tianjin-2021' })
  policyId!: string;

  @ApiProperty({ type: () => WindowDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window!: WindowDto;

  @ApiProperty({ type: () => CallDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallDto)
  call!: CallDto;

  @ApiProperty({ type: () => ReviewSettingsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReviewSettingsDto)
  review!: ReviewSettingsDto;

  @ApiProperty({ type: () => BudgetDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;
}

export class CancelProgramDto {
  @ApiProperty({ description: 'Why the program is cancelled (shown to applicants)', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
