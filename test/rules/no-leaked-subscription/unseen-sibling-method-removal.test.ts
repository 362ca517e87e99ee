import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// A class that attaches to each object it is handed in one method and detaches in another
// (colyseus' Room: `_onJoin(client)` adds `client.ref.on('message', …)`, and the method that
// removes a client runs `client.ref.removeAllListeners('message')`) removes the listener: the
// removal is on the same member of a parameter of the same type. A removal of another event does
// not count. Without types, a parameter of the same name is a weak hint that only keeps the rule
// quiet; with types, a parameter of another type (a UDP socket, not a TCP one) does not count.
const room = (leave: string, imports = ''): string => `
${imports}import net from 'node:net';

export class Room {
  private received = 0;

  join(socket: net.Socket): void {
    socket.on('data', (data) => this.onMessage(data));
  }

${leave}

  private onMessage(data: Buffer): void {
    this.received += data.length;
  }
}
`;

runInBothModes('no-leaked-subscription: a listener another method of the class removes', rule, {
  valid: [
    room(`  leave(socket: net.Socket): void {
    socket.removeAllListeners('data');
  }`),
    room(`  #forget(socket: net.Socket): void {
    socket.removeAllListeners();
    socket.destroy();
  }

  kick(socket: net.Socket): void {
    this.#forget(socket);
  }`),
  ],
  invalid: [],
});

const closeLeave = room(`  leave(socket: net.Socket): void {
    socket.removeAllListeners('close');
  }`);

const udpLeave = room(
  `  leave(socket: dgram.Socket): void {
    socket.removeAllListeners('data');
  }`,
  `import dgram from 'node:dgram';
`,
);

/** The typed suggestion: a signal parameter for `join()`, and the listener removed on abort. */
const withSignal = (code: string): string =>
  code.replace(
    `  join(socket: net.Socket): void {
    socket.on('data', (data) => this.onMessage(data));`,
    `  join(socket: net.Socket, signal?: AbortSignal): void {
    const onData = (data: NonSharedBuffer) => this.onMessage(data);
    socket.on('data', onData);
    if (signal?.aborted) socket.off('data', onData);
    else signal?.addEventListener('abort', () => socket.off('data', onData), { once: true });`,
  );

untypedRuleTester.run('no-leaked-subscription: removals that do not count (untyped)', rule, {
  // A parameter of the same name: without types, nothing says it is another kind of object.
  valid: [udpLeave],
  // A removal of another event.
  invalid: [{ code: closeLeave, errors: [{ messageId: 'listenerNotRemoved', line: 8, column: 5, endLine: 8, endColumn: 14 }] }],
});

typedRuleTester.run('no-leaked-subscription: removals that do not count (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: closeLeave,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 14,
          suggestions: [{ messageId: 'addSignalParameter', output: withSignal(closeLeave) }],
        },
      ],
    },
    {
      code: udpLeave,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          suggestions: [{ messageId: 'addSignalParameter', output: withSignal(udpLeave) }],
        },
      ],
    },
  ],
});
