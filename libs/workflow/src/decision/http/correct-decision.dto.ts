import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DecideApplicationDto } from './decide-application.dto';

export class CorrectDecisionDto extends DecideApplicationDto {
  @ApiProperty({ description: 'Why the decision is corrected (audited and sent to the applicant)', example: '核对发现该标准为参与制定，更正为参与档金额' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/\S/, { message: '$property must not be blank' })
  reason!: string;
}
