import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PolicyRefDto, ResultItemDto } from '@subsidy/awards';
import { EarlierAwardResponse } from './earlier-award.response';

/** OpenAPI documentation of EstimateView (estimate-award.ts); never instantiated. */
export class AcceptedItemResponse {
  @ApiProperty({ example: 'huangpu.std.national' })
  declare itemId: string;

  @ApiProperty()
  declare name: string;

  @ApiProperty({ example: '第十二条' })
  declare article: string;
}

export class RefusedClaimResponse {
  @ApiProperty({ example: 'achievements[1]' })
  declare path: string;

  @ApiProperty()
  declare message: string;

  @ApiPropertyOptional({ description: 'The same in Chinese' })
  declare messageZh?: string;
}

export class RollingCallResponse {
  @ApiProperty({ example: '第十二条' })
  declare article: string;

  @ApiProperty()
  declare source: string;

  @ApiProperty({ description: 'What the text says, in words' })
  declare text: string;

  @ApiProperty({ type: () => [AcceptedItemResponse] })
  declare acceptedItems: AcceptedItemResponse[];

  @ApiProperty({ type: () => [RefusedClaimResponse], description: 'Claimed achievements submission would refuse (422 not_accepted_all_year)' })
  declare notAccepted: RefusedClaimResponse[];
}

export class EstimateResponse {
  @ApiProperty({ format: 'uuid' })
  declare applicationId: string;

  @ApiProperty({ format: 'date', description: 'CST date the application is priced at' })
  declare applicationDate: string;

  @ApiProperty({ type: 'integer', example: 2024 })
  declare programYear: number;

  @ApiProperty({ type: () => PolicyRefDto })
  declare policy: PolicyRefDto;

  @ApiProperty({ type: 'integer', description: 'Integer fen', example: 20_000_000 })
  declare totalFen: number;

  @ApiProperty({ type: () => [ResultItemDto] })
  declare items: ResultItemDto[];

  @ApiProperty({ type: () => [EarlierAwardResponse] })
  declare earlierAwards: EarlierAwardResponse[];

  @ApiPropertyOptional({ type: () => RollingCallResponse, description: 'Only for a rolling call its policy limits to some items' })
  declare rollingCall?: RollingCallResponse;
}
