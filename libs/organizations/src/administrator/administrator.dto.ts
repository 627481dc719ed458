import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class HandOverAdministratorDto {
  @ApiProperty({ format: 'uuid', description: 'An active applicant account of the organization' })
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why; required when a program officer assigns the role' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
