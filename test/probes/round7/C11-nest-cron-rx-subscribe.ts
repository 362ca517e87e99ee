import 'reflect-metadata';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { EventEmitter } from 'node:events';
import { fromEvent, filter, map, type Subscription } from 'rxjs';

export const bus = new EventEmitter();

@Injectable()
export class StaleOrderSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(StaleOrderSweeper.name);
  private cancelled?: Subscription;

  onModuleInit(): void {
    this.cancelled = fromEvent<{ id: string; state: string }>(bus, 'order')
      .pipe(filter((o) => o.state === 'cancelled'), map((o) => o.id))
      .subscribe((id) => this.log.log(`cancelled ${id}`));
  }

  onModuleDestroy(): void {
    this.cancelled?.unsubscribe();
  }

  // Every minute: sweep stale orders.
  @Cron('0 * * * * *')
  sweep(): void {
    bus.emit('sweep', Date.now() - 15 * 60_000);
  }
}
