import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// What a constructor attaches to the object it is handed belongs to the new object. So does what a
// private method attaches when only the constructor calls it, once (rhea-promise's Connection runs
// `this._initializeEventListeners()` from its constructor): no code elsewhere can call it again.
// A public method may be called by anyone, and a private one also called by `reconnect()` runs
// again on the same object: both are still reported.
runInBothModes('no-leaked-subscription: private methods only the constructor calls', rule, {
  valid: [
    `
import net from 'node:net';

export class Wrapper {
  private socket: net.Socket;
  private received = 0;

  constructor(socket: net.Socket) {
    this.socket = socket;
    this.listen();
  }

  private listen(): void {
    this.socket.on('data', (chunk) => {
      this.received += chunk.length;
    });
  }
}
`,
    `
import net from 'node:net';

export class Wrapper {
  #socket: net.Socket;
  #received = 0;

  constructor(socket: net.Socket) {
    this.#socket = socket;
    this.#listen();
  }

  #listen(): void {
    this.#socket.on('data', (chunk) => {
      this.#received += chunk.length;
    });
  }
}
`,
  ],
  invalid: [],
});

// Also called by reconnect(): one more listener on the same socket each time.
const reconnectCase = `
import net from 'node:net';

export class Wrapper {
  private socket: net.Socket;
  private received = 0;

  constructor(socket: net.Socket) {
    this.socket = socket;
    this.listen();
  }

  reconnect(): void {
    this.listen();
  }

  private listen(): void {
    this.socket.on('data', (chunk) => {
      this.received += chunk.length;
    });
  }
}
`;

// A public method: whoever holds the object may call it again.
const publicCase = `
import net from 'node:net';

export class Wrapper {
  private socket: net.Socket;
  private received = 0;

  constructor(socket: net.Socket) {
    this.socket = socket;
    this.listen();
  }

  listen(): void {
    this.socket.on('data', (chunk) => {
      this.received += chunk.length;
    });
  }
}
`;

untypedRuleTester.run('no-leaked-subscription: methods others may call, from the constructor too (untyped)', rule, {
  valid: [],
  invalid: [
    { code: reconnectCase, errors: [{ messageId: 'listenerNotRemoved', line: 18, column: 5, endLine: 18, endColumn: 19 }] },
    { code: publicCase, errors: [{ messageId: 'listenerNotRemoved', line: 14, column: 5, endLine: 14, endColumn: 19 }] },
  ],
});

// With types, the listener's parameter type is known, so it can be moved into a `const` for the suggestion.
typedRuleTester.run('no-leaked-subscription: methods others may call, from the constructor too (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: reconnectCase,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 18,
          column: 5,
          endLine: 18,
          endColumn: 19,
          suggestions: [{ messageId: 'addSignalParameter', output: `
import net from 'node:net';

export class Wrapper {
  private socket: net.Socket;
  private received = 0;

  constructor(socket: net.Socket) {
    this.socket = socket;
    this.listen();
  }

  reconnect(): void {
    this.listen();
  }

  private listen(signal?: AbortSignal): void {
    const onData = (chunk: NonSharedBuffer) => {
      this.received += chunk.length;
    };
    this.socket.on('data', onData);
    if (signal?.aborted) this.socket.off('data', onData);
    else signal?.addEventListener('abort', () => this.socket.off('data', onData), { once: true });
  }
}
` }],
        },
      ],
    },
    {
      code: publicCase,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 14,
          column: 5,
          endLine: 14,
          endColumn: 19,
          suggestions: [{ messageId: 'addSignalParameter', output: `
import net from 'node:net';

export class Wrapper {
  private socket: net.Socket;
  private received = 0;

  constructor(socket: net.Socket) {
    this.socket = socket;
    this.listen();
  }

  listen(signal?: AbortSignal): void {
    const onData = (chunk: NonSharedBuffer) => {
      this.received += chunk.length;
    };
    this.socket.on('data', onData);
    if (signal?.aborted) this.socket.off('data', onData);
    else signal?.addEventListener('abort', () => this.socket.off('data', onData), { once: true });
  }
}
` }],
        },
      ],
    },
  ],
});
