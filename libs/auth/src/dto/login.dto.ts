import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TenantIdField } from './fields';

export class LoginDto {
  @TenantIdField()
  tenant!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}
