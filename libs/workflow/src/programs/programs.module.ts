import { Global, Module } from '@nestjs/common';
import { ProgramsController } from './http/programs.controller';
import { CloseProgramHandler } from './jobs/close-program.handler';
import { OpenProgramHandler } from './jobs/open-program.handler';
import { ProgramPolicy } from './program-policy';
import { CancelProgram } from './use-cases/cancel-program';
import { CheckTenantFit } from './use-cases/check-tenant-fit';
import { CreateProgram } from './use-cases/create-program';
import { GetProgram } from './use-cases/get-program';
import { GetProgramTemplate } from './use-cases/get-program-template';
import { ListPrograms } from './use-cases/list-programs';
import { ScheduleProgram } from './use-cases/schedule-program';
import { UpdateProgram } from './use-cases/update-program';
import { ChangeProgramWindow } from './running-call/change-program-window';
import { ChangeStageDeadline } from './running-call/change-stage-deadline';
import { CloseProgramEarly } from './running-call/close-program-early';
import { ReopenProgram } from './running-call/reopen-program';

/**
 * Programs: configuration, scheduling, the opening and closing of the application window (docs/design/workflow.md).
 * Global so the other workflow areas can inject ProgramPolicy without importing this module.
 */
@Global()
@Module({
  controllers: [ProgramsController],
  providers: [
    OpenProgramHandler,
    CloseProgramHandler,
    ProgramPolicy,
    CheckTenantFit,
    CreateProgram,
    UpdateProgram,
    ScheduleProgram,
    CancelProgram,
    ListPrograms,
    GetProgram,
    GetProgramTemplate,
    ChangeProgramWindow,
    CloseProgramEarly,
    ReopenProgram,
    ChangeStageDeadline,
  ],
  exports: [ProgramPolicy],
})
export class ProgramsModule {}
