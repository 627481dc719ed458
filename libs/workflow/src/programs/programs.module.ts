import { Module } from '@nestjs/common';

/** programs: filled in by its owner (docs/design/workflow.md). */
@Module({})
export class ProgramsModule {}
