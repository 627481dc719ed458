import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsString, MaxLength, MinLength } from 'class-validator';

export class DeclarationDto {
  @ApiProperty({ type: 'boolean', enum: [true], description: 'Must be true: the applicant declares the application true and complete' })
  @Equals(true, { message: 'accepted must be true' })
  accepted!: boolean;

  @ApiProperty({ maxLength: 2000, description: 'The declaration text the applicant agreed to (承诺书)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  statement!: string;
}
