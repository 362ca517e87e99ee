import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A field initialiser runs once per instance, as a constructor does: what it starts and keeps on
// the instance answers to the class's teardown exactly as `this.timer = setInterval(…)` in the constructor does.
runInBothModes('no-leaked-subscription: class fields that start something', rule, {
  valid: [
    // The teardown clears it.
    `
class Poller {
  private timer = setInterval(() => this.poll(), 1000);
  poll(): void {}
  stop(): void {
    clearInterval(this.timer);
  }
}
`,
    // Ended by another method the teardown runs.
    `
import Redis from 'ioredis';
class Store {
  conn = new Redis();
  async close(): Promise<void> {
    await this.shutdown();
  }
  private async shutdown(): Promise<void> {
    await this.conn.quit();
  }
}
`,
    // No teardown, made once: one interval for the program, as for a constructor.
    `
class Meter {
  private timer = setInterval(() => this.roll(), 1000);
  roll(): void {}
}
`,
    // A static field is the class's own, set once for the program, like module code.
    `
class Clock {
  static timer = setInterval(() => Clock.tick(), 1000);
  static tick(): void {}
  stop(): void {}
}
`,
    // Ended by a method of the class's users, with no teardown by name: as for a constructor, fine.
    `
import Redis from 'ioredis';
class Store {
  conn = new Redis();
  quit() {
    return this.conn.quit();
  }
}
`,
    // Handed to an object the class keeps, which may own it (a dev server closing the watcher it is given).
    `
import chokidar from 'chokidar';
import { DevServer } from './dev-server';
export class TestServer {
  private fileWatcher = chokidar.watch([]);
  private devServer = new DevServer(this.fileWatcher);
  async stop(): Promise<void> {
    await this.devServer.stop();
  }
}
`,
    // A field that only holds a function which starts later is no start.
    `
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start = () => {
    this.timer = setInterval(() => this.poll(), 1000);
  };
  poll(): void {}
  stop(): void {
    clearInterval(this.timer);
  }
}
`,
  ],
  invalid: [
    {
      code: `
class Poller {
  private timer = setInterval(() => this.poll(), 1000);
  poll(): void {}
  stop(): void {
    console.log('stopped');
  }
}
`,
      output: `
class Poller {
  private timer = setInterval(() => this.poll(), 1000);
  poll(): void {}
  stop(): void {
    console.log('stopped');
    clearInterval(this.timer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.poll(), 1000)', member: 'this.timer', teardown: 'stop' },
          line: 3,
          column: 19,
        },
      ],
    },
    {
      code: `
import Redis from 'ioredis';
class Store {
  conn = new Redis();
  async close(): Promise<void> {
    console.log('closing');
  }
}
`,
      output: `
import Redis from 'ioredis';
class Store {
  conn = new Redis();
  async close(): Promise<void> {
    console.log('closing');
    void this.conn?.quit();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Redis()', member: 'this.conn', teardown: 'close' },
          line: 4,
          column: 10,
        },
      ],
    },
    {
      // A private field: the end reads it as the class does.
      code: `
import * as fs from 'node:fs';
class Watcher {
  #watcher = fs.watch('.', () => this.changed());
  changed(): void {}
  dispose(): void {
    console.log('disposed');
  }
}
`,
      output: `
import * as fs from 'node:fs';
class Watcher {
  #watcher = fs.watch('.', () => this.changed());
  changed(): void {}
  dispose(): void {
    console.log('disposed');
    this.#watcher?.close();
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: "fs.watch('.', () => this.changed())", member: 'this.#watcher', teardown: 'dispose' }, line: 4, column: 14 }],
    },
    {
      // A field typed as nullable: the end function takes no \`null\`.
      code: `
class Poller {
  private timer: ReturnType<typeof setInterval> | null = setInterval(() => this.poll(), 1000);
  poll(): void {}
  stop(): void {
    console.log('stopped');
  }
}
`,
      output: `
class Poller {
  private timer: ReturnType<typeof setInterval> | null = setInterval(() => this.poll(), 1000);
  poll(): void {}
  stop(): void {
    console.log('stopped');
    clearInterval(this.timer ?? undefined);
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'setInterval(() => this.poll(), 1000)', member: 'this.timer', teardown: 'stop' }, line: 3, column: 58 }],
    },
    {
      // A NestJS provider's field: its onModuleDestroy() is where the connection must be closed.
      code: `
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
@Injectable()
export class Feed implements OnModuleDestroy {
  private readonly redis = new Redis();
  onModuleDestroy(): void {
    console.log('bye');
  }
}
`,
      output: `
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
@Injectable()
export class Feed implements OnModuleDestroy {
  private readonly redis = new Redis();
  onModuleDestroy(): void {
    console.log('bye');
    void this.redis?.quit();
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis()', member: 'this.redis', teardown: 'onModuleDestroy' }, line: 6, column: 28 }],
    },
    {
      // A React component's field goes on running after unmount, and it has no componentWillUnmount.
      code: `
import React from 'react';
export class Clock extends React.Component {
  private timer = setInterval(() => this.forceUpdate(), 1000);
  render() {
    return null;
  }
}
`,
      errors: [{ messageId: 'storedNoTeardown', data: { code: 'setInterval(…)', member: 'this.timer', teardown: 'componentWillUnmount' }, line: 4, column: 19 }],
    },
  ],
});

// The same in plain JavaScript.
javascriptRuleTester.run('no-leaked-subscription: class fields in JavaScript', rule, {
  valid: [
    `
class Poller {
  #timer = setInterval(() => this.poll(), 1000);
  poll() {}
  stop() {
    clearInterval(this.#timer);
  }
}
`,
  ],
  invalid: [
    {
      code: `
class Poller {
  #timer = setInterval(() => this.poll(), 1000);
  poll() {}
  stop() {
    this.stopped = true;
  }
}
`,
      output: `
class Poller {
  #timer = setInterval(() => this.poll(), 1000);
  poll() {}
  stop() {
    this.stopped = true;
    clearInterval(this.#timer);
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'setInterval(() => this.poll(), 1000)', member: 'this.#timer', teardown: 'stop' }, line: 3, column: 12 }],
    },
  ],
});
