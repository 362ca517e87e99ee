import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A static method has no instance and so no teardown: it is a function kept in a class's namespace
// (matrix-bot-sdk's `AutojoinRoomsMixin.setupOnClient(client)`, seen on the eighth unseen sample), and
// its lifetime is read as a free function's is: named like an installer, it attaches to what it is
// given for that object's life. Only what it adds to its parameters is spared, as for a function.
runInBothModes('no-leaked-subscription: static methods read as functions', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

export class AutojoinRoomsMixin {
  public static setupOnClient(client: EventEmitter): void {
    client.on('room.invite', (roomId: string) => console.log(roomId));
  }
}
`,
    `
import { EventEmitter } from 'node:events';

export class Mixins {
  static attachLogging(client: EventEmitter) {
    client.on('error', (error: Error) => console.error(error));
  }
}
`,
  ],
  invalid: [
    {
      // Not named like an installer: a static method may be called any number of times.
      code: `
import { EventEmitter } from 'node:events';

export class Watcher {
  static watch(client: EventEmitter): void {
    client.on('room.invite', (roomId: string) => console.log(roomId));
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'room.invite' listener", target: 'client', outlives: 'a parameter', code: 'client.on(…)' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watch()`' },
              output: `
import { EventEmitter } from 'node:events';

export class Watcher {
  static watch(client: EventEmitter, signal?: AbortSignal): void {
    const onRoomInvite = (roomId: string) => console.log(roomId);
    client.on('room.invite', onRoomInvite);
    if (signal?.aborted) client.off('room.invite', onRoomInvite);
    else signal?.addEventListener('abort', () => client.off('room.invite', onRoomInvite), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // An installer's name spares only what it adds to what it is given: its own interval is still dropped.
      code: `
import { EventEmitter } from 'node:events';

export class Mixins {
  static setupOnClient(client: EventEmitter): void {
    client.on('ping', () => console.log('ping'));
    setInterval(() => client.emit('ping'), 1000);
  }
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an interval', code: 'setInterval(…)' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`setupOnClient()`' },
              output: `
import { EventEmitter } from 'node:events';

export class Mixins {
  static setupOnClient(client: EventEmitter, signal?: AbortSignal): void {
    client.on('ping', () => console.log('ping'));
    const interval = setInterval(() => client.emit('ping'), 1000);
    if (signal?.aborted) clearInterval(interval);
    else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
