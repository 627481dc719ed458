import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListObjectionsQuery {
  @ApiPropertyOptional({ enum: ['received', 'upheld', 'dismissed'] })
  @IsOptional()
  @IsIn(['received', 'upheld', 'dismissed'], { message: '$property must be received, upheld or dismissed' })
  status?: 'received' | 'upheld' | 'dismissed';
}
