import { EmailField } from '@subsidy/auth';

export class CreateInvitationDto {
  @EmailField()
  email!: string;
}
