import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@subsidy/common';

/** A district's city:district fiscal revenue-sharing ratio (财政收入分享比例), as parts: 40 and 60 = 40:60. */
export class SetRevenueSharingDto {
  @ApiProperty({ description: "The city's parts of the ratio (0 = the district bears it alone)", example: 40, minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  cityParts!: number;

  @ApiProperty({ description: "The district's parts of the ratio (0 = the city bears it alone); city + district > 0", example: 60, minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  districtParts!: number;

  @ApiProperty({ description: 'The document that sets the ratio (e.g. the fiscal-system decision and its number)', example: '临政发〔2019〕12号 市与县区财政收入分享比例', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  basis!: string;
}
