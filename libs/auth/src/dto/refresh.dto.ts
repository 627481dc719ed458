import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TenantIdField } from './fields';

export class RefreshDto {
  @TenantIdField()
  tenant!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken!: string;
}
