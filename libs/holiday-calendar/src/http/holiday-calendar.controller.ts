import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { HolidayCalendarAdmin } from '../holiday-calendar-admin';
import { HolidayYearView } from '../holiday-years';
import { HolidayYearParamPipe, PutHolidayYearDto } from './holiday-year.dto';
import { HolidayYearDto, HolidayYearListDto } from './holiday-year.response';

/**
 * The platform-wide working-day calendar: the State Council's yearly holiday notices a platform administrator adds,
 * so a year the bundled schedule lacks needs no release. Every API and worker process sees a new year at once.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('platform/holiday-calendar')
export class HolidayCalendarController {
  constructor(private readonly admin: HolidayCalendarAdmin) {}

  @Get()
  @Roles('platform_admin')
  @ApiOperation({ summary: 'The holiday years added by operators, each with its notice (文号, address), who added it and when' })
  @ApiOkResponse({ type: HolidayYearListDto })
  async list(): Promise<{ items: HolidayYearView[] }> {
    return { items: await this.admin.list() };
  }

  @Put(':year')
  @Roles('platform_admin')
  @ApiOperation({ summary: "Add or replace a year's State Council holiday notice: every day off and make-up working day, named in Chinese" })
  @ApiParam({ name: 'year', description: 'The year of the notice, 2000-2200', example: 2099 })
  @ApiOkResponse({ type: HolidayYearDto })
  put(@CurrentActor() actor: Actor, @Param('year', HolidayYearParamPipe) year: number, @Body() body: PutHolidayYearDto): Promise<HolidayYearView> {
    return this.admin.save({ year, noticeNumber: body.noticeNumber, noticeUrl: body.noticeUrl ?? null, days: body.days }, actor, body.reason ?? null);
  }
}
