import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BilingualTextDto } from '@subsidy/awards';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Which real applications to compare over: exactly one of a program or a program year of the tenant. */
export class WhatIfRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A program of the tenant: its submitted applications (give this or year)" })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2024, description: 'Every program of that year (give this or programId)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

const FEN = { pattern: '^-?[0-9]+$', example: '10000000', description: 'Integer fen as a decimal string' } as const;

export class WhatIfPolicyRefDto {
  @ApiProperty({ example: 'weihai-2020', description: 'The version id (for the baseline: the one in force for most of the applications)' })
  declare policyId: string;
}

export class WhatIfBudgetDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The program; null for a whole year' })
  declare programId: string | null;

  @ApiProperty({ type: String, nullable: true, ...FEN, description: "The program's budget (a year: all its programs' budgets), integer fen; null when the year has no program" })
  declare budgetTotalFen: string | null;

  @ApiProperty({ ...FEN, description: 'What the compared applications would be awarded under the versions in force, integer fen' })
  declare committedBeforeFen: string;

  @ApiProperty({ ...FEN, description: 'What they would be awarded under the candidate, integer fen' })
  declare committedAfterFen: string;
}

export class WhatIfItemDto {
  @ApiProperty({ type: String, nullable: true, example: 'std.national.formulate.lead', description: 'The award item; null for achievements no item covers' })
  declare itemId: string | null;

  @ApiProperty({ type: () => BilingualTextDto, description: "The item's name in the text (the candidate's wording where it has the item)" })
  declare label: BilingualTextDto;

  @ApiProperty({ type: String, nullable: true, example: '第六条' })
  declare article: string | null;

  @ApiProperty({ type: 'integer', description: 'Achievements claimed under this item by either version' })
  declare count: number;

  @ApiProperty(FEN)
  declare beforeFen: string;

  @ApiProperty(FEN)
  declare afterFen: string;

  @ApiProperty(FEN)
  declare deltaFen: string;
}

export class WhatIfApplicantDto {
  @ApiProperty({ example: '威海环翠海洋装备科技有限公司', description: 'The organization as named in its latest compared application' })
  declare organizationName: string;

  @ApiProperty({ type: 'integer' })
  declare applicationCount: number;

  @ApiProperty(FEN)
  declare beforeFen: string;

  @ApiProperty(FEN)
  declare afterFen: string;

  @ApiProperty(FEN)
  declare deltaFen: string;
}

/** A comparison only: nothing is written, and the candidate never prices a real award. */
export class WhatIfReportDto {
  @ApiProperty({ type: () => WhatIfPolicyRefDto, nullable: true, description: 'The version in force for most of the applications; null when none was compared' })
  declare baseline: WhatIfPolicyRefDto | null;

  @ApiProperty({ type: () => WhatIfPolicyRefDto })
  declare candidate: WhatIfPolicyRefDto;

  @ApiProperty({ type: 'integer', description: 'Applications compared (submitted, not withdrawn, lapsed or rejected)' })
  declare applications: number;

  @ApiProperty({ type: 'integer', description: 'Applications left out because one of the versions could not price them (e.g. the draft needs an input they lack)' })
  declare unpricedApplications: number;

  @ApiProperty(FEN)
  declare totalBeforeFen: string;

  @ApiProperty(FEN)
  declare totalAfterFen: string;

  @ApiProperty(FEN)
  declare deltaFen: string;

  @ApiProperty({ type: () => WhatIfBudgetDto, nullable: true })
  declare budget: WhatIfBudgetDto | null;

  @ApiProperty({ type: () => [WhatIfItemDto], description: 'Per award item, in the order of the candidate text' })
  declare byItem: WhatIfItemDto[];

  @ApiProperty({ type: () => [WhatIfApplicantDto], description: 'Per applicant, largest change first (at most 200)' })
  declare byApplicant: WhatIfApplicantDto[];
}
