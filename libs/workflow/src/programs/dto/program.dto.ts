import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BudgetDto } from './budget.dto';
import { CallDto } from './call.dto';
import { ReviewSettingsDto } from './review-settings.dto';
import { WindowDto } from './window.dto';

/** A program's whole configuration: the body of both create (POST) and update (PUT, drafts only). */
export class ProgramDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'tianjin-2021', description: "A policy version id of the caller's tenant (config/policies/<tenant>/<id>.yaml)" })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: '$property must be a policy version id such as tianjin-2021' })
  policyId!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window!: WindowDto;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CallDto)
  call!: CallDto;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReviewSettingsDto)
  review!: ReviewSettingsDto;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;
}

export class CancelProgramDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
