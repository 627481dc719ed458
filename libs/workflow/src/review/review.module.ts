import { Module } from '@nestjs/common';

/** review: filled in by its owner (docs/design/workflow.md). */
@Module({})
export class ReviewModule {}
