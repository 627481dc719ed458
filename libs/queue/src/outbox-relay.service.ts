import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** Runs the relay for the lifetime of the worker process. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.relay = new OutboxRelay(config, { clock, ...options });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
