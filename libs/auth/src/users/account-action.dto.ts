import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@subsidy/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EmailField } from '../dto/fields';

/** Why an administrator acts on an account: recorded in the audit trail. */
export class AccountActionDto {
  @ApiProperty({ example: '调离本岗位 / moved to another post', maxLength: 500 })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason!: string;
}

export class ReactivateUserDto extends AccountActionDto {
  @ApiPropertyOptional({
    example: 'wang.fang@scjgj.example.gov.cn',
    description: 'Required when the account has no e-mail address and holds a duty (tenant administrator, program or finance officer)',
  })
  @IsOptional()
  @EmailField()
  email?: string;
}
