import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Objects made for one call, seen on the second fresh corpus set (@grpc/grpc-js):
// - a handler in a table of handlers that the file only hands to a call
//   (`server.addService(def, this.handlers)`) is run by whoever it is handed to, with a call object
//   made for that run, as a callback is: a listener on it goes with it;
// - a private method whose only caller hands it the server it has just made, in either branch
//   (`let server; if (secure) server = createSecureServer(); else server = createServer();`),
//   installs handlers for that server's life.
runInBothModes('no-leaked-subscription: objects made for one call', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

export class MetricsRecorder {
  private handlers = {
    StreamMetrics: (call: EventEmitter) => {
      const timer = setInterval(() => call.emit('report'), 30_000);
      call.on('cancelled', () => clearInterval(timer));
    },
  };

  addToServer(server: { addService(handlers: object): void }) {
    server.addService(this.handlers);
  }
}
`,
    `
import { EventEmitter } from 'node:events';

export function addMetrics(server: { addService(handlers: object): void }) {
  server.addService({
    StreamMetrics(call: EventEmitter) {
      const timer = setInterval(() => call.emit('report'), 30_000);
      call.on('cancelled', () => clearInterval(timer));
    },
  });
}
`,
    `
import * as http from 'node:http';
import type { Server as HttpServer } from 'node:http';
import * as https from 'node:https';

export class Server {
  private createServer(secure: boolean) {
    let server;
    if (secure) {
      server = https.createServer({});
    } else {
      server = http.createServer();
    }
    this.handlersFor(server);
    return server;
  }

  private handlersFor(server: HttpServer) {
    server.on('request', (req, res) => res.end());
    server.on('connection', (socket) => socket.setNoDelay(true));
  }
}
`,
    `
import { EventEmitter } from 'node:events';

export class Relay {
  private busFor(captureRejections: boolean) {
    let bus;
    if (captureRejections) {
      bus = new EventEmitter({ captureRejections });
    } else {
      bus = new EventEmitter();
    }
    this.handlersFor(bus);
    return bus;
  }

  private handlersFor(bus: EventEmitter) {
    bus.on('message', (message) => console.log(message));
  }
}
`,
  ],
  invalid: [
    {
      // a public table: anyone may call its handler with a long-lived emitter
      code: `
import { EventEmitter } from 'node:events';

export class MetricsRecorder {
  handlers = {
    StreamMetrics: (call: EventEmitter) => {
      call.on('cancelled', () => console.log('cancelled'));
    },
  };
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 7, column: 7, endLine: 7, endColumn: 14 }],
    },
    {
      // one branch hands on an emitter the object was given: not made here
      code: `
import { EventEmitter } from 'node:events';

export class Relay {
  constructor(private shared: EventEmitter) {}

  private busFor(own: boolean) {
    let bus;
    if (own) {
      bus = new EventEmitter();
    } else {
      bus = this.shared;
    }
    this.handlersFor(bus);
    return bus;
  }

  private handlersFor(bus: EventEmitter) {
    bus.on('message', () => console.log('message'));
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 19,
          column: 5,
          endLine: 19,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`handlersFor()`' },
              output: `
import { EventEmitter } from 'node:events';

export class Relay {
  constructor(private shared: EventEmitter) {}

  private busFor(own: boolean) {
    let bus;
    if (own) {
      bus = new EventEmitter();
    } else {
      bus = this.shared;
    }
    this.handlersFor(bus);
    return bus;
  }

  private handlersFor(bus: EventEmitter, signal?: AbortSignal) {
    const onMessage = () => console.log('message');
    bus.on('message', onMessage);
    if (signal?.aborted) bus.off('message', onMessage);
    else signal?.addEventListener('abort', () => bus.off('message', onMessage), { once: true });
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
