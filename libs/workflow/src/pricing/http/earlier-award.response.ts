import { ApiProperty } from '@nestjs/swagger';

/** Swagger shape of one finance payer of an earlier award (response only, never a validated body). */
export class EarlierAwardPayerResponse {
  @ApiProperty({ description: 'Finance payer: city, matching or district:<6-digit code>', example: 'city' })
  declare payer: string;

  @ApiProperty({ description: "This payer's part of the decided amount, integer fen", example: 28_500_000 })
  declare amountFen: number;
}

/**
 * Swagger shape of an earlier award shown beside a new claim (`earlierAwards` of the estimate and, per item, of the
 * decision list): the organization's item for the same thing decided in another application of the tenant.
 */
export class EarlierAwardResponse {
  @ApiProperty({ description: 'The achievement of THIS application the earlier award concerns', example: 'a1' })
  declare achievementId: string;

  @ApiProperty({ description: 'The engine key both share, <type>:<level>:<identifier>', example: 'standard:national:GB/T 43697-2023' })
  declare achievementKey: string;

  @ApiProperty({ format: 'uuid', description: 'The earlier application' })
  declare applicationId: string;

  @ApiProperty({ description: 'Its status: decided, in_publicity, objection_review, approved or handed_over', example: 'handed_over' })
  declare applicationStatus: string;

  @ApiProperty({ format: 'uuid', description: 'The program of the earlier award' })
  declare programId: string;

  @ApiProperty({ description: 'Its title', example: '2026年度首都标准化战略补助资金（第一批）' })
  declare programTitle: string;

  @ApiProperty({ description: 'Its year', example: 2026 })
  declare programYear: number;

  @ApiProperty({ description: 'The amount decided for the earlier item, integer fen', example: 28_500_000 })
  declare decidedFen: number;

  @ApiProperty({ type: [EarlierAwardPayerResponse], description: "Finance's shares once finance took the program in; before that the tenant's own treasury (city)" })
  declare payers: EarlierAwardPayerResponse[];

  @ApiProperty({
    type: [String],
    description: 'The payers as the policy texts name funding sources (city, county, district): what the no-double-funding rule was told',
    example: ['city'],
  })
  declare sources: string[];
}
