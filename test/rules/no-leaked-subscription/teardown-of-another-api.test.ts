import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A method named as a teardown that ends nothing at all may be another API's: express-session's
// `Store#destroy(sid, callback)` deletes one session, not the store (memorystore). Then a method
// of the class that ends the handle, apart from the one that starts it, is the handle's end.
const store = (extra: string): string => `
export class MemoryStore {
  private sessions = new Map<string, unknown>();
  private checkInterval: NodeJS.Timeout | undefined;

  destroy(sid: string, callback: () => void) {
    this.sessions.delete(sid);
    callback();
  }

  startInterval(ms: number) {
    clearInterval(this.checkInterval);
    this.checkInterval = setInterval(() => this.prune(), ms);
  }
${extra}
  prune() {}
}
`;

const restart = `
  restart() {
    clearInterval(this.checkInterval);
    this.startInterval(1000);
  }
`;
const endedInDestroy = (code: string): string => code.replace('    callback();\n', '    callback();\n    clearInterval(this.checkInterval);\n');
const poller = `
import net from 'node:net';

export class Poller {
  private socket = net.connect(80);
  private timer: NodeJS.Timeout | undefined;

  start() {
    this.timer = setInterval(() => this.socket.write('ping'), 1000);
  }

  pause() {
    clearInterval(this.timer);
  }

  destroy() {
    this.socket.destroy();
  }
}
`;

const clientConnection = `
export class ClientConnection {
  private pingInterval: ReturnType<typeof setInterval>;
  private connections: { close(code?: number): void }[] = [];

  constructor(timeout: number) {
    this.pingInterval = setInterval(() => this.check(), timeout);
  }

  handleClose() {
    clearInterval(this.pingInterval);
  }

  close(code?: number) {
    this.connections.forEach((connection) => connection.close(code));
  }

  check() {}
}
`;
const processor = `
export class JobProcessor {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  start(every: number) {
    this.running = true;
    this.timer = setInterval(() => this.process(), every);
  }

  stop() {
    this.running = false;
  }

  async drain() {
    clearInterval(this.timer);
    await this.process();
  }

  async process() {}
}
`;

runInBothModes('no-leaked-subscription: a teardown by name that belongs to another API', rule, {
  valid: [
    store(`
  stopInterval() {
    clearInterval(this.checkInterval);
    this.checkInterval = undefined;
  }
`),
  ],
  invalid: [
    {
      // nothing but the restart in startInterval() ends it; destroy(sid, callback) is the
      // object's teardown by its name only, so ending it there is suggested, not fixed
      code: store(''),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.prune(), ms)', member: 'this.checkInterval', teardown: 'destroy' },
          line: 13,
          column: 26,
          suggestions: [{ messageId: 'endInTeardown', data: { teardown: 'destroy' }, output: endedInDestroy(store('')) }],
        },
      ],
    },
    {
      // the end runs the start again: a restart, not an end
      code: store(restart),
      errors: [
        {
          messageId: 'storedNotEnded',
          line: 13,
          column: 26,
          suggestions: [{ messageId: 'endInTeardown', data: { teardown: 'destroy' }, output: endedInDestroy(store(restart)) }],
        },
      ],
    },
    {
      // a teardown that takes no data is the object's, even when it ends nothing: another method
      // that ends the handle (a graceful drain) does not excuse it, and the end is fixed into it
      code: processor,
      output: processor.replace('    this.running = false;\n', '    this.running = false;\n    clearInterval(this.timer);\n'),
      errors: [{ messageId: 'storedNotEnded', line: 8, column: 18 }],
    },
    {
      // ending something in a callback is ending something: close(code) is the object's teardown
      code: clientConnection,
      output: clientConnection.replace(
        '    this.connections.forEach((connection) => connection.close(code));\n',
        '    this.connections.forEach((connection) => connection.close(code));\n    clearInterval(this.pingInterval);\n',
      ),
      errors: [{ messageId: 'storedNotEnded', line: 7, column: 25 }],
    },
    {
      // the teardown ends something, so it is the object's: the interval it forgets is a leak,
      // whatever pause() does, and ending it there is fixed
      code: poller,
      output: poller.replace('    this.socket.destroy();\n', '    this.socket.destroy();\n    clearInterval(this.timer);\n'),
      errors: [{ messageId: 'storedNotEnded', line: 9, column: 18 }],
    },
  ],
});
