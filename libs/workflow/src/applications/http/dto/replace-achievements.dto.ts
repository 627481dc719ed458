import { ACHIEVEMENT_SCHEMA_NAME } from '@subsidy/policy';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject } from 'class-validator';

export class ReplaceAchievementsDto {
  @ApiProperty({
    description: 'The full list of claimed achievements (achievement.schema.json; at most 50). A standard may add coDraftingUsccs: string[].',
    type: 'array',
    items: { $ref: `#/components/schemas/${ACHIEVEMENT_SCHEMA_NAME}` },
    maxItems: 50,
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  achievements!: Array<Record<string, unknown>>;
}
