import { Module } from '@nestjs/common';

/** decision: filled in by its owner (docs/design/workflow.md). */
@Module({})
export class DecisionModule {}
