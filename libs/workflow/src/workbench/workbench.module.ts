import { Module } from '@nestjs/common';
import { MyWorkController } from './http/my-work.controller';
import { MyWorkQuery } from './my-work';

/** The 工作台 (GET /me/work): read-only, across the workflow's and finance's tables. */
@Module({
  controllers: [MyWorkController],
  providers: [MyWorkQuery],
})
export class WorkbenchModule {}
