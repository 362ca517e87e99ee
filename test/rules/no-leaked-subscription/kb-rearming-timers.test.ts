import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: self-re-arming setTimeout', rule, {
  valid: [
    // started once at module level: it runs for the program's life
    `
declare function work(): void;

function poll() {
  work();
  setTimeout(poll, 1000);
}
poll();
`,
    // a one-shot timer, and a bounded retry counting down
    `
declare function work(): void;

export function later() {
  setTimeout(() => work(), 1000);
}

export function retry(attempts: number) {
  if (attempts > 0) setTimeout(() => retry(attempts - 1), 1000);
}
`,
    // re-armed while work remains, until ready, or on failure: each ends by itself
    `
declare function send(chunk: string): void;
declare function ready(): boolean;
declare function connect(): Promise<void>;

export function drain(queue: string[]) {
  send(queue.shift() ?? '');
  if (queue.length > 0) setTimeout(() => drain(queue), 100);
}

export function waitForReady(resolve: () => void) {
  const check = () => {
    if (ready()) return resolve();
    setTimeout(check, 100);
  };
  check();
}

export function reconnect() {
  connect().catch(() => setTimeout(reconnect, 1000));
}
`,
    // re-armed from the handler of its connection's failure or close: a reconnect that stops once one stays up
    `
import { EventSource } from 'eventsource';
import net from 'node:net';

export function follow(url: string) {
  const source = new EventSource(url);
  source.onerror = () => {
    source.close();
    setTimeout(() => follow(url), 5000);
  };
}

export const sockets = new Set<net.Socket>();
export function dial(port: number) {
  const socket = net.connect(port);
  sockets.add(socket);
  socket.on('close', () => {
    sockets.delete(socket);
    setTimeout(() => dial(port), 1000);
  });
}
`,
    // the stored id is cleared by the teardown
    `
export class LockRenewer {
  timer: ReturnType<typeof setTimeout> | undefined;
  renew() {
    this.timer = setTimeout(async () => {
      await Promise.resolve();
      this.renew();
    }, 1000);
  }
  close() {
    clearTimeout(this.timer);
  }
}
`,
    // handed back: the caller clears it
    `
declare function work(): void;

export function startPolling(ms: number) {
  let timer: ReturnType<typeof setTimeout>;
  const poll = () => {
    work();
    timer = setTimeout(poll, ms);
  };
  poll();
  return () => clearTimeout(timer);
}
`,
    // re-armed from a promise callback, but stopped by a flag the class sets, or handed back
    `
declare function fetchStatus(): Promise<{ done: boolean }>;

export class StatusPoller {
  stopped = false;
  poll() {
    void fetchStatus().then(() => {
      if (!this.stopped) setTimeout(() => this.poll(), 1000);
    });
  }
  stop() {
    this.stopped = true;
  }
}

export class Ticker {
  closed = false;
  tick() {
    if (this.closed) return;
    console.log('tick');
    setTimeout(() => this.tick(), 1000);
  }
  close() {
    this.closed = true;
  }
}

export function watch(id: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = () => {
    void fetchStatus().then(() => {
      timer = setTimeout(poll, 1000);
    });
  };
  poll();
  return () => clearTimeout(timer);
}
`,
  ],
  invalid: [
    {
      // re-armed from a handler of every message, which is no end of the source
      code: `
import { EventSource } from 'eventsource';

export function follow(url: string) {
  const source = new EventSource(url);
  source.onmessage = () => {
    source.close();
    setTimeout(() => follow(url), 5000);
  };
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { code: 'setTimeout(() => follow(url), 5000)', label: 'a self-re-arming timer' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 15,
        },
      ],
    },
    {
      // a poller per call that nothing can stop
      code: `
declare function work(): Promise<void>;

export function startPolling(ms: number) {
  const poll = async () => {
    await work();
    setTimeout(poll, ms);
  };
  void poll();
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { code: 'setTimeout(poll, ms)', label: 'a self-re-arming timer' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 15,
        },
      ],
    },
    {
      // close() forgets the renewal timer: it re-arms itself forever
      code: `
export class LockRenewer {
  timer: ReturnType<typeof setTimeout> | undefined;
  renew() {
    this.timer = setTimeout(async () => {
      await Promise.resolve();
      this.renew();
    }, 1000);
  }
  close() {
    console.log('closed');
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setTimeout(…)', label: 'a self-re-arming timer', member: 'this.timer', teardown: 'close' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
        },
      ],
      output: `
export class LockRenewer {
  timer: ReturnType<typeof setTimeout> | undefined;
  renew() {
    this.timer = setTimeout(async () => {
      await Promise.resolve();
      this.renew();
    }, 1000);
  }
  close() {
    console.log('closed');
    clearTimeout(this.timer);
  }
}
`,
    },
  ],
});
