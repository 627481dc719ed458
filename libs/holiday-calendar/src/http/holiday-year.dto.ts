import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank, ValidationFailedError } from '@subsidy/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export const HOLIDAY_DAY_KINDS = ['holiday', 'workday'] as const;

/** One day of the notice. */
export class HolidayDayDto {
  @ApiProperty({ description: 'The date, YYYY-MM-DD, in the year of the path', example: '2099-01-01' })
  @IsString()
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ description: 'holiday: a day off (放假), on whatever weekday; workday: a Saturday or Sunday worked (调休上班)', enum: HOLIDAY_DAY_KINDS, example: 'holiday' })
  @IsIn(HOLIDAY_DAY_KINDS)
  kind!: 'holiday' | 'workday';

  @ApiProperty({ description: 'The holiday it belongs to, in Chinese as the notice names it (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节)', example: '元旦', maxLength: 50 })
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  name!: string;
}

/** A year's State Council holiday notice, as published: its number, its address and every day it moves. */
export class PutHolidayYearDto {
  @ApiProperty({ description: "The notice's document number (文号)", example: '国办发明电〔2099〕1号', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  noticeNumber!: string;

  @ApiPropertyOptional({ description: 'Where the notice is published, http(s)', example: 'https://www.gov.cn/zhengce/content/', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\/[^\s]+$/)
  noticeUrl?: string;

  @ApiPropertyOptional({ description: 'Why the year is added or replaced (kept in the audit log)', example: '录入国务院办公厅通知', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason?: string;

  @ApiProperty({ description: 'Every day off and every make-up working day of the year, each date once', type: [HolidayDayDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => HolidayDayDto)
  days!: HolidayDayDto[];
}

/** The year of the path: a whole number 2000-2200, else 400 naming `year`. */
@Injectable()
export class HolidayYearParamPipe implements PipeTransform<string, number> {
  transform(value: string, _metadata: ArgumentMetadata): number {
    if (/^\d{4}$/.test(value)) {
      const year = Number(value);
      if (year >= 2000 && year <= 2200) return year;
    }
    throw new ValidationFailedError({ zh: '年份有误', en: 'Invalid request: year' }, [
      { path: 'year', message: 'year must be a year from 2000 to 2200', messageZh: 'year 必须是 2000 至 2200 之间的年份' },
    ]);
  }
}
