import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_KINDS } from '@subsidy/organizations';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CombineMethod, REVIEW_STAGES, ReviewStage } from '../../core';
import { HasUniqueKeys, IsAtMostField, PresentExactlyWhen } from './field-rules';

const COMBINE_METHODS: readonly CombineMethod[] = ['mean', 'median', 'trimmed_mean', 'min'];

export class StagesDto {
  @ApiProperty({ description: 'The office checks completeness and eligibility' })
  @IsBoolean()
  formal_check!: boolean;

  @ApiProperty({ description: 'The district pre-reviews its own applicants' })
  @IsBoolean()
  district_review!: boolean;

  @ApiProperty({ description: 'A technical reviewer gives an opinion per achievement' })
  @IsBoolean()
  technical_review!: boolean;

  @ApiProperty({ description: 'A seeded expert panel scores the application' })
  @IsBoolean()
  expert_review!: boolean;
}

export class RubricCriterionDto {
  /** Same pattern as @subsidy/review's validateRubric, which scores against these keys. */
  @ApiProperty({ example: 'innovation', pattern: '^[a-z][a-z0-9_]{0,63}$' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: '$property must be lower-case letters, digits and _, starting with a letter' })
  key!: string;

  @ApiProperty({ example: '创新性', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;

  @ApiProperty({ description: 'Hundredths of a point: 20 points = 2000' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  maxPoints!: number;
}

export class RubricDto {
  @ApiProperty({ type: () => [RubricCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @HasUniqueKeys('key')
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  criteria!: RubricCriterionDto[];
}

export class PanelDto {
  @ApiProperty({ description: 'Experts drawn', example: 5, minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  size!: number;

  @ApiProperty({ description: 'Scores needed to combine; at most size', example: 3, minimum: 1 })
  @IsInt()
  @Min(1)
  @IsAtMostField('size')
  quorum!: number;

  @ApiProperty({ description: 'Calendar days the experts have to score after the panel is drawn' })
  @IsInt()
  @Min(1)
  @Max(60)
  scoringDays!: number;

  @ApiProperty({ description: 'Hours before the scoring deadline the experts are reminded', example: 24, minimum: 1, maximum: 240 })
  @IsInt()
  @Min(1)
  @Max(240)
  reminderHoursBefore!: number;

  @ApiProperty({ enum: COMBINE_METHODS, enumName: 'CombineMethod' })
  @IsIn(COMBINE_METHODS, { message: `$property must be one of: ${COMBINE_METHODS.join(', ')}` })
  combine!: CombineMethod;

  @ApiProperty({ type: () => RubricDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  rubric!: RubricDto;
}

export class PublicityDto {
  @ApiProperty({ example: 7, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  days!: number;

  @ApiProperty({ enum: ['calendar', 'working'], enumName: 'DayUnit' })
  @IsIn(['calendar', 'working'], { message: '$property must be one of: calendar, working' })
  unit!: 'calendar' | 'working';
}

const expertReviewOn = (settings: Record<string, unknown>): boolean =>
  (settings.stages as Record<string, unknown> | undefined)?.expert_review === true;

/** The `ReviewSettings` of a program (libs/workflow/src/core/review-settings.ts), checked field by field. */
export class ReviewSettingsDto {
  @ApiProperty({ type: () => StagesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => StagesDto)
  stages!: StagesDto;

  @ApiPropertyOptional({
    isArray: true,
    enum: REVIEW_STAGES,
    nullable: true,
    description:
      'The order the stages run in: all four stages, each once, whether on or not (an application passes those that are on, in this order). ' +
      'Absent or null = formal_check, district_review, technical_review, expert_review. GET /programs/template fills it where the text fixes an order (Weihai: district_review first).',
    example: ['district_review', 'formal_check', 'technical_review', 'expert_review'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(REVIEW_STAGES.length, { message: `$property must list all ${REVIEW_STAGES.length} stages: ${REVIEW_STAGES.join(', ')}` })
  @ArrayMaxSize(REVIEW_STAGES.length, { message: `$property must list all ${REVIEW_STAGES.length} stages, each once: ${REVIEW_STAGES.join(', ')}` })
  @ArrayUnique({ message: '$property must list each stage once' })
  @IsIn(REVIEW_STAGES, { each: true, message: `each value in $property must be one of: ${REVIEW_STAGES.join(', ')}` })
  stageOrder?: ReviewStage[] | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: "Working days for the formal check; null = the text sets none: the product's default of 10 working days applies" })
  @ValidateIf((settings: ReviewSettingsDto) => settings.formalCheckWorkingDays !== null)
  @IsInt()
  @Min(1)
  @Max(60)
  formalCheckWorkingDays!: number | null;

  @ApiPropertyOptional({ type: Number, description: 'Working days for the district pre-review from the day an application arrives; absent = 10', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  districtReviewWorkingDays?: number;

  @ApiPropertyOptional({ type: Number, description: 'Working days for the technical review from the day an application arrives; absent = 10', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  technicalReviewWorkingDays?: number;

  @ApiPropertyOptional({ type: Number, description: 'Working days for the expert review (drawing the panel and scoring) from the day an application arrives; absent = 10', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  expertReviewWorkingDays?: number;

  @ApiProperty({ description: 'Working days an applicant has to correct a returned application', example: 10, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  correctionWorkingDays!: number;

  @ApiPropertyOptional({ type: PanelDto, nullable: true, description: 'Required exactly when stages.expert_review is true' })
  @ValidateIf((settings: ReviewSettingsDto) => settings.panel !== null || expertReviewOn(settings as unknown as Record<string, unknown>))
  @PresentExactlyWhen(expertReviewOn, 'stages.expert_review is true')
  @ValidateNested()
  @Type(() => PanelDto)
  panel!: PanelDto | null;

  @ApiProperty({ type: () => PublicityDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PublicityDto)
  publicity!: PublicityDto;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind', isArray: true, description: 'Organization kinds the city reviews itself (no district pre-review)' })
  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANIZATION_KINDS, { each: true, message: `each value in $property must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  cityReviewedKinds!: string[];
}
