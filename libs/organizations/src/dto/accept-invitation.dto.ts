import { ApiProperty } from '@nestjs/swagger';
import { DisplayNameField, NewPasswordField, NewUsernameField, TenantIdField } from '@subsidy/auth';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AcceptInvitationDto {
  @TenantIdField()
  tenant!: string;

  @ApiProperty({ description: 'The invitation token from the e-mailed link', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token!: string;

  @NewUsernameField()
  username!: string;

  @DisplayNameField()
  displayName!: string;

  @NewPasswordField()
  password!: string;
}
