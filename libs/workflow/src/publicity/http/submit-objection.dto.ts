import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmailAddress } from '@subsidy/common';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class SubmitObjectionDto {
  @ApiProperty()
  @IsUUID()
  applicationId!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  contactName!: string;

  @ApiPropertyOptional({ description: 'Digits, spaces, + and -, with at least 5 digits; compared without +86 to recognize a repeated objection' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  // At least five digits: dashes alone would make every such objector one contact.
  @Matches(/^(?=(?:\D*\d){5})[0-9+\- ]{5,30}$/, { message: '$property must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmailAddress()
  contactEmail?: string;

  @ApiProperty({ description: 'What is wrong with the award and why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reasons!: string;
}
