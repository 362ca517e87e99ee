import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A wait for the object's own end ('close', 'end', 'finish', 'exit') on a stream, or on an object
// whose kind emits it once: when the event fires the object is done, so the listener lasts no
// longer than it, however often the wait is made. A wait for an event that comes again ('drain', a
// reconnecting client's 'close', the 'close' of an emitter that may connect again) still leaves one
// more listener per call.
runInBothModes('no-leaked-subscription: waits for the object\'s own end', rule, {
  valid: [
    `
import { Readable } from 'node:stream';

export class Body extends Readable {
  dump() {
    return new Promise<null>((resolve) => {
      this.on('close', () => resolve(null));
      this.resume();
    });
  }
}
`,
    `
import { Writable } from 'node:stream';

export class Sink extends Writable {
  flushed() {
    return new Promise<void>((resolve) => {
      this.on('finish', resolve);
      this.end();
    });
  }
}
`,
    `
import stream from 'node:stream';

export class Body extends stream.Readable {
  closed() {
    return new Promise<void>((resolve) => {
      this.on('close', resolve);
    });
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

export class Connection extends EventEmitter {
  closed() {
    return new Promise<void>((resolve) => {
      this.on('close', resolve);
    });
  }
}
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 7, column: 7, endLine: 7, endColumn: 14 }],
    },
    {
      code: `
import { Writable } from 'node:stream';

export class Sink extends Writable {
  drained() {
    return new Promise<void>((resolve) => {
      this.on('drain', resolve);
    });
  }
}
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 7, column: 7, endLine: 7, endColumn: 14 }],
    },
    {
      code: `
import Redis from 'ioredis';

export function closed(redis: Redis) {
  return new Promise<void>((resolve, reject) => {
    redis.once('close', () => resolve());
    redis.once('error', reject);
  });
}
`,
      // ioredis reconnects: its 'close' comes again, and each call leaves one more listener.
      errors: [
        { messageId: 'listenerLeftByWaiter', line: 6, column: 5, endLine: 6, endColumn: 15 },
        { messageId: 'listenerLeftByWaiter', line: 7, column: 5, endLine: 7, endColumn: 15 },
      ],
    },
  ],
});
