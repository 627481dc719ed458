import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AddsUpTo, HasUniqueKeys } from './field-rules';

export class FundingSourceDto {
  @ApiProperty({ example: 'district:120101', description: "'city', 'matching' or 'district:<district code of the tenant>'" })
  @IsString()
  @Matches(/^(city|matching|district:[0-9]{6})$/, { message: "$property must be 'city', 'matching' or 'district:<6-digit district code>'" })
  source!: string;

  @ApiProperty({ description: 'Integer fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}

export class BudgetDto {
  @ApiProperty({ description: 'Integer fen (1 yuan = 100 fen)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  totalFen!: number;

  @ApiProperty({ enum: ['pro_rata', 'rank_order'], enumName: 'BudgetRule', description: 'How awards are cut when the budget is short: pro rata, or in rank order' })
  @IsIn(['pro_rata', 'rank_order'], { message: '$property must be one of: pro_rata, rank_order' })
  rule!: 'pro_rata' | 'rank_order';

  @ApiProperty({ type: [FundingSourceDto], description: 'Must add up exactly to totalFen' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @HasUniqueKeys('source')
  @AddsUpTo('totalFen')
  @ValidateNested({ each: true })
  @Type(() => FundingSourceDto)
  sources!: FundingSourceDto[];
}
