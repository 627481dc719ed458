import { Module } from '@nestjs/common';
import { PolicyVersionCache } from './policy-version-cache';

/** The published versions every process prices with (the awards module serves them as its POLICY_REPOSITORY). */
@Module({ providers: [PolicyVersionCache], exports: [PolicyVersionCache] })
export class PolicyVersionStoreModule {}
