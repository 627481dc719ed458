import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsStringListMap } from './field-rules';

/** Achievement types of shared/domain/achievement.schema.json, the keys a call lists materials for. */
export const ACHIEVEMENT_TYPES = [
  'standard',
  'committee_secretariat',
  'standardization_pilot',
  'leader',
  'innovation_award',
  'good_conduct',
  'international_meeting',
  'foreign_adoption',
  'innovation_base',
  'benchmarking',
  'recognition',
] as const;

export class CallDto {
  @ApiProperty({ example: '关于组织申报2024年度标准化资助项目的通知', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'The call text shown to applicants', maxLength: 20_000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  body!: string;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ACHIEVEMENT_TYPES.map((type) => [type, { type: 'array', items: { type: 'string' }, maxItems: 30 }])),
    additionalProperties: false,
    example: { standard: ['标准文本', '发布公告'] },
    description: 'Materials required per achievement type (each key optional)',
  })
  @IsStringListMap(ACHIEVEMENT_TYPES, 30, 200)
  materials!: Record<string, string[]>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  receivingOffice?: string;
}
