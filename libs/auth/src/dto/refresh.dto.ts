import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TenantIdField } from './fields';

export class RefreshDto {
  @TenantIdField()
  tenant!: string;

  @ApiProperty({ description: 'The refresh token the last login or refresh returned', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken!: string;
}
