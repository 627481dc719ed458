import { ApiProperty } from '@nestjs/swagger';
import type { HolidayYearView } from '../holiday-years';

export class HolidayYearDto implements HolidayYearView {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ example: '国办发明电〔2026〕X号', description: 'The State Council notice (文号)' })
  noticeNumber!: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.gov.cn/...' })
  noticeUrl!: string | null;

  @ApiProperty({ description: 'Who added the year (a username, or the operator named on the command line)' })
  addedBy!: string;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;

  @ApiProperty({ description: 'Starts at 1; each replacement of the year adds one', example: 1 })
  version!: number;

  @ApiProperty({ description: 'Days off in the year', example: 28 })
  holidays!: number;

  @ApiProperty({ description: 'Make-up working days (调休上班) in the year', example: 6 })
  workdays!: number;
}

export class HolidayYearListDto {
  @ApiProperty({ type: HolidayYearDto, isArray: true })
  items!: HolidayYearDto[];
}
