import 'reflect-metadata';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { EventEmitter } from 'node:events';
import { fromEvent, filter, map } from 'rxjs';

export const bus = new EventEmitter();

@Injectable()
export class StaleOrderSweeper {
  private readonly log = new Logger(StaleOrderSweeper.name);

  // Every minute: sweep stale orders, and log every order the sweep cancels.
  @Cron('0 * * * * *')
  sweep(): void {
    fromEvent<{ id: string; state: string }>(bus, 'order')
      .pipe(filter((o) => o.state === 'cancelled'), map((o) => o.id))
      .subscribe((id) => this.log.log(`cancelled ${id}`));
    bus.emit('sweep', Date.now() - 15 * 60_000);
  }
}
