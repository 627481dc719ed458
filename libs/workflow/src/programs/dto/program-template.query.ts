import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** `GET /programs/template?policyId=`: same rule for the id as a program body's policyId. */
export class ProgramTemplateQuery {
  @ApiProperty({ example: 'foshan-2018', description: "A policy version id of the caller's tenant (config/policies/<tenant>/<id>.yaml)" })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: '$property must be a policy version id such as tianjin-2021' })
  policyId!: string;
}
