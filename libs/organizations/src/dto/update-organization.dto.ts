import { OrganizationNameField } from './register-organization.dto';

/** Only the name can change: the code, kind and district are facts of the registration. */
export class UpdateOrganizationDto {
  @OrganizationNameField()
  name!: string;
}
