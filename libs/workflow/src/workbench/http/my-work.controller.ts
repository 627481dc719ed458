import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { MyWork, MyWorkQuery } from '../my-work';
import { MyWorkResponse } from './my-work.response';

@ApiTags('workbench')
@ApiBearerAuth()
@Controller('me')
export class MyWorkController {
  constructor(private readonly work: MyWorkQuery) {}

  @Get('work')
  @ApiOperation({ summary: 'The 工作台: what waits for my action, by kind, with counts and due dates on the working-day calendar' })
  @ApiOkResponse({ type: MyWorkResponse })
  mine(@CurrentActor() actor: Actor): Promise<MyWork> {
    return this.work.forActor(actor);
  }
}
