import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: a start kept in a local, then stored on this', rule, {
  valid: [
    // the teardown closes the server the local was stored in
    `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  listen(port: number) {
    return new Promise((resolve) => {
      const server = net.createServer((socket) => socket.end());
      server.listen(port, () => resolve(port));
      this.server = server;
    });
  }
  close() {
    this.server?.close();
  }
}
`,
    // the teardown clears the interval through the member
    `
export class Poller {
  timer: ReturnType<typeof setInterval> | undefined;
  start(poll: () => void) {
    const timer = setInterval(poll, 1000);
    this.timer = timer;
  }
  stop() {
    clearInterval(this.timer);
  }
}
`,
  ],
  invalid: [
    {
      // the teardown destroys the sockets but no longer closes the server
      code: `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  sockets: net.Socket[] = [];
  listen(port: number) {
    return new Promise((resolve) => {
      const server = net.createServer((socket) => this.sockets.push(socket));
      server.listen(port, () => resolve(port));
      this.server = server;
    });
  }
  close() {
    this.sockets.forEach((socket) => socket.destroy());
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'net.createServer(…)', label: 'a TCP server', member: 'this.server', teardown: 'close' },
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 38,
        },
      ],
      output: `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  sockets: net.Socket[] = [];
  listen(port: number) {
    return new Promise((resolve) => {
      const server = net.createServer((socket) => this.sockets.push(socket));
      server.listen(port, () => resolve(port));
      this.server = server;
    });
  }
  close() {
    this.sockets.forEach((socket) => socket.destroy());
    this.server?.close();
  }
}
`,
    },
    {
      // kept in a local, stored on this, and never cleared by stop()
      code: `
export class Poller {
  timer: ReturnType<typeof setInterval> | undefined;
  start(poll: () => void) {
    const timer = setInterval(poll, 1000);
    this.timer = timer;
  }
  stop() {
    console.log('stopped');
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(poll, 1000)', label: 'an interval', member: 'this.timer', teardown: 'stop' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 30,
        },
      ],
      output: `
export class Poller {
  timer: ReturnType<typeof setInterval> | undefined;
  start(poll: () => void) {
    const timer = setInterval(poll, 1000);
    this.timer = timer;
  }
  stop() {
    console.log('stopped');
    clearInterval(this.timer);
  }
}
`,
    },
  ],
});
