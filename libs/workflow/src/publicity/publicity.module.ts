import { Module } from '@nestjs/common';

/** publicity: filled in by its owner (docs/design/workflow.md). */
@Module({})
export class PublicityModule {}
