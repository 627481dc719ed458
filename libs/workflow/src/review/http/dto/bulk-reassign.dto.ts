import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { ReassignReviewDto } from './reassign-review.dto';

/** 批量分配: the same reviewer and reason for each of the selected applications. */
export class BulkReassignDto extends ReassignReviewDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200, description: 'The applications whose current district or technical review moves to the reviewer' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}
