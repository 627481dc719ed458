import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/** 无利益冲突声明: only "no conflict" is declared here; a conflict goes to POST /applications/:id/panel/conflict. */
export class ExpertDeclarationDto {
  @ApiProperty({ enum: [true], description: 'The expert declares no conflict of interest with the applicant (a conflict is declared through panel/conflict)' })
  @Equals(true, { message: '$property must be true: declare a conflict through panel/conflict instead' })
  noConflict!: true;
}
