import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@subsidy/calendar';

/** The one source of "now" for use cases, jobs and the outbox relay, so tests can move time instead of waiting. */
export const CLOCK = Symbol('CLOCK');

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
