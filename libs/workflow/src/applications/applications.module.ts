import { Module } from '@nestjs/common';

/** applications: filled in by its owner (docs/design/workflow.md). */
@Module({})
export class ApplicationsModule {}
