import { DisplayNameField, NewPasswordField, NewUsernameField, TenantIdField } from '@subsidy/auth';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AcceptInvitationDto {
  @TenantIdField()
  tenant!: string;

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
