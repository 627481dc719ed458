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
  @IsBoolean()
  formal_check!: boolean;

  @IsBoolean()
  district_review!: boolean;

  @IsBoolean()
  technical_review!: boolean;

  @IsBoolean()
  expert_review!: boolean;
}

export class RubricCriterionDto {
  /** Same pattern as @subsidy/review's validateRubric, which scores against these keys. */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: '$property must be lower-case letters, digits and _, starting with a letter' })
  key!: string;

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
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @HasUniqueKeys('key')
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  criteria!: RubricCriterionDto[];
}

export class PanelDto {
  @IsInt()
  @Min(1)
  @Max(50)
  size!: number;

  @IsInt()
  @Min(1)
  @IsAtMostField('size')
  quorum!: number;

  @ApiProperty({ description: 'Calendar days the experts have to score after the panel is drawn' })
  @IsInt()
  @Min(1)
  @Max(60)
  scoringDays!: number;

  @IsInt()
  @Min(1)
  @Max(240)
  reminderHoursBefore!: number;

  @IsIn(COMBINE_METHODS, { message: `$property must be one of: ${COMBINE_METHODS.join(', ')}` })
  combine!: CombineMethod;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  rubric!: RubricDto;
}

export class PublicityDto {
  @IsInt()
  @Min(1)
  @Max(60)
  days!: number;

  @IsIn(['calendar', 'working'], { message: '$property must be one of: calendar, working' })
  unit!: 'calendar' | 'working';
}

const expertReviewOn = (settings: Record<string, unknown>): boolean =>
  (settings.stages as Record<string, unknown> | undefined)?.expert_review === true;

/** The `ReviewSettings` of a program (libs/workflow/src/core/review-settings.ts), checked field by field. */
export class ReviewSettingsDto {
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

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null = no deadline for the formal check' })
  @ValidateIf((settings: ReviewSettingsDto) => settings.formalCheckWorkingDays !== null)
  @IsInt()
  @Min(1)
  @Max(60)
  formalCheckWorkingDays!: number | null;

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

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PublicityDto)
  publicity!: PublicityDto;

  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANIZATION_KINDS, { each: true, message: `each value in $property must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  cityReviewedKinds!: string[];
}
