import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NewPasswordField, TenantIdField } from './fields';

/** Redeems the one-time token of an activation or a forced reset (sent to the account's e-mail address). */
export class PasswordSetupDto {
  @ApiProperty({ example: 'weihai' })
  @TenantIdField()
  tenant!: string;

  @ApiProperty({ description: 'The one-time token from the e-mail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token!: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @NewPasswordField()
  password!: string;
}
