import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A NestJS provider's method decorated with @Cron or @Interval (@nestjs/schedule) runs on every tick.
runInBothModes('no-repeated-subscription: NestJS scheduled methods', rule, {
  valid: [
    // each tick quits the connection it opened
    `
import { Cron, CronExpression } from '@nestjs/schedule';
import Redis from 'ioredis';

export class InventorySync {
  private readonly redis = new Redis();

  @Cron(CronExpression.EVERY_MINUTE)
  async sync(): Promise<void> {
    const sub = this.redis.duplicate();
    try {
      await sub.subscribe('inventory');
    } finally {
      await sub.quit();
    }
  }
}
`,
    // a one-shot @Timeout runs once: what it starts is not repeated
    `
import { Timeout } from '@nestjs/schedule';

export class Warmup {
  @Timeout(1000)
  start(): void {
    process.on('SIGUSR2', () => console.log('dump'));
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { Cron, CronExpression } from '@nestjs/schedule';
import Redis from 'ioredis';

export class InventorySync {
  private readonly redis = new Redis();

  @Cron(CronExpression.EVERY_MINUTE)
  async sync(): Promise<void> {
    const sub = this.redis.duplicate();
    await sub.subscribe('inventory');
    sub.on('message', (_channel: string, message: string) => console.log(message));
  }
}
`,
      errors: [{ messageId: 'repeatedStart', line: 11, column: 11, endLine: 11, endColumn: 24 }],
    },
    {
      // through a method of the class, on every tick of the interval; no hoist out of a method
      code: `
import { Interval } from '@nestjs/schedule';
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();

export class Metrics {
  private count = 0;

  @Interval(5000)
  report(): void {
    this.listen();
    console.log('requests', this.count);
  }

  private listen(): void {
    bus.on('request', () => this.count++);
  }
}
`,
      errors: [{ messageId: 'repeatedCall', line: 12, column: 5, endLine: 12, endColumn: 16 }],
    },
    {
      // a statement that reads nothing of the method is still not hoisted: before a method is its class
      code: `
import { Interval } from '@nestjs/schedule';

export class Heartbeat {
  @Interval(60_000)
  tick(): void {
    setInterval(() => console.log('alive'), 1000);
  }
}
`,
      errors: [{ messageId: 'repeatedStart', line: 7, column: 5, endLine: 7, endColumn: 16 }],
    },
  ],
});

// Plain JavaScript parsed by espree: its methods have no decorators at all.
javascriptRuleTester.run('no-repeated-subscription: methods without decorators (JavaScript)', rule, {
  valid: [
    `
export class Monitor {
  start() {
    this.timer = setInterval(() => console.log('tick'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
`,
  ],
  invalid: [],
});
