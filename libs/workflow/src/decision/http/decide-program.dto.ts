import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class DecideProgramDto {
  @ApiPropertyOptional({ description: 'Decide a rolling program while it is still open' })
  @IsOptional()
  @IsBoolean()
  decideWhileOpen?: boolean;

  @ApiPropertyOptional({ description: 'rank_order: fund the first award that does not fit with what is left (true, default) or not at all' })
  @IsOptional()
  @IsBoolean()
  partialLast?: boolean;
}
